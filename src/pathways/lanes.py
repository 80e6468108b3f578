"""The lane for CPU-heavy work: a few worker threads, the least-served request first.

A first-in-first-out pool lets one client that sends ten aliased heavy plans, again
and again, keep every worker busy while an ordinary plan waits behind all of them.
Here a waiting call is ranked by how many heavy calls its request queued before it
(`Deadline.calls`), then by the heavy time the request has had (`Deadline.spent`):
the aliases of a greedy document queue behind everyone else's first call.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from pathways.domain.budget import Deadline

T = TypeVar("T")


class HeavyLane:
    """`workers` threads shared by all requests, handed out least-served request first."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._free = workers
        self._waiting: list[tuple[tuple[int, float], int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._pool: ThreadPoolExecutor | None = None  # started on first use

    async def run(self, deadline: Deadline, fn: Callable[[], T]) -> T:
        """`fn()` on a worker thread once this request's turn comes; its time is booked."""
        rank = (deadline.calls, deadline.spent)
        deadline.calls += 1
        await self._acquire(rank)
        deadline.start()
        started = time.monotonic()
        try:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, "pathways-heavy")
            return await asyncio.get_running_loop().run_in_executor(self._pool, fn)
        finally:
            deadline.spent += time.monotonic() - started
            self._release()

    async def _acquire(self, rank: tuple[int, float]) -> None:
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (rank, next(self._order), turn))
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self._release()  # handed a slot just as it was cancelled: pass it on
            raise

    def _release(self) -> None:
        while self._waiting:
            _rank, _n, turn = heapq.heappop(self._waiting)
            if not turn.done():
                turn.set_result(None)
                return
        self._free += 1

    def close(self) -> None:
        """Let the threads end once their work is done (the lane restarts on use)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
