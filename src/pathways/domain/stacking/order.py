"""Orders the steps of a plan so that every prerequisite comes first.

Taking a credential only ever meets more prerequisites, so a set can be ordered
exactly when repeatedly taking any step whose prerequisites are met takes them all.
Among the steps ready at each point the smallest id goes first, which makes the
order a deterministic topological order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pathways.domain.stacking.model import Prereq, Problem


def order_steps(problem: Problem, chosen: Iterable[str]) -> list[str] | None:
    """The steps in a valid order (ties by id), or None when no order exists."""
    return order_with(problem.prereqs, chosen)


def order_with(
    prereqs: Mapping[str, tuple[Prereq, ...]], chosen: Iterable[str]
) -> list[str] | None:
    """Order `chosen` given each credential's unmet prerequisites and their providers."""
    todo = sorted(chosen)
    done: set[str] = set()
    order: list[str] = []
    while todo:
        for pos, cid in enumerate(todo):
            needs = prereqs.get(cid, ())
            if all(any(p in done for p in providers) for _, providers in needs):
                order.append(cid)
                done.add(cid)
                del todo[pos]
                break
        else:
            return None
    return order
