"""Request deadlines: set for a block, seen by the code inside it, gone after it."""

from __future__ import annotations

from pathways.domain import budget


def test_nothing_expires_outside_a_request() -> None:
    assert budget.current() is None
    assert not budget.expired()


def test_a_deadline_holds_inside_its_block_only() -> None:
    outer = budget.Deadline.after(60)
    with budget.within(outer):
        assert budget.current() is outer
        assert not budget.expired()
        with budget.within(budget.Deadline.after(0)):
            assert budget.expired()
        assert budget.current() is outer
    assert budget.current() is None


def test_a_passed_deadline_has_no_time_left() -> None:
    deadline = budget.Deadline.after(-1)
    assert deadline.expired()
    assert deadline.left() == 0.0


def test_a_request_deadline_starts_with_its_first_heavy_work() -> None:
    deadline = budget.Deadline.unstarted(0)
    assert not deadline.expired()  # reading the store, queueing: not counted
    deadline.start()
    assert deadline.expired()
    at = deadline.at
    deadline.start()
    assert deadline.at == at
