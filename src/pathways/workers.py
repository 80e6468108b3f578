"""Where the heavy lane runs its work: threads of this process, or worker processes.

Threads share the interpreter's lock (the GIL) with the event loop: while a plan is
searched, every request the loop serves waits its turn for the lock several times, and
under a steady stream of the heaviest plans a trivial query took 60 ms at p99 on an idle
two-core host.  A worker process has its own interpreter, and runs at a lower priority
(NICENESS), so the kernel gives the loop's process the core first.  The price: the
arguments and the result cross a pipe as pickles, pickled and unpickled in the server
under its GIL: worth it for a plan (a context of tens of KB, a search of up to a second),
not for an equivalents match (about 400 KB, and less time than moving it), so only the
calls in service.APART go.  `pathways serve` starts processes; the CLI and tests keep
threads (no start-up, and a test may hand the lane a closure).

In a process, the request's deadline is re-created from the seconds it has left, and
no other context variable goes along.  A worker that dies (killed, out of memory)
fails the calls it had with HeavyWorkerLost; the next call starts a fresh pool.
"""

from __future__ import annotations

import asyncio
import contextvars
import ctypes
import importlib
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.reduction import ForkingPickler
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from pathways.domain import budget as deadlines
from pathways.errors import HeavyWorkerLost

T = TypeVar("T")

NICENESS = 10
"""How much lower than the server a worker process runs (0-19; 10 gets about a tenth of a
core the loop also wants, and all of an idle one)."""

_PR_SET_PDEATHSIG = 1


def _read_only(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


def _reduce_read_only(
    proxy: MappingProxyType[Any, Any],
) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    return (_read_only, (dict(proxy),))


# the domain's frozen values hold read-only mappings, which pickle does not know;
# registered for the pipes to worker processes only (and in them, for the results)
ForkingPickler.register(MappingProxyType, _reduce_read_only)


class Workers(Protocol):
    """Runs one heavy call under a deadline; closed, it lets its workers go."""

    async def call(
        self,
        deadline: deadlines.Deadline,
        fn: Callable[..., T],
        args: tuple[Any, ...],
        kwargs: Mapping[str, Any],
    ) -> T:
        """`fn(*args, **kwargs)` on a worker, with `deadline` current there."""
        ...

    def warm(self) -> list[int]:
        """Start every worker now rather than on first use; their process or thread ids."""
        ...

    def close(self) -> None:
        """Let the workers end once their work is done (they start again on use)."""
        ...


def _call_within(
    deadline: deadlines.Deadline,
    fn: Callable[..., T],
    args: tuple[Any, ...],
    kwargs: Mapping[str, Any],
) -> T:
    with deadlines.within(deadline):
        return fn(*args, **kwargs)


class ThreadWorkers:
    """`workers` threads of this process; the caller's context variables go along."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ThreadPoolExecutor | None = None  # started on first use

    async def call(
        self,
        deadline: deadlines.Deadline,
        fn: Callable[..., T],
        args: tuple[Any, ...],
        kwargs: Mapping[str, Any],
    ) -> T:
        """`fn(*args, **kwargs)` on a thread, with the caller's context and `deadline`."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, "pathways-heavy")
        context = contextvars.copy_context()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._pool, context.run, _call_within, deadline, fn, args, kwargs
        )

    def warm(self) -> list[int]:
        """Threads start in no time: nothing to do ahead (no ids)."""
        return []

    def close(self) -> None:
        """Let the threads end once their work is done."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _start_worker(niceness: int) -> None:
    """In each new worker process: run below the server, end with it, import the domain."""
    os.nice(niceness)
    if sys.platform == "linux":
        # killed with its parent: a server stopped by SIGKILL leaves no worker behind
        # (a worker holds both ends of its own call queue, so it would never see EOF)
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    for name in PRELOAD:
        importlib.import_module(name)


def _run_in_worker(
    left: float,
    seconds: float,
    fn: Callable[..., T],
    args: tuple[Any, ...],
    kwargs: Mapping[str, Any],
) -> T:
    """In a worker process: `fn` under a deadline of `seconds` of which `left` remain."""
    deadline = deadlines.Deadline(time.monotonic() + left, seconds)
    return _call_within(deadline, fn, args, kwargs)


PRELOAD = (
    "pathways.domain.stacking",
    "pathways.domain.equivalence",
    "pathways.domain.skillgap",
    "pathways.domain.quality",
    "pathways.service",
    "pathways.quality_service",
    "pathways.interop.service",
)
"""Modules a worker imports as it starts, so the first plan it is given does not wait."""

START_METHOD = "spawn"
"""A fresh interpreter per worker, the server's child: a fork would copy the server's graph
and threads, and a forkserver's workers would outlive a killed server (each keeps the fork
server alive, whose death is what would end them)."""


class ProcessWorkers:
    """`workers` processes at a lower priority; arguments and results travel as pickles.

    `fn`, its arguments, its result and any error it raises must pickle: module-level
    functions over frozen dataclasses, and the error tree (errors.PathwaysError).
    """

    def __init__(self, workers: int, niceness: int = NICENESS) -> None:
        self.workers = workers
        self.niceness = niceness
        self._pool: ProcessPoolExecutor | None = None  # started on first use

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context(START_METHOD),
                initializer=_start_worker,
                initargs=(self.niceness,),
            )
        return self._pool

    def _drop(self, pool: Executor) -> None:
        if self._pool is pool:
            self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    async def call(
        self,
        deadline: deadlines.Deadline,
        fn: Callable[..., T],
        args: tuple[Any, ...],
        kwargs: Mapping[str, Any],
    ) -> T:
        """`fn(*args, **kwargs)` in a worker process, with what is left of `deadline`."""
        pool = self._started()
        try:
            try:
                future = pool.submit(
                    _run_in_worker, deadline.left(), deadline.seconds, fn, args, kwargs
                )
            except BrokenProcessPool:  # broke since its last call: start afresh
                self._drop(pool)
                pool = self._started()
                future = pool.submit(
                    _run_in_worker, deadline.left(), deadline.seconds, fn, args, kwargs
                )
            return await asyncio.wrap_future(future)
        except BrokenProcessPool as exc:
            self._drop(pool)
            raise HeavyWorkerLost(
                "The worker process computing this answer stopped before it finished; "
                "the service has started another, so the request may be sent again."
            ) from exc

    def warm(self) -> list[int]:
        """Start every worker now rather than on the first request; their process ids."""
        pool = self._started()
        # one call per worker makes the pool start them all; one of them may answer all
        for started in [pool.submit(os.getpid) for _ in range(self.workers)]:
            started.result()
        return self.pids()

    def close(self) -> None:
        """Stop the worker processes once their current work is done."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.shutdown(wait=True, cancel_futures=True)

    def pids(self) -> list[int]:
        """The worker processes running now (for tests and diagnostics)."""
        # the pool's own table of its processes: no public way to ask it
        processes = getattr(self._pool, "_processes", None) or {}
        return sorted(processes)
