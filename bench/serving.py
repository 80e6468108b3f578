"""A `pathways serve` a benchmark starts itself: a free loopback port, and waiting for health."""

from __future__ import annotations

import socket
import subprocess
import time

import httpx

HOST = "127.0.0.1"  # loopback only, by design


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float) -> float:
    """Seconds until /healthz answers 200; exits if the server dies first (with what it said
    on a piped stderr) or is not healthy within `timeout` (then it is killed)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            said = proc.stderr.read().decode().strip() if proc.stderr else ""
            detail = f": {said}" if said else ""
            raise SystemExit(f"server exited with {proc.returncode}{detail}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2.0).status_code == 200:
                return time.perf_counter() - start
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"server did not become healthy within {timeout:.0f} s")
