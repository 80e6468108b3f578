"""The skill-gap solver against the brute-force reference on small random instances."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways.domain.skillgap import SkillGapPlan, plan_skill_gap
from tests.support.skillgap_brute import GapInstance, answer, gap_instances, orderable

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _solve(inst: GapInstance, budget: int | None = None) -> SkillGapPlan:
    if budget is None:
        return plan_skill_gap(inst.ctx, inst.asked, inst.countries, inst.as_of)
    return plan_skill_gap(inst.ctx, inst.asked, inst.countries, inst.as_of, node_budget=budget)


def _in_order(inst: GapInstance, result: SkillGapPlan) -> bool:
    for k in range(len(result.steps)):
        prefix = frozenset(s.credential for s in result.steps[: k + 1])
        if not orderable(inst, prefix):
            return False
    return [s.order for s in result.steps] == list(range(1, len(result.steps) + 1))


@SETTINGS
@given(gap_instances())
def test_the_plan_is_the_brute_force_best(inst: GapInstance) -> None:
    want = answer(inst)
    result = _solve(inst)
    assert result.optimal
    assert (result.covered, result.missing, result.uncovered) == (
        want.covered,
        want.missing,
        want.uncovered,
    )
    assert frozenset(s.credential for s in result.steps) == want.steps
    assert result.achievable == (not want.uncovered)
    assert _in_order(inst, result)
    ects = sum(inst.ctx.credentials[s.credential].workload_ects for s in result.steps)
    assert result.additional_credits == pytest.approx(ects)
    assert len([line for line in result.explanation if line.startswith("Step ")]) == len(
        result.steps
    )


@SETTINGS
@given(gap_instances(), st.integers(1, 30))
def test_a_cut_search_still_answers_with_a_valid_cover(inst: GapInstance, budget: int) -> None:
    want = answer(inst)
    result = _solve(inst, budget)
    steps = frozenset(s.credential for s in result.steps)
    need = set(want.missing) - set(want.uncovered)
    taught = {sk for c in steps for o in inst.ctx.credentials[c].outcomes for sk in o.skills}
    assert need <= taught
    assert _in_order(inst, result)
    if result.optimal:
        assert steps == want.steps
    else:
        assert any("budget" in line for line in result.explanation)
