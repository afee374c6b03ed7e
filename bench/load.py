"""`make bench`, parts 2 and 4: gunicorn under load (wrk) and Lighthouse, production settings.

A fresh database (PostgreSQL when it answers, else SQLite) with the demo content and 1,000
generated visits and news, static files collected, Redis as the cache (page cache on) when it
answers. Every target is measured CACHED (no cookie) and UNCACHED (a session cookie, which the
page cache never serves: the logged-in path without the login) in interleaved rounds, and reported
as a ratio to a static file, the ceiling of this stack on this machine.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    ROOT,
    Gunicorn,
    fresh_database,
    manage,
    postgres_available,
    production_env,
    redis_available,
    update_results,
)

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, '
    .. '"p50_us": %d, "p99_us": %d}\\n', summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
"""
UNCACHED = {"Cookie": "sessionid=bench-uncached"}
WARM_UP_SECONDS = 1  # per target, before the measured rounds
URLS_CODE = """
import json
from news.models import NewsPage
from visits.models import VisitPage
visit = max(VisitPage.objects.live().filter(title__startswith=''), key=lambda p: len(p.stops))
article = NewsPage.objects.live().order_by('-publication_date').first()
print(json.dumps({'article': article.url, 'visit': visit.url,
                  'year': visit.start_date.year, 'region': (visit.regions or ['wielkopolskie'])[0]}))
"""


def ensure_wrk():
    if shutil.which("wrk"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk: installing with apt-get …")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True)
        if not shutil.which("wrk"):
            subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True)
    return bool(shutil.which("wrk"))


