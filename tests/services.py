"""Services a test starts for itself: its own Redis on a spare port, never the machine's."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


def require(condition, reason):
    """Skip with `reason`, or fail where KRONIKA_REQUIRE_FAULTS says everything must run (CI)."""
    if condition:
        return
    if os.environ.get("KRONIKA_REQUIRE_FAULTS"):
        pytest.fail(reason)
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_cli(port, *args):
    return subprocess.run(
        ["redis-cli", "-p", str(port), *args], capture_output=True, text=True, timeout=10
    ).stdout.strip()


def start_redis(tmp_path):
    """redis-server on a spare loopback port, in its own folder; stopped by `stop_redis`."""
    require(shutil.which("redis-server") and shutil.which("redis-cli"), "needs redis-server")
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while redis_cli(port, "ping") != "PONG":
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("redis-server did not start")
        time.sleep(0.05)
    return SimpleNamespace(
        port=port,
        url=f"redis://127.0.0.1:{port}/0",
        process=process,
        cli=lambda *args: redis_cli(port, *args),
    )


def stop_redis(server):
    server.process.terminate()
    try:
        server.process.wait(5)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(5)


def manage(env, *args, code=None):
    """`manage.py args` (or `shell -c code`) in a process of its own environment; its output."""
    command = [sys.executable, "manage.py", *(args if code is None else ("shell", "-c", code))]
    result = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return result.stdout
