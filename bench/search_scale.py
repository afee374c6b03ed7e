"""`make bench`, part 3: search at scale — index build time and query latency, SQLite and PostgreSQL.

`python bench/search_scale.py --pages 20000` (the documented default) generates half visits, half
news with `manage.py generate_content` and times `update_index` (the two databases are built side
by side, about a core each), then, one database after the other, in a fresh process, asks 20
realistic Polish queries (typed without diacritics, in base forms) through the search view and
20 prefixes a reader types through the suggestions endpoint, keeping the database connection as
production does (CONN_MAX_AGE). The first pass over the queries is reported on its own (cold:
what the first reader to ask each query after a publish waits — nothing kept in the cache yet,
empty per-process caches of the normaliser, first template renders); median and p95 of the next
`--rounds` passes (warm, default 3) are the same queries asked again, served from the results
search keeps until the next publish; the first ask after a publish is timed over `--rounds`
rounds of a publish, one other search (which pays the new version's one-off costs) and each
query once. `--profile QUERY` prints
the cProfile of one search request. The normaliser's start-up time and memory
(foundation/indexing/polish/) are measured in a subprocess of its own. `--databases sqlite` or `postgresql` runs one of them;
`--time-only URL` times the queries on a database generated and indexed before.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, fresh_database, manage, postgres_available, update_results

QUERIES = [
    "spoldzielnia socjalna",
    "Jarocin",
    "Rawicz",
    "centrum uslug spolecznych",
    "cus",
    "wizyta studyjna",
    "osrodek pomocy spolecznej",
    "ekonomia spoleczna",
    "Lodz",
    "warsztaty terapii zajeciowej",
    "klub integracji spolecznej",
    "kawiarnia",
    "mgops",
    "wielkopolskie",
    "seniorzy",
    "asystent osobisty",
    "mieszkania wspomagane",
    "2021",
    "zaklad aktywnosci zawodowej",
    "partnerstwo gmin",
]
#: What a reader types into the box before picking a suggestion.
PREFIXES = [
    "spol",
    "spoldzielnia so",
    "jaro",
    "rawi",
    "centrum usl",
    "wiz",
    "wizyta stu",
    "osrodek pom",
    "ekonom",
    "lod",
    "warsztat",
    "klub int",
    "kawiar",
    "aktualnosc nr 12",
    "gniez",
    "zaklad akt",
    "krak",
    "szczec",
    "2021",
    "fundacja",
]
TIMING_CODE = """
import json, statistics, time
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment
from foundation.caching.version import bump
setup_test_environment()
connection.settings_dict['CONN_MAX_AGE'] = 60  # a worker keeps its connection (production.py)
client = Client()
cases = json.loads({cases!r})

def timed(path, q):
    start = time.perf_counter()
    response = client.get(path, {{'q': q}})
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (path, q, response.status_code)
    return elapsed

