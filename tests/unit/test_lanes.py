"""The heavy lane: bounded threads, the least-served request first."""

from __future__ import annotations

import asyncio
import threading

from pathways.domain.budget import Deadline
from pathways.lanes import HeavyLane


def test_a_request_that_has_had_nothing_goes_before_a_greedy_one() -> None:
    """By time had, and by calls queued: a document's second alias waits for others' first."""
    order: list[str] = []
    release = threading.Event()

    async def main() -> None:
        lane = HeavyLane(1)
        greedy, fresh, many = Deadline.after(60), Deadline.after(60), Deadline.after(60)
        greedy.spent = 5.0
        try:
            blocker = asyncio.ensure_future(lane.run(Deadline.after(60), lambda: release.wait(30)))
            await asyncio.sleep(0.05)  # the only worker is busy now
            later = asyncio.ensure_future(lane.run(greedy, lambda: order.append("greedy")))
            alias = [
                asyncio.ensure_future(lane.run(many, lambda: order.append("alias")))
                for _ in range(2)
            ]
            first = asyncio.ensure_future(lane.run(fresh, lambda: order.append("fresh")))
            await asyncio.sleep(0.05)
            release.set()
            await asyncio.gather(blocker, later, first, *alias)
        finally:
            lane.close()

    asyncio.run(main())
    assert order == ["alias", "fresh", "greedy", "alias"]


def test_time_on_the_lane_is_booked_to_the_request() -> None:
    async def main() -> float:
        lane = HeavyLane(2)
        deadline = Deadline.after(60)
        try:
            await lane.run(deadline, lambda: threading.Event().wait(0.05))
        finally:
            lane.close()
        return deadline.spent

    assert asyncio.run(main()) > 0


def test_a_cancelled_wait_gives_its_turn_to_the_next() -> None:
    release = threading.Event()

    async def main() -> int:
        lane = HeavyLane(1)
        try:
            blocker = asyncio.ensure_future(lane.run(Deadline.after(60), lambda: release.wait(30)))
            await asyncio.sleep(0.05)
            gone = asyncio.ensure_future(lane.run(Deadline.after(60), lambda: 1))
            kept = asyncio.ensure_future(lane.run(Deadline.after(60), lambda: 2))
            await asyncio.sleep(0.05)
            gone.cancel()
            release.set()
            await blocker
            return await kept
        finally:
            lane.close()

    assert asyncio.run(main()) == 2