def prepare(workdir, generated):
    vendor = "postgresql" if postgres_available() else "sqlite"
    database = fresh_database("kronika_bench_load", vendor, workdir)
    extra = {"REDIS_URL": "redis://127.0.0.1:6379/14"} if redis_available() else {}
    env = production_env(database, Path(workdir) / "static", **extra)
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_demo", env=env)
    if generated:
        manage("generate_content", str(generated), env=env)
        manage("update_index", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    if extra:
        import redis

        redis.Redis.from_url(extra["REDIS_URL"]).flushdb()
    urls = json.loads(manage("shell", "-c", URLS_CODE, env=env).stdout.strip().splitlines()[-1])
    manifest = json.loads((Path(workdir) / "static" / "staticfiles.json").read_text())
    return env, vendor, bool(extra), urls, manifest["paths"]["css/kronika.css"]


def wrk(url, seconds, connections, headers, script):
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "-s",
        script,
        "--timeout",
        "5s",
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    line = [row for row in output.splitlines() if row.startswith('{"requests"')][-1]
    data = json.loads(line)
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def warm_up(server, targets, connections, script):
    """Every target once, then under load for a second, none of it measured.

    The first request renders a page and fills its caches (page cache, fragments, routes,
    renditions); the short wrk run reaches every worker and thread, so none of them imports
    or compiles templates inside a measured window.
    """
    for _label, path, headers in targets:
        request = urllib.request.Request(server.base + path, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200, (path, response.status)
    for _label, path, headers in targets:
        wrk(server.base + path, WARM_UP_SECONDS, connections, headers, script)


def run_load(server, targets, seconds, rounds, connections, workdir):
    script = Path(workdir) / "report.lua"
    script.write_text(WRK_SCRIPT)
    warm_up(server, targets, connections, script)
    samples = {label: [] for label, _, _ in targets}
    for _ in range(rounds):
        for label, path, headers in targets:
            samples[label].append(wrk(server.base + path, seconds, connections, headers, script))
    rows = []
    for label, path, headers in targets:
        runs = samples[label]
        rows.append(
            {
                "target": label,
                "url": path,
                "cached": not headers,
                "rps": round(statistics.mean(r["rps"] for r in runs), 1),
                "p50_ms": round(statistics.median(r["p50_us"] for r in runs) / 1000, 1),
                "p99_ms": round(max(r["p99_us"] for r in runs) / 1000, 1),
                "errors": sum(r["errors"] + r["non2xx"] for r in runs),
            }
        )
    ceiling = rows[0]["rps"]
    for row in rows:
        row["ratio_to_static"] = round(row["rps"] / ceiling, 3)
    return rows


def lighthouse(server, pages):
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        print("Lighthouse: pominięto — brak npm/node.")
        return None
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome).exists():
        print(f"Lighthouse: pominięto — brak Chromium ({chrome}).")
        return None
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print("Lighthouse: npm install lighthouse@12 do bench/node_modules …")
        subprocess.run(
            [
                npm,
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
                str(ROOT / "bench"),
                "lighthouse@12",
            ],
            capture_output=True,
        )
    if not binary.exists():
        print("Lighthouse: pominięto — instalacja lighthouse@12 nie powiodła się.")
        return None
    scores = []
    for label, path in pages:
        result = subprocess.run(
            [
                str(binary),
                server.base + path,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                "--only-categories=performance,accessibility",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": chrome},
        )
        if result.returncode != 0:
            print(f"Lighthouse {label}: błąd {result.stderr[-400:]}")
            continue
        report = json.loads(result.stdout)
        categories = report["categories"]
        audits = report["audits"]
        scores.append(
            {
                "page": label,
                "url": path,
                "performance": round(categories["performance"]["score"] * 100),
                "accessibility": round(categories["accessibility"]["score"] * 100),
                "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
                "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
                "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
                "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
            }
        )
    return scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3, help="per target and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--generated", type=int, default=1000, help="generated visits (+news)")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    have_wrk = ensure_wrk()
    if not have_wrk and args.no_lighthouse:
        print("Obciążenie: pominięto — brak wrk (apt-get install wrk, jako root).")
        return
    workdir = tempfile.mkdtemp(prefix="kronika-bench-load-")
    env, vendor, cached, urls, static = prepare(workdir, args.generated)
    archive = f"/wizyty-studyjne/?rok={urls['year']}&wojewodztwo={urls['region']}"
    pages = [
        ("Strona główna", "/"),
        ("Artykuł", urls["article"]),
        ("Aktualności (lista)", "/aktualnosci/"),
        ("Wizyta", urls["visit"]),
        ("Archiwum wizyt, filtry", archive),
    ]
    targets = [("Plik statyczny (CSS)", f"/static/{static}", {})]
    targets += [(label, path, {}) for label, path in pages]
    targets += [(f"{label} — bez cache", path, UNCACHED) for label, path in pages]
    targets.append(("Szukaj: spoldzielnia socjalna", "/szukaj/?q=spoldzielnia+socjalna", {}))
    with Gunicorn(env) as server:
        rows = None
        if have_wrk:
            rows = run_load(server, targets, args.seconds, args.rounds, args.connections, workdir)
            print(
                f"\nObciążenie: gunicorn ({vendor}, page cache {'Redis' if cached else 'off'}), "
                f"{args.connections} połączeń, {args.rounds}×{args.seconds:g} s na cel"
            )
            print(f"{'Cel':<38} {'req/s':>8} {'×static':>8} {'p50 ms':>7} {'p99 ms':>7}")
            for row in rows:
                print(
                    f"{row['target']:<38} {row['rps']:>8.0f} {row['ratio_to_static']:>8.3f} "
                    f"{row['p50_ms']:>7.1f} {row['p99_ms']:>7.1f}"
                )
            update_results(
                "load",
                {
                    "database": vendor,
                    "page_cache": "redis" if cached else "off",
                    "connections": args.connections,
                    "seconds": args.seconds,
                    "rounds": args.rounds,
                    "workers": "gunicorn.conf.py default",
                    "generated": args.generated,
                    "rows": rows,
                },
            )
        else:
            print("Obciążenie: pominięto — brak wrk (apt-get install wrk, jako root).")
        if not args.no_lighthouse:
            scores = lighthouse(server, pages[:3])
            if scores:
                print(
                    f"\n{'Lighthouse':<20} {'wydajność':>10} {'dostępność':>11} {'LCP ms':>7} {'KB':>6}"
                )
                for row in scores:
                    print(
                        f"{row['page']:<20} {row['performance']:>10} {row['accessibility']:>11} "
                        f"{row['lcp_ms']:>7} {row['transfer_kb']:>6}"
                    )
                update_results("lighthouse", scores)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
