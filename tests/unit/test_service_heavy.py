"""Service.run_heavy: heavy work in the worker pool, under the request's deadline."""

from __future__ import annotations

import asyncio
import threading

import pytest

from pathways.domain import budget
from pathways.model import Graph
from pathways.service import REQUEST_SECONDS, Service
from pathways.store.memory import MemoryStore


def test_heavy_work_runs_off_the_event_loop_thread(small_graph: Graph) -> None:
    async def main() -> tuple[int, int]:
        service = Service(MemoryStore(small_graph))
        try:
            return threading.get_ident(), await service.run_heavy(threading.get_ident)
        finally:
            service.close()

    loop_thread, worker = asyncio.run(main())
    assert worker != loop_thread


@pytest.mark.parametrize("workers", [1, 2])  # 1: what `pathways serve` runs on two cores
def test_the_loop_answers_while_heavy_work_runs(small_graph: Graph, workers: int) -> None:
    release = threading.Event()
    order: list[str] = []

    def heavy() -> None:
        release.wait(30)
        order.append("heavy")

    async def main() -> None:
        service = Service(MemoryStore(small_graph), heavy_workers=workers)
        try:
            running = asyncio.ensure_future(service.run_heavy(heavy))
            await asyncio.sleep(0)
            assert await service.frameworks()  # served while the worker is still busy
            order.append("light")
            release.set()
            await running
        finally:
            service.close()

    asyncio.run(main())
    assert order == ["light", "heavy"]


def test_the_request_deadline_goes_along_and_each_loose_call_gets_its_own(
    small_graph: Graph,
) -> None:
    async def main() -> tuple[budget.Deadline | None, budget.Deadline | None]:
        service = Service(MemoryStore(small_graph))
        try:
            request = budget.Deadline.after(5)
            with budget.within(request):
                inside = await service.run_heavy(budget.current)
            loose = await service.run_heavy(budget.current)
            assert inside is request
            return inside, loose
        finally:
            service.close()

    _inside, loose = asyncio.run(main())
    assert loose is not None and loose.seconds == REQUEST_SECONDS


def test_heavy_work_may_run_again_after_close(small_graph: Graph) -> None:
    async def main() -> int:
        service = Service(MemoryStore(small_graph))
        service.close()
        value = await service.run_heavy(sum, [1, 2])
        service.close()
        return value

    assert asyncio.run(main()) == 3
