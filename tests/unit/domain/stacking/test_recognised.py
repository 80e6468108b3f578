"""Never a step: what the learner holds, or what a held credential is FULL recognised as."""

from __future__ import annotations

import asyncio

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
    Rule,
)
from pathways.seeds import load_dirs
from pathways.store.memory import MemoryStore
from tests.support.paths import SHIPPED_SEEDS

SAFETY = Credential("ie-safety", CredentialKind.MICRO_CREDENTIAL, "Safety", "IE", ects=2.0)
MIG = Credential(
    "ie-mig", CredentialKind.MICRO_CREDENTIAL, "MIG welding", "IE", ects=5.0,
    prerequisites=("ie-safety",),
)  # fmt: skip
TIG = Credential(
    "ie-tig", CredentialKind.MICRO_CREDENTIAL, "TIG welding", "IE", ects=5.0,
    prerequisites=("ie-safety",),
)  # fmt: skip
MAG = Credential("ee-mag", CredentialKind.MICRO_CREDENTIAL, "MAG keevitus", "EE", ects=6.0)


def _ctx(rule: Rule, held: set[str], *recs: Recognition) -> PlanningContext:
    target = Credential("t", CredentialKind.QUALIFICATION, "Fabrication", "IE", requirements=rule)
    creds = {c.id: c for c in (SAFETY, MIG, TIG, MAG, target)}
    return PlanningContext(target, frozenset(held), creds, recs)


def _full(src: str, dst: str, decision: Decision = Decision.FULL) -> Recognition:
    return Recognition(
        src, dst, decision, "QQI", "2025-03-01", 2.0 if decision is Decision.PARTIAL else None
    )


# MIG, and 5 ECTS from the MAG course or TIG.  Taking MIG and counting MAG itself ties
# with MAG-as-MIG plus TIG (7 ECTS, 2 credentials) and wins on ids, but retakes MIG.
RULE = AllRule((CredentialRule("ie-mig"), CreditsRule(5.0, ("ee-mag", "ie-tig"))))


def test_a_credential_recognised_from_a_held_one_is_never_a_step() -> None:
    result = plan(_ctx(RULE, {"ee-mag"}, _full("ee-mag", "ie-mig")))
    assert result.achievable and result.optimal
    assert [s.credential for s in result.steps] == ["ie-safety", "ie-tig"]
    assert [(c.held, c.counts_as) for c in result.counted] == [("ee-mag", "ie-mig")]


def test_a_partial_recognition_does_not_keep_the_credential_out() -> None:
    result = plan(_ctx(RULE, {"ee-mag"}, _full("ee-mag", "ie-mig", Decision.PARTIAL)))
    assert [s.credential for s in result.steps] == ["ie-safety", "ie-mig"]


def test_when_only_the_recognised_credential_would_do_the_plan_is_unreachable() -> None:
    rule = AllRule((CredentialRule("ie-mig"), CreditsRule(5.0, ("ee-mag",))))
    result = plan(_ctx(rule, {"ee-mag"}, _full("ee-mag", "ie-mig")))
    assert not result.achievable
    text = "\n".join(result.explanation)
    assert "'MIG welding' is not a step" in text


def test_the_readme_learner_no_longer_retakes_mig() -> None:
    store = MemoryStore(load_dirs([SHIPPED_SEEDS]))
    held = ["ee-voco-mag-keevitus"]
    ctx = asyncio.run(store.planning_context("ie-gti-5s-welding-fabrication", held))
    result = plan(ctx)
    steps = [s.credential for s in result.steps]
    assert "ie-gti-mig-welding" not in steps
    assert steps == [
        "ee-voco-tig-keevitus",
        "ie-gti-fabrication-drawing",
        "ie-gti-workshop-safety",
        "ie-gti-mma-welding",
    ]
    assert result.additional_credits == 19.0
    assert any(
        "'Plaatide MAG-keevitus' from Estonia counts as 'MIG welding of steel plate'" in line
        for line in result.explanation
    )
