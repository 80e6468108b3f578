"""How the serving process shares its interpreter between the event loop and heavy work.

The longest searches (plans, skill gaps) run in worker processes (workers.py); the rest
of the heavy work runs on worker threads (lanes.HeavyLane) and holds the GIL while it
computes.  Each time the event loop thread waits on a socket it lets the GIL go, and to
get it back it must wait until the worker is asked to drop it: a whole switch interval
(5 ms by default), several times per request (select, read, write), so /healthz took
30 ms at the median and over 100 ms at p99 beside four clients sending the heaviest
plans.  While serving, the interval is shortened and the heavy lane keeps one worker
per core the loop does not need, so the loop has few threads to win the GIL from.
"""

from __future__ import annotations

import os
import sys

SWITCH_INTERVAL = 0.0005
"""Seconds a thread may hold the GIL while another waits for it (Python's default: 0.005)."""

MAX_HEAVY_WORKERS = 2
"""Most heavy workers: more threads give no speed (the GIL) and more to share it with."""


def heavy_workers(cpus: int | None) -> int:
    """Heavy workers (threads, and processes) for a host with `cpus` cores: one is the loop's."""
    return max(1, min(MAX_HEAVY_WORKERS, (cpus or 1) - 1))


def tune_interpreter() -> int:
    """Shorten the GIL switch interval for serving; the heavy workers this host should run."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return heavy_workers(len(cores) if cores else os.cpu_count())
