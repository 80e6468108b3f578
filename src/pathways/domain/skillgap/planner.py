"""The skill-gap plan: the least-ECTS set of credentials teaching the skills a learner lacks.

Approach: weighted set cover with precedence, solved exactly by the branch and bound
in search.py over the stacking solver's exact integer weights, not by a MILP.  The
order (least total ECTS, then fewest credentials, then the smallest sorted list of
ids) is lexicographic down to the ids; one integer weight per credential holds all
of it (stacking.compile), which a float MILP such as HiGHS could only match with a
re-solve per tie-break level and per id.  Prerequisites are obligations met by the
prerequisite or a FULL recognition of it, as in stacking plans.  Exactness is checked
by hypothesis against a brute force that enumerates every set (tests/support).
Measured by bench/bench_skillgap.py: see the README's skill-gap section.

Where the contract is silent:
- A skill counts as asked once; covered, missing and uncovered keep the asked order.
- The learner has a skill through a held credential or one a held credential is FULL
  recognised as (dated by asOf), whatever that credential's own dates.
- Steps are ordered prerequisites first, ties by id (as stacking plans).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pathways import errors
from pathways.domain.skillgap.explain import plan_lines
from pathways.domain.skillgap.problem import GapProblem, compile_gap
from pathways.domain.skillgap.search import NODE_BUDGET, solve
from pathways.domain.stacking.order import order_with
from pathways.model import SkillGapContext


@dataclass(frozen=True, slots=True)
class GapStep:
    """One credential to take, in order, and the asked skills it teaches."""

    order: int
    credential: str
    teaches: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SkillGapPlan:
    """The answer to a skill-gap question (see the API's SkillGapPlan for each field)."""

    achievable: bool
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    uncovered: tuple[str, ...]
    steps: tuple[GapStep, ...]
    additional_credits: float
    explanation: tuple[str, ...]
    optimal: bool


def plan_skill_gap(
    ctx: SkillGapContext,
    skills: tuple[str, ...],
    countries: frozenset[str] | None = None,
    as_of: str | None = None,
    *,
    node_budget: int = NODE_BUDGET,
) -> SkillGapPlan:
    """The exact least-effort plan teaching every missing skill that can be taught."""
    asked = tuple(dict.fromkeys(skills))
    for skill in asked:
        if skill not in ctx.skills:
            raise errors.NotFound(f"No skill with id '{skill}'.", id=skill)
    pb = compile_gap(ctx, asked, countries, as_of)
    chosen, optimal = solve(pb, node_budget)
    order = order_with(pb.prereqs, chosen)
    assert order is not None, "the search keeps only sets that can be ordered"
    steps = tuple(
        GapStep(i + 1, cid, tuple(s for s in pb.demands if s in pb.teaches.get(cid, ())))
        for i, cid in enumerate(order)
    )
    return SkillGapPlan(
        achievable=not pb.uncovered,
        covered=tuple(s for s in asked if s in pb.covered),
        missing=pb.missing,
        uncovered=pb.uncovered,
        steps=steps,
        additional_credits=_total(pb, order),
        explanation=plan_lines(pb, order, optimal, node_budget),
        optimal=optimal,
    )


def _total(pb: GapProblem, order: list[str]) -> float:
    return round(math.fsum(pb.ctx.credentials[c].workload_ects for c in order), 6)
