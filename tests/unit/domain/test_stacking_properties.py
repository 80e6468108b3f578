"""The optimiser against the brute-force reference on small random instances."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from pathways.domain.stacking import Plan, plan
from tests.unit.domain.test_stacking_brute import (
    Instance,
    instances,
    key,
    minimal,
    prereqs_met,
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
