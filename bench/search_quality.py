"""`make bench`, part 3b: how well search ranks — nDCG@10 and MRR of the judged queries.

`python bench/search_quality.py` builds the ranking corpus of `tests/search_ranking_corpus.py`
and, apart, the demo content of `make run`, each in a fresh database of each kind (SQLite, and
PostgreSQL when it answers), asks every judged query of `tests/test_search_ranking.py` (JUDGED
over the corpus, JUDGED_DEMO over the demo) through the same search code the site uses, scores the
first ten results: nDCG@10 with the gains 3 (the page that must come first, or the pages of a
required order), 2 (must be in the top 3), 1 (must be in the top 10); MRR by the first of the pages
that must come first or be in the top 3; how many queries meet every expectation (`judge`); and
how many have the same top five on both databases. Prints a table and writes the section
"search_quality" of bench/results.json. `--databases sqlite` or `postgresql` runs one of them.
"""

import argparse
import contextlib
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, fresh_database, manage, postgres_available, update_results

DEPTH = 10
DUMMY_TASKS = "django_tasks.backends.dummy.DummyBackend"


def gains(row):
    """The graded relevance of the pages a judged query names."""
    graded = dict.fromkeys(row["top10"], 1)
    graded.update(dict.fromkeys(row["top3"], 2))
    graded.update(dict.fromkeys([*row["order"], *filter(None, [row["first"]])], 3))
    return graded


def ndcg(row, ranked):
    graded = gains(row)
    dcg = sum(graded.get(name, 0) / math.log2(n + 2) for n, name in enumerate(ranked[:DEPTH]))
    ideal = sorted(graded.values(), reverse=True)[:DEPTH]
    best = sum(gain / math.log2(n + 2) for n, gain in enumerate(ideal))
    return dcg / best if best else 1.0


def reciprocal_rank(row, ranked):
    relevant = {name for name, gain in gains(row).items() if gain >= 2} or set(gains(row))
    for n, name in enumerate(ranked[:DEPTH]):
        if name in relevant:
            return 1 / (n + 1)
    return 0.0


def judged_sets():
    """{set: (judged rows, corpus builder)}; a ranking's key is `set: query`."""
    from tests.search_ranking_corpus import build_demo_corpus, build_ranking_corpus
    from tests.test_search_ranking import JUDGED, JUDGED_DEMO

    def corpus():
        from tests.factories import build_site_tree

        return build_ranking_corpus(build_site_tree())

    return {"corpus": (JUDGED, corpus), "demo": (JUDGED_DEMO, build_demo_corpus)}


def score(rankings):
    """The metrics of one database's rankings ({`set: query`: ranked names})."""
    from tests.test_search_ranking import judge

    keyed = [
        (f"{name}: {row['query']}", row)
        for name, (judged, _) in judged_sets().items()
        for row in judged
    ]
    rows = [(row, rankings[key]) for key, row in keyed]
    failures = {key: judge(row, rankings[key]) for key, row in keyed if judge(row, rankings[key])}
    return {
        "queries": len(rows),
        "ndcg_at_10": round(sum(ndcg(row, ranked) for row, ranked in rows) / len(rows), 4),
        "mrr": round(sum(reciprocal_rank(row, ranked) for row, ranked in rows) / len(rows), 4),
        "judged_ok": len(rows) - len(failures),
        "failures": failures,
    }


def worker(output, name):
    """In a process set up for one database: build one set's corpus, write its rankings."""
    import django

    django.setup()
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()  # requests as the tests make them ("testserver")
    from tests.test_search_ranking import ranked_names

    judged, build = judged_sets()[name]
    # The demo's renditions (background tasks) take minutes and rank nothing; its search index
    # is built by build_demo_corpus itself. The corpus indexes its pages through the tasks.
    dropping = override_settings(TASKS={"default": {"BACKEND": DUMMY_TASKS}})
    with dropping if name == "demo" else contextlib.nullcontext():
        corpus = build()
    rankings = {
        f"{name}: {row['query']}": ranked_names(corpus, row["query"])[:50] for row in judged
    }
    Path(output).write_text(json.dumps(rankings, ensure_ascii=False), encoding="utf-8")


def rankings_on(vendor, database, workdir):
    rankings = {}
    for name in judged_sets():
        url = fresh_database(f"{database}_{name}", vendor, workdir)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kronika.settings.test", "DATABASE_URL": url}
        manage("migrate", "--no-input", env=env)
        output = Path(workdir) / f"{vendor}-{name}.json"
        subprocess.run(
            [PYTHON, __file__, "--worker", str(output), "--set", name],
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(ROOT)},
            check=True,
        )
        rankings.update(json.loads(output.read_text(encoding="utf-8")))
    return rankings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", choices=["both", "sqlite", "postgresql"], default="both")
    parser.add_argument("--name", default="kronika_bench_quality", help="the database's name")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--set", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.set)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kronika.settings.test")
    import django

    django.setup()
    vendors = ["sqlite", "postgresql"] if args.databases == "both" else [args.databases]
    if "postgresql" in vendors and not postgres_available():
        print("PostgreSQL does not answer on 127.0.0.1:5432: SQLite only")
        vendors.remove("postgresql")
    results, rankings = {}, {}
    with tempfile.TemporaryDirectory() as workdir:
        for vendor in vendors:
            rankings[vendor] = rankings_on(vendor, args.name, workdir)
            results[vendor] = score(rankings[vendor])
    print(f"{'database':<12} {'queries':>7} {'nDCG@10':>8} {'MRR':>6} {'judged ok':>10}")
    for vendor, found in results.items():
        judged_ok = f"{found['judged_ok']}/{found['queries']}"
        print(
            f"{vendor:<12} {found['queries']:>7} {found['ndcg_at_10']:>8.3f} "
            f"{found['mrr']:>6.3f} {judged_ok:>10}"
        )
        for query, wrong in found["failures"].items():
            print(f"  {query!r}: {'; '.join(wrong)}")
    if len(rankings) == 2:
        sqlite, postgresql = rankings["sqlite"], rankings["postgresql"]
        same = [query for query in sqlite if sqlite[query][:5] == postgresql[query][:5]]
        results["top5_identical"] = {"queries": len(same), "of": len(sqlite)}
        share = len(same) / len(sqlite)
        print(f"top five identical on both databases: {len(same)}/{len(sqlite)} ({share:.0%})")
        for query in sqlite:
            if query not in same:
                print(f"  {query!r}: {sqlite[query][:5]} / {postgresql[query][:5]}")
    update_results("search_quality", results)


if __name__ == "__main__":
    main()
