"""The search settles for the best plan found once the request's deadline has passed."""

from __future__ import annotations

import random

from pathways.domain import budget
from pathways.domain.stacking import plan
from pathways.model import Credential, CredentialKind, CreditsRule, PlanningContext


def credits_target(parts: int, needed: float) -> PlanningContext:
    """A credits rule over `parts` credentials of uneven ECTS: a search of a few thousand nodes."""
    rng = random.Random(3)
    creds = [
        Credential(f"p{i}", CredentialKind.MICRO_CREDENTIAL, f"Part {i}", "IE",
                   ects=round(rng.uniform(1, 9), 1))
        for i in range(parts)
    ]  # fmt: skip
    rule = CreditsRule(needed, tuple(c.id for c in creds))
    target = Credential("t", CredentialKind.QUALIFICATION, "Target", "IE", requirements=rule)
    return PlanningContext(target, frozenset(), {c.id: c for c in (*creds, target)}, ())


def test_without_a_deadline_the_search_proves_its_plan() -> None:
    result = plan(credits_target(12, 30.05))
    assert result.achievable and result.optimal


def test_a_passed_deadline_stops_the_search_with_the_best_plan_found() -> None:
    ctx = credits_target(12, 30.05)
    with budget.within(budget.Deadline.after(0)):
        result = plan(ctx)
    assert result.achievable and not result.optimal
    assert result.additional_credits >= 30.05
    assert "time budget" in result.explanation[1]


def test_a_deadline_far_away_changes_nothing() -> None:
    ctx = credits_target(12, 30.05)
    with budget.within(budget.Deadline.after(3600)):
        timed = plan(ctx)
    assert timed == plan(ctx)
