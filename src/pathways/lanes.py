"""The lane for CPU-heavy work: a few workers (workers.py), the least-served request first.

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
from typing import Any, TypeVar

from pathways.domain.budget import Deadline
from pathways.workers import ProcessWorkers, ThreadWorkers, Workers

T = TypeVar("T")


class HeavyLane:
    """`workers` threads (or processes) shared by all requests, least-served request first."""

    def __init__(self, workers: int, processes: bool = False) -> None:
        self.workers = workers
        self._free = workers
        self._waiting: list[tuple[tuple[int, float], int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self.pool: Workers = ProcessWorkers(workers) if processes else ThreadWorkers(workers)

    async def run(self, deadline: Deadline, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`fn(*args, **kwargs)` on a worker once this request's turn comes, with `deadline`
        current there; its time is booked to the request."""
        rank = (deadline.calls, deadline.spent)
        deadline.calls += 1
        await self._acquire(rank)
        deadline.start()
        started = time.monotonic()
        try:
            return await self.pool.call(deadline, fn, args, kwargs)
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

    def start(self) -> None:
        """Start the workers now rather than on first use."""
        self.pool.warm()

    def close(self) -> None:
        """Let the workers end once their work is done (the lane restarts on use)."""
        self.pool.close()