def p95(values):
    values = sorted(values)
    return values[max(0, -(-len(values) * 95 // 100) - 1)]

def after_publish(path, queries):
    # A publish renews the content version; the first search after it pays the version's
    # one-off costs (example queries, year list, synonyms), then each query is asked once.
    times = []
    for _ in range({rounds}):
        bump()
        timed(path, 'zupelnie inne slowa')
        times.extend(timed(path, q) for q in queries)
    return times

out = {{}}
for name, path, queries in cases:
    cold = [timed(path, q) for q in queries]
    warm = [timed(path, q) for _ in range({rounds}) for q in queries]
    first = after_publish(path, queries)
    out[name] = {{'cold_median_ms': round(statistics.median(cold), 1),
                 'cold_p95_ms': round(p95(cold), 1),
                 'cold_max_ms': round(max(cold), 1),
                 'median_ms': round(statistics.median(warm), 1),
                 'p95_ms': round(p95(warm), 1),
                 'first_ask_median_ms': round(statistics.median(first), 1),
                 'first_ask_p95_ms': round(p95(first), 1)}}
print(json.dumps(out))
"""
PROFILE_CODE = """
import cProfile, pstats
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
client.get('/szukaj/', {{'q': {query!r}}})
from django.core.cache import cache
cache.clear()  # a first ask after a publish; the normaliser and templates stay warm
profile = cProfile.Profile()
profile.enable()
client.get('/szukaj/', {{'q': {query!r}}})
profile.disable()
pstats.Stats(profile).sort_stats('cumulative').print_stats(35)
"""
RSS_CODE = """
import json, resource, time, django
django.setup()
def rss_mb():
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) / 1024
before, peak_before = rss_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
from foundation.indexing import polish
polish.document_keys("Spółdzielnię Socjalną w Jarocinie odwiedzili uczestnicy wizyty studyjnej")
polish.query_keys("spoldzielnia jarocin")
startup_s = time.perf_counter() - started
after, peak_after = rss_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({'backend': polish.backend_name(), 'startup_s': round(startup_s, 3),
                  'rss_added_mb': round(after - before, 1),
                  'peak_rss_added_mb': round((peak_after - peak_before) / 1024, 1)}))
"""


def env_for(database_url):
    import os

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(DJANGO_SETTINGS_MODULE="kronika.settings.test", DATABASE_URL=database_url)
    env["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return env


def say(text):
    print(text, flush=True)


def timings(env, rounds):
    cases = [["search", "/szukaj/", QUERIES], ["suggestions", "/szukaj/podpowiedzi/", PREFIXES]]
    code = TIMING_CODE.format(cases=json.dumps(cases, ensure_ascii=False), rounds=rounds)
    return json.loads(manage("shell", "-c", code, env=env).stdout.strip().splitlines()[-1])


def prepare(vendor, pages, workdir):
    """A fresh database with the demo and `pages` generated pages, indexed and analysed."""
    env = env_for(fresh_database("kronika_bench_search", vendor, workdir))
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_demo", env=env)
    started = time.perf_counter()
    manage("generate_content", str(pages // 2), env=env)
    generate_s = time.perf_counter() - started
    say(f"{vendor}: generate_content {pages} pages: {generate_s:.1f} s")
    started = time.perf_counter()
    manage("update_index", env=env)
    index_s = time.perf_counter() - started
    say(f"{vendor}: update_index: {index_s:.1f} s")
    if vendor == "postgresql":
        # What autovacuum does soon after a rebuild: without it, the timed queries would read
        # the rebuilt index table's dead rows (or race autovacuum for the machine).
        database = env["DATABASE_URL"].rsplit("/", 1)[1]
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-q",
                "-d",
                database,
                "-c",
                "VACUUM ANALYZE",
            ],
            check=True,
            capture_output=True,
        )
    return env, {
        "database": vendor,
        "pages": pages,
        "generate_s": round(generate_s, 1),
        "update_index_s": round(index_s, 1),
    }


def measure(env, row, profile=None, rounds=3):
    timing = timings(env, rounds)
    say(f"{row['database']}: {json.dumps(timing)}")
    if profile:
        say(manage("shell", "-c", PROFILE_CODE.format(query=profile), env=env).stdout)
    return {**row, **timing}


def normaliser_cost():
    """Start-up time and memory of the normaliser, in a process of its own."""
    result = subprocess.run(
        [PYTHON, "-c", RSS_CODE],
        cwd=ROOT,
        env=env_for("sqlite:///:memory:"),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20000, help="generated pages (half visits)")
    parser.add_argument(
        "--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql"
    )
    parser.add_argument("--profile", metavar="QUERY", help="cProfile one search request")
    parser.add_argument("--rounds", type=int, default=3, help="warm passes over the queries")
    parser.add_argument(
        "--time-only",
        metavar="DATABASE_URL",
        help="only time the queries on an existing, indexed database (no generate, no index)",
    )
    args = parser.parse_args()
    if args.time_only:
        say(json.dumps(timings(env_for(args.time_only), args.rounds)))
        return
    workdir = tempfile.mkdtemp(prefix="kronika-bench-search-")
    vendors = []
    for vendor in args.databases.split(","):
        if vendor == "postgresql" and not postgres_available():
            say("PostgreSQL: pominięto — nie odpowiada na 127.0.0.1:5432.")
            continue
        vendors.append(vendor)
    # The databases are built side by side (each build is one Python process and its database
    # server: about a core each), then timed one after the other on a quiet machine.
    with ThreadPoolExecutor(max_workers=len(vendors) or 1) as pool:
        prepared = list(pool.map(lambda vendor: prepare(vendor, args.pages, workdir), vendors))
    rows = [measure(env, row, args.profile, args.rounds) for env, row in prepared]
    rss = normaliser_cost()
    say(
        f"\nWyszukiwanie, {args.pages} stron; 20 zapytań i 20 podpowiedzi: 1× na zimno, "
        f"{args.rounds}× na ciepło"
    )
    say(
        f"{'Baza':<11} {'gen. s':>7} {'indeks s':>9} {'szukaj: zimno med/p95/max':>26} "
        f"{'po publikacji: med.':>20} {'p95':>6} {'ciepło: med.':>12} {'p95':>6} "
        f"{'podpow.: mediana':>17} {'p95':>6}"
    )
    for row in rows:
        found, typed = row["search"], row["suggestions"]
        say(
            f"{row['database']:<11} {row['generate_s']:>7} {row['update_index_s']:>9} "
            f"{found['cold_median_ms']:>10} / {found['cold_p95_ms']:>6} / {found['cold_max_ms']:>6} "
            f"{found['first_ask_median_ms']:>20} {found['first_ask_p95_ms']:>6} "
            f"{found['median_ms']:>12} {found['p95_ms']:>6} {typed['median_ms']:>17} "
            f"{typed['p95_ms']:>6}"
        )
    say(
        f"Normalizator ({rss['backend']}): start {rss['startup_s']} s, "
        f"+{rss['rss_added_mb']} MB RSS (szczyt +{rss['peak_rss_added_mb']} MB)"
    )
    update_results(
        "search", {"queries": QUERIES, "prefixes": PREFIXES, "rows": rows, "normaliser": rss}
    )


if __name__ == "__main__":
    main()
