"""A real `pathways serve` process under uvicorn on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import ROOT, SMALL_SEEDS


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """Poll /healthz until it answers 200, or fail with the server's output."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode() if proc.stdout else ""
            pytest.fail(f"server exited with {proc.returncode}:\n{out}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail("server did not become healthy in time")


@pytest.fixture
def server() -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pathways",
            "serve",
            "--seeds",
            str(SMALL_SEEDS),
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_real_server_answers_queries_and_errors(server: str) -> None:
    r = httpx.post(f"{server}/graphql", json={"query": '{ credential(id: "ie-tig") { title } }'})
    assert r.status_code == 200
    assert r.json() == {"data": {"credential": {"title": "TIG welding of stainless steel"}}}
    bad = httpx.post(
        f"{server}/graphql",
        json={"query": '{ crosswalk(framework: "IE-NFQ", level: "9", to: "EQF") { note } }'},
    ).json()
    assert bad["errors"][0]["extensions"]["code"] == "NOT_FOUND"
