"""An explanation names the countries filter only when the request set one."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from pathways.domain.stacking import plan
from pathways.model import (
    AllRule,
    Credential,
    CredentialKind,
    CredentialRule,
    CreditsRule,
    Decision,
    PlanningContext,
    Recognition,
)
from tests.support.stacking_brute import Instance, instances


def test_a_recognised_held_credential_is_not_blamed_on_a_filter_never_set() -> None:
    a = Credential("a", CredentialKind.MICRO_CREDENTIAL, "Held A", "IE")
    b = Credential("b", CredentialKind.MICRO_CREDENTIAL, "Recognised B", "IE")
    rule = AllRule((CreditsRule(1.0, ("a", "b")), CredentialRule("a")))
    target = Credential("t", CredentialKind.QUALIFICATION, "Target", "IE", requirements=rule)
    rec = Recognition("a", "b", Decision.FULL, "QQI", "2025-03-01")
    result = plan(PlanningContext(target, frozenset({"a"}), {"a": a, "b": b, "t": target}, (rec,)))
    assert not result.achievable
    text = "\n".join(result.explanation)
    assert "countries filter" not in text
    assert "'Recognised B' is what a credential you hold is recognised as" in text


@given(instances())
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_no_explanation_mentions_a_filter_the_request_did_not_set(inst: Instance) -> None:
    result = plan(inst.ctx, inst.objective, None, 1)
    for p in (result, *result.alternatives):
        assert not any("countries filter" in line for line in p.explanation)
