"""Each principle rule: every status it can give, from hand-made facts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from pathways.domain.principles import (
    RULES,
    CheckStatus,
    CredentialFacts,
    PortabilityFact,
    Principle,
    TargetFact,
    principles_report,
)
from pathways.domain.quality import quality_report
from pathways.model import (
    Credential,
    CredentialKind,
    CredentialRule,
    Decision,
    Level,
    LevelRef,
    Outcome,
    Provider,
    Recognition,
)
from tests.support.credentials import IRISH_MIG

S = CheckStatus
GTI = Provider("gti", "Galway Technical Institute", "IE")
LEVEL = Level("IE-NFQ", "5", (4,))
TODAY = dt.date(2026, 6, 1)
QUAL = Credential(
    id="ie-cert",
    kind=CredentialKind.QUALIFICATION,
    title="Certificate in Welding",
    country="IE",
    requirements=CredentialRule("ie-gti-mig"),
)


def facts(cred: Credential = IRISH_MIG, **over: Any) -> CredentialFacts:
    """Facts of a complete credential, with `over` replacing some."""
    provider = over.pop("provider", GTI)
    level = over.pop("level", LEVEL)
    base = CredentialFacts(
        credential=cred,
        annex=quality_report(cred, level, True, provider is not None),
        level=level,
        provider=provider,
        skills={},
        targets=(TargetFact(QUAL, (4,), plannable=True),),
        recognitions=(Recognition(cred.id, "ee-x", Decision.FULL, "Harno", "2025-01-01"),),
        own_plan=None,
        portability=(),
        today=TODAY,
    )
    return dataclasses.replace(base, **over)


def status(principle: Principle, f: CredentialFacts) -> CheckStatus:
    return RULES[principle](f).status


def test_report_runs_every_principle_in_enum_order_with_evidence() -> None:
    report = principles_report(facts())
    assert [c.principle for c in report.checks] == list(Principle)
    assert all(c.evidence for c in report.checks)
    assert report.check(Principle.LEARNER_CENTRED).status is S.NEEDS_REVIEW
    assert report.check(Principle.LEARNER_CENTRED).advice[-1].startswith("For a person:")


def test_complete_credential_meets_the_automated_principles() -> None:
    report = principles_report(facts())
    met = {c.principle for c in report.checks if c.status is S.MET}
    assert met == set(Principle) - {
        Principle.LEARNER_CENTRED,  # a person's judgement
        Principle.INFORMATION_AND_GUIDANCE,  # no description or homepage
    }


def test_quality() -> None:
    assert status(Principle.QUALITY, facts()) is S.MET
    assert status(Principle.QUALITY, facts(provider=None)) is S.PARTLY_MET
    bare = dataclasses.replace(IRISH_MIG, quality_assurance=" ")
    assert status(Principle.QUALITY, facts(bare)) is S.NOT_MET


def test_transparency_follows_the_annex_report() -> None:
    assert status(Principle.TRANSPARENCY, facts()) is S.MET
    no_level = dataclasses.replace(IRISH_MIG, level=None)
    check = RULES[Principle.TRANSPARENCY](facts(no_level, level=None))
    assert check.status is S.PARTLY_MET
    assert "State the level." in check.advice
    odd = dataclasses.replace(IRISH_MIG, ects=5, hours=500)
    assert status(Principle.TRANSPARENCY, facts(odd)) is S.PARTLY_MET
    no_outcomes = dataclasses.replace(IRISH_MIG, outcomes=())
    assert status(Principle.TRANSPARENCY, facts(no_outcomes)) is S.NOT_MET


def test_relevance() -> None:
    assert status(Principle.RELEVANCE, facts()) is S.MET
    local = dataclasses.replace(
        IRISH_MIG, outcomes=(*IRISH_MIG.outcomes, Outcome("o4", "Grind welds", skills=("pw:x",)))
    )
    assert status(Principle.RELEVANCE, facts(local)) is S.PARTLY_MET
    unaligned = dataclasses.replace(IRISH_MIG, outcomes=(Outcome("o", "Weld plate"),))
    assert status(Principle.RELEVANCE, facts(unaligned)) is S.NOT_MET
    expired = dataclasses.replace(IRISH_MIG, valid_until="2026-05-31")
    assert status(Principle.RELEVANCE, facts(expired)) is S.NOT_MET
    current = dataclasses.replace(IRISH_MIG, valid_until="2026-06-01")
    assert status(Principle.RELEVANCE, facts(current)) is S.MET
    overdue = dataclasses.replace(IRISH_MIG, extra={"review_date": "2025-01-01"})
    assert status(Principle.RELEVANCE, facts(overdue)) is S.PARTLY_MET


@pytest.mark.parametrize(
    ("assessment", "expected"),
    [
        ("practical test pieces (70%) and portfolio (30%)", S.MET),
        ("praktiline katsetöö ja portfoolio", S.MET),
        ("project (60%) and examination (50%)", S.PARTLY_MET),
        ("exam", S.PARTLY_MET),
        (None, S.NOT_MET),
    ],
)
def test_valid_assessment(assessment: str | None, expected: CheckStatus) -> None:
    cred = dataclasses.replace(IRISH_MIG, assessment=assessment)
    assert status(Principle.VALID_ASSESSMENT, facts(cred)) is expected


def test_valid_assessment_without_outcomes_is_partly_met() -> None:
    cred = dataclasses.replace(IRISH_MIG, outcomes=())
    assert status(Principle.VALID_ASSESSMENT, facts(cred)) is S.PARTLY_MET


def test_stackable_pathways() -> None:
    assert status(Principle.STACKABLE_PATHWAYS, facts()) is S.MET
    stuck = (TargetFact(QUAL, (4,), plannable=False),)
    assert status(Principle.STACKABLE_PATHWAYS, facts(targets=stuck)) is S.PARTLY_MET
    undecided = RULES[Principle.STACKABLE_PATHWAYS](
        facts(targets=(TargetFact(QUAL, (4,), plannable=None),))
    )
    assert undecided.status is S.PARTLY_MET
    assert "time budget" in undecided.evidence[0]
    lower = (TargetFact(QUAL, (3,), plannable=True),)
    check = RULES[Principle.STACKABLE_PATHWAYS](facts(targets=lower))
    assert check.status is S.PARTLY_MET
    assert "above the target's EQF 3" in check.evidence[0]
    assert status(Principle.STACKABLE_PATHWAYS, facts(targets=())) is S.NOT_MET
    assert status(Principle.STACKABLE_PATHWAYS, facts(QUAL, targets=(), own_plan=True)) is S.MET
    own_stuck = facts(QUAL, targets=(), own_plan=False)
    assert status(Principle.STACKABLE_PATHWAYS, own_stuck) is S.PARTLY_MET


def test_recognition() -> None:
    assert status(Principle.RECOGNITION, facts()) is S.MET
    assert status(Principle.RECOGNITION, facts(recognitions=())) is S.PARTLY_MET
    refused = (Recognition(IRISH_MIG.id, "ee-x", Decision.NONE, "Harno", "2025-01-01"),)
    assert status(Principle.RECOGNITION, facts(recognitions=refused)) is S.PARTLY_MET
    unreferenced = Level("IE-NFQ", "5", ())
    assert status(Principle.RECOGNITION, facts(level=unreferenced)) is S.PARTLY_MET
    gaps = facts(level=unreferenced, recognitions=refused)
    assert status(Principle.RECOGNITION, gaps) is S.NOT_MET


def test_portable() -> None:
    assert status(Principle.PORTABLE, facts()) is S.MET
    assert status(Principle.PORTABLE, facts(provider=None)) is S.NOT_MET
    spaced = dataclasses.replace(IRISH_MIG, id="mig welding")
    assert status(Principle.PORTABLE, facts(spaced)) is S.NOT_MET
    bare = dataclasses.replace(IRISH_MIG, outcomes=())
    assert status(Principle.PORTABLE, facts(bare)) is S.PARTLY_MET
    written = (PortabilityFact("ELM", True, "ok"), PortabilityFact("OB3", False, "no issuer"))
    assert status(Principle.PORTABLE, facts(portability=written)) is S.PARTLY_MET
    all_ok = (PortabilityFact("ELM", True, "ok"),)
    assert status(Principle.PORTABLE, facts(portability=all_ok)) is S.MET


def test_learner_centred() -> None:
    assert status(Principle.LEARNER_CENTRED, facts()) is S.NEEDS_REVIEW
    online = dataclasses.replace(IRISH_MIG, participation=None)
    assert status(Principle.LEARNER_CENTRED, facts(online)) is S.PARTLY_MET
    neither = dataclasses.replace(IRISH_MIG, participation=None, language=None)
    assert status(Principle.LEARNER_CENTRED, facts(neither)) is S.NOT_MET


def test_authentic() -> None:
    assert status(Principle.AUTHENTIC, facts()) is S.MET
    assert status(Principle.AUTHENTIC, facts(provider=None)) is S.NOT_MET
    abroad = Provider("voco", "VOCO", "EE")
    assert status(Principle.AUTHENTIC, facts(provider=abroad)) is S.PARTLY_MET
    coded = dataclasses.replace(IRISH_MIG, extra={"code": "5N1234"})
    assert "Register code: 5N1234." in RULES[Principle.AUTHENTIC](facts(coded)).evidence


def test_information_and_guidance() -> None:
    assert status(Principle.INFORMATION_AND_GUIDANCE, facts()) is S.PARTLY_MET
    told = dataclasses.replace(IRISH_MIG, extra={"homepage": "https://example.org/mig"})
    assert status(Principle.INFORMATION_AND_GUIDANCE, facts(told)) is S.MET
    assert status(Principle.INFORMATION_AND_GUIDANCE, facts(told, targets=())) is S.PARTLY_MET
    assert status(Principle.INFORMATION_AND_GUIDANCE, facts(targets=())) is S.NOT_MET


def test_unknown_level_reference_is_not_a_valid_level() -> None:
    bad = dataclasses.replace(IRISH_MIG, level=LevelRef("IE-NFQ", "99"))
    f = facts(bad, level=None)
    f = dataclasses.replace(f, annex=quality_report(bad, None, False, True))
    assert status(Principle.TRANSPARENCY, f) is S.PARTLY_MET
    assert status(Principle.RECOGNITION, f) is S.PARTLY_MET
