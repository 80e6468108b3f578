"""Module-level functions for the heavy lane's worker processes to run in tests (they pickle
by name, so a worker imports this small module, not the test's)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from pathways.domain import budget
from pathways.errors import PathwaysError


def nice_and_pid() -> tuple[int, int]:
    """The calling process's niceness and id."""
    return os.nice(0), os.getpid()


def deadline_seen() -> tuple[float, float, bool] | None:
    """(seconds, seconds left, expired) of the deadline current where this runs."""
    deadline = budget.current()
    if deadline is None:
        return None
    return deadline.seconds, deadline.left(), deadline.expired()


def apart_call() -> tuple[int, tuple[float, float, bool] | None]:
    """The process id and the deadline seen where this runs."""
    return os.getpid(), deadline_seen()


def raise_error(error: PathwaysError) -> None:
    """Raise `error` where this runs."""
    raise error


def die() -> None:
    """Kill the process this runs in, as the kernel's OOM killer or an operator would."""
    os.kill(os.getpid(), signal.SIGKILL)


def wait_for(path: Path, timeout: float = 30.0) -> None:
    """Block until `path` exists (a worker held busy until the test lets it go)."""
    end = time.monotonic() + timeout
    while not path.exists() and time.monotonic() < end:
        time.sleep(0.01)


def note(path: Path, label: str) -> None:
    """Append `label` as a line to `path` (the order in which calls ran)."""
    with path.open("a") as out:
        out.write(label + "\n")
