"""Hand-made skill-gap cases: the request's deadline, what is never a step, the lines."""

from __future__ import annotations

import pytest

from pathways import errors
from pathways.domain import budget as deadlines
from pathways.domain.skillgap import plan_skill_gap
from pathways.model import (
    Credential,
    CredentialKind,
    Decision,
    Outcome,
    Recognition,
    Skill,
    SkillGapContext,
)


def _cred(cid: str, ects: float, skills: tuple[str, ...], pre: tuple[str, ...] = ()) -> Credential:
    return Credential(
        cid,
        CredentialKind.MICRO_CREDENTIAL,
        f"Course {cid}",
        "IE",
        ects=ects,
        outcomes=(Outcome(f"{cid}#o1", "Does things", "en", skills),),
        prerequisites=pre,
    )


CREDS = {
    c.id: c
    for c in (
        _cred("a", 5.0, ("weld",), ("safety",)),
        _cred("b", 7.0, ("weld",)),
        _cred("safety", 1.0, ("safe",)),
        _cred("draw", 3.0, ("read",)),
        _cred("held", 2.0, ("read",)),
    )
}
SKILLS = {s: Skill(s, {"en": f"skill {s}"}) for s in ("weld", "safe", "read")}


def _ctx(held: frozenset[str] = frozenset(), *recs: Recognition) -> SkillGapContext:
    return SkillGapContext(SKILLS, held, CREDS, recs)


def test_prerequisites_count_and_come_first() -> None:
    plan = plan_skill_gap(_ctx(), ("weld",))
    assert [s.credential for s in plan.steps] == ["safety", "a"]
    assert plan.additional_credits == 6.0 and plan.optimal
    assert (
        "Step 1: take 'Course safety' (Ireland, 1 ECTS): it is a prerequisite of 'Course a'."
        in (plan.explanation)
    )


def test_an_expired_deadline_still_answers_with_a_valid_plan_marked_not_optimal() -> None:
    with deadlines.within(deadlines.Deadline.after(0)):
        plan = plan_skill_gap(_ctx(), ("weld", "read"))
    assert not plan.optimal
    steps = [s.credential for s in plan.steps]
    assert {"draw", "held"} & set(steps)
    assert {"a", "safety"} <= set(steps) or "b" in steps
    assert any("budget" in line for line in plan.explanation)


def test_what_a_held_credential_is_recognised_as_is_covered_and_never_a_step() -> None:
    full = Recognition("held", "a", Decision.FULL, "QQI", "2025-03-01")
    plan = plan_skill_gap(_ctx(frozenset({"held"}), full), ("weld", "read", "safe"))
    assert plan.covered == ("weld", "read")
    assert [s.credential for s in plan.steps] == ["safety"]
    assert any("recognised as 'Course a'" in line for line in plan.explanation)


def test_an_unknown_skill_is_not_found_naming_it() -> None:
    with pytest.raises(errors.NotFound, match="nope"):
        plan_skill_gap(_ctx(), ("weld", "nope"))
