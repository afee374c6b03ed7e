"""Shared by the bench scripts: the results file, a fresh database, gunicorn on a free port."""

import json
import os
import platform
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
PYTHON = sys.executable
POSTGRES = "postgres://postgres@127.0.0.1:5432/"


def update_results(section, data):
    """Merge one section into bench/results.json (each script owns its sections)."""
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results[section] = data
    results["machine"] = machine()
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except OSError:
        memory_kb = 0
    return {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_available():
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=0.5).close()
    except OSError:
        return False
    return True


def redis_available():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def fresh_database(name, vendor, workdir):
    """A DATABASE_URL for an empty database (PostgreSQL: dropped and created again)."""
    if vendor == "sqlite":
        path = Path(workdir) / f"{name}.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql],
            check=True,
            capture_output=True,
        )
    return POSTGRES + name


def manage(*args, env, check=True, capture=True):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=capture,
        text=True,
    )


def production_env(database_url, static_root, **extra):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="kronika.settings.production",
        SECRET_KEY="bench-" + "k" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        SECURE_SSL_REDIRECT="0",
        **extra,
    )
    return env


class Gunicorn:
    """gunicorn -c gunicorn.conf.py on 127.0.0.1:<free port>, stopped on exit."""

    def __init__(self, env):
        self.port = free_port()
        self.env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_LOG_LEVEL": "warning",
        }
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.log = open(Path(self.env["STATIC_ROOT"]).parent / "gunicorn.log", "w")
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                "/dev/null",
                "kronika.wsgi",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start; see gunicorn.log")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()
