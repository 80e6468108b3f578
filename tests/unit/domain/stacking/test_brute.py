"""The brute-force reference itself answers the small cases of seeds.md as written."""

from __future__ import annotations

from pathways.model import (
    AllRule,
    Credential,
    CredentialKind,
    CredentialRule,
    Decision,
    PlanningContext,
    Recognition,
    Rule,
)
from tests.support.stacking_brute import orderable, rules_met


def _ctx(rule: Rule, held: frozenset[str], recs: tuple[Recognition, ...] = ()) -> PlanningContext:
    creds = {
        cid: Credential(cid, CredentialKind.UNIT, cid, "IE", ects=5.0, prerequisites=pre)
        for cid, pre in [("a", ()), ("b", ("a",)), ("y", ())]
    }
    target = Credential("t", CredentialKind.QUALIFICATION, "T", "IE", requirements=rule)
    return PlanningContext(target, held, {**creds, "t": target}, recs)


def test_reference_refuses_double_counting() -> None:
    ctx = _ctx(AllRule((CredentialRule("a"), CredentialRule("a"))), frozenset({"a"}))
    assert not rules_met(ctx, frozenset({"a"}))


def test_reference_counts_a_full_substitute_once() -> None:
    full = (Recognition("y", "a", Decision.FULL, "QQI", "2025-01-01"),)
    ctx = _ctx(AllRule((CredentialRule("a"), CredentialRule("a"))), frozenset({"y"}), full)
    assert rules_met(ctx, frozenset({"a", "y"}))
    assert not rules_met(ctx, frozenset({"y"}))


def test_reference_orders_prerequisites() -> None:
    ctx = _ctx(CredentialRule("b"), frozenset())
    assert not orderable(ctx, frozenset({"b"}))
    assert orderable(ctx, frozenset({"a", "b"}))
