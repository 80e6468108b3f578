"""The optimiser against the brute-force reference on small random instances."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways.domain.stacking import Plan, plan
from tests.support.stacking_brute import (
    Instance,
    instances,
    key,
    minimal,
    orderable,
    prereqs_met,
    rules_met,
    target_held,
    valid_plans,
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _steps_in_order(inst: Instance, result: Plan) -> bool:
    have = frozenset(inst.ctx.held)
    for pos, step in enumerate(result.steps, 1):
        if step.order != pos or not prereqs_met(inst.ctx, step.credential, have):
            return False
        have = have | {step.credential}
    return True


@SETTINGS
@given(instances())
def test_best_plan_equals_brute_force(inst: Instance) -> None:
    plans = valid_plans(inst)
    result = plan(inst.ctx, inst.objective, inst.countries, inst.alternatives)
    assert result.optimal
    if not plans:
        assert not result.achievable
        assert not result.steps
        assert result.explanation
        return
    assert result.achievable
    assert result.step_ids == plans[0]
    assert result.already_complete == (not plans[0])
    assert _steps_in_order(inst, result)
    _assert_well_formed(inst, result)


def _assert_well_formed(inst: Instance, result: Plan) -> None:
    creds = [inst.ctx.credentials[s.credential] for s in result.steps]
    assert result.additional_credits == pytest.approx(sum(c.workload_ects for c in creds))
    assert result.additional_hours == pytest.approx(sum(c.workload_hours for c in creds))
    held = [c.held for c in result.counted]
    assert len(held) == len(set(held)) and set(held) <= inst.ctx.held
    for c in result.counted:
        assert (c.basis == "SAME_CREDENTIAL") == (c.held == c.counts_as)
    for step in result.steps:
        assert step.counts != step.credential
    steps_said = [line for line in result.explanation if line.startswith("Step ")]
    assert len(steps_said) == len(result.steps)


@SETTINGS
@given(instances(), st.integers(1, 40))
def test_a_cut_search_still_returns_a_valid_plan(inst: Instance, budget: int) -> None:
    result = plan(inst.ctx, inst.objective, inst.countries, node_budget=budget)
    if result.achievable:
        have = frozenset(inst.ctx.held) | result.step_ids
        assert target_held(inst.ctx) or rules_met(inst.ctx, have)
        assert orderable(inst.ctx, result.step_ids)
        assert _steps_in_order(inst, result)
    if not result.optimal:
        assert any("budget" in line for line in result.explanation)


@SETTINGS
@given(instances(top="any"))
def test_alternatives_are_the_next_best_minimal_plans(inst: Instance) -> None:
    best = minimal(valid_plans(inst))
    result = plan(inst.ctx, inst.objective, inst.countries, inst.alternatives)
    if not best:
        assert not result.achievable
        return
    got = [result.step_ids] + [a.step_ids for a in result.alternatives]
    assert got == best[: inst.alternatives + 1]
    assert len(set(got)) == len(got)
    keys = [key(inst.ctx, inst.objective, s) for s in got]
    assert keys == sorted(keys)
    for alt in result.alternatives:
        assert _steps_in_order(inst, alt)
        assert alt.achievable
