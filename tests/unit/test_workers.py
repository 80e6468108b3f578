"""The heavy lane's worker processes: their own interpreter at a lower priority, the request's
deadline re-made there, errors that arrive as raised, and a pool that outlives a dead worker."""

from __future__ import annotations

import asyncio
import os
import pickle
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways import errors
from pathways import service as service_module
from pathways.domain import budget, stacking
from pathways.errors import (
    BadUserInput,
    HeavyWorkerLost,
    NotFound,
    PathwaysError,
    SeedProblem,
    SeedValidationError,
)
from pathways.lanes import HeavyLane
from pathways.model import Graph
from pathways.service import REQUEST_SECONDS, Service
from pathways.store.memory import MemoryStore
from pathways.workers import NICENESS, ProcessWorkers
from tests.support import heavy_calls
from tests.support.processes import wait_gone
from tests.support.stacking_brute import Instance, instances

T = TypeVar("T")


@pytest.fixture(scope="module")
def workers() -> Iterator[ProcessWorkers]:
    """Two worker processes shared by this module's tests (they take a while to start)."""
    pool = ProcessWorkers(2)
    pool.warm()
    try:
        yield pool
    finally:
        pool.close()


def call(pool: ProcessWorkers, fn: Callable[..., T], *args: Any, seconds: float = 5.0) -> T:
    """`fn(*args)` on the pool under a fresh deadline of `seconds`."""
    return asyncio.run(pool.call(budget.Deadline.after(seconds), fn, args, {}))


def test_work_runs_in_another_process_at_a_lower_priority(workers: ProcessWorkers) -> None:
    niceness, pid = call(workers, heavy_calls.nice_and_pid)
    assert pid != os.getpid()
    assert pid in workers.pids()
    assert niceness == min(19, os.nice(0) + NICENESS)


def test_the_deadline_is_remade_from_what_is_left(workers: ProcessWorkers) -> None:
    seen = call(workers, heavy_calls.deadline_seen, seconds=5.0)
    assert seen is not None
    seconds, left, expired = seen
    assert seconds == 5.0 and 0 < left <= 5.0 and not expired
    gone = call(workers, heavy_calls.deadline_seen, seconds=0.0)
    assert gone == (0.0, 0.0, True)


def test_calls_marked_apart_run_in_a_process_with_their_own_request_budget(
    small_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service_module, "APART", frozenset({heavy_calls.apart_call}))

    async def main() -> tuple[Any, int]:
        service = Service(MemoryStore(small_graph), heavy_workers=1, heavy_processes=True)
        try:
            return await service.run_heavy(heavy_calls.apart_call), await service.run_heavy(
                os.getpid
            )
        finally:
            service.close()

    (pid, seen), here = asyncio.run(main())
    assert pid != os.getpid() and here == os.getpid()
    assert seen is not None and seen[0] == REQUEST_SECONDS and not seen[2]


ERRORS = [
    NotFound.no_such("credential", "x-1"),
    BadUserInput("first must be at most 100.", argument="first", minimum=0, maximum=100),
    SeedValidationError([SeedProblem("writes", "unknown level", id="c1", field="level")]),
    HeavyWorkerLost("gone"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_an_error_raised_in_a_worker_arrives_as_raised(
    workers: ProcessWorkers, error: PathwaysError
) -> None:
    with pytest.raises(type(error)) as caught:
        call(workers, heavy_calls.raise_error, error)
    assert str(caught.value) == str(error)
    assert caught.value.code == error.code
    assert caught.value.extensions == error.extensions
    assert getattr(caught.value, "problems", None) == getattr(error, "problems", None)


def _error_classes(root: type[PathwaysError]) -> list[type[PathwaysError]]:
    found = [root]
    for sub in root.__subclasses__():
        found += _error_classes(sub)
    return found


@settings(max_examples=60)
@given(
    st.sampled_from([c for c in _error_classes(PathwaysError) if c is not SeedValidationError]),
    st.text(max_size=80),
    st.dictionaries(st.sampled_from(["argument", "id", "limit"]), st.text(max_size=10)),
)
def test_every_error_of_the_tree_survives_a_pickle(
    kind: type[PathwaysError], message: str, extensions: dict[str, object]
) -> None:
    error = kind(message, **extensions)
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is kind and str(back) == message
    assert back.message == message and back.extensions == extensions
    assert back.code == getattr(errors, kind.__name__).code


def test_a_killed_worker_fails_its_call_with_a_code_and_the_next_call_gets_a_new_one() -> None:
    pool = ProcessWorkers(1)
    try:
        (before,) = pool.warm()
        with pytest.raises(HeavyWorkerLost) as caught:
            call(pool, heavy_calls.die)
        assert caught.value.code == "SERVICE_UNAVAILABLE"
        assert "may be sent again" in caught.value.message
        _nice, after = call(pool, heavy_calls.nice_and_pid)
        assert after != before
    finally:
        pool.close()


def test_a_worker_killed_while_idle_is_replaced_before_the_next_call() -> None:
    pool = ProcessWorkers(1)
    try:
        (before,) = pool.warm()
        os.kill(before, signal.SIGKILL)
        assert not wait_gone({before})
        _nice, after = call(pool, heavy_calls.nice_and_pid)
        assert after != before
    finally:
        pool.close()


def test_closing_ends_the_worker_processes() -> None:
    pool = ProcessWorkers(2)
    pids = set(pool.warm())
    assert len(pids) == 2
    pool.close()
    assert not wait_gone(pids)
    assert pool.pids() == []


def test_the_least_served_request_goes_first_among_processes(
    workers: ProcessWorkers, tmp_path: Path
) -> None:
    """The same order as with threads (test_lanes): the lane ranks, the processes only run."""
    release, order = tmp_path / "release", tmp_path / "order"

    async def main() -> None:
        lane = HeavyLane(1, processes=True)
        lane.pool = workers
        greedy, fresh, many = (budget.Deadline.after(60) for _ in range(3))
        greedy.spent = 5.0
        blocker = asyncio.ensure_future(
            lane.run(budget.Deadline.after(60), heavy_calls.wait_for, release)
        )
        await asyncio.sleep(0.2)  # the lane's only slot is taken now
        later = asyncio.ensure_future(lane.run(greedy, heavy_calls.note, order, "greedy"))
        alias = [
            asyncio.ensure_future(lane.run(many, heavy_calls.note, order, "alias"))
            for _ in range(2)
        ]
        first = asyncio.ensure_future(lane.run(fresh, heavy_calls.note, order, "fresh"))
        await asyncio.sleep(0.1)
        release.touch()
        await asyncio.gather(blocker, later, first, *alias)

    asyncio.run(main())
    assert order.read_text().split() == ["alias", "fresh", "greedy", "alias"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_a_plan_from_a_worker_process_equals_the_plan_computed_here(
    workers: ProcessWorkers, inst: Instance
) -> None:
    args = (inst.ctx, inst.objective, inst.countries, inst.alternatives)
    there = asyncio.run(workers.call(budget.Deadline.after(60), stacking.plan, args, {}))
    assert there == stacking.plan(*args)
