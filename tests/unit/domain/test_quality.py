"""Quality report: the nine Annex I elements, warnings for inconsistencies, and notes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pathways.domain.quality import ELEMENTS, ISSUED_ONLY_NOTE, QualityReport, quality_report
from pathways.model import (
    Credential,
    CredentialKind,
    Level,
    LevelRef,
    Outcome,
)
from tests.support.credentials import IRISH_MIG

LEVEL = Level("IE-NFQ", "5", (4,))

COMPLETE = replace(
    IRISH_MIG,
    assessment="practical test and portfolio",
    outcomes=(Outcome("o1", "Set up a MIG welding station safely", "en"),),
)
BARE = Credential("bare", CredentialKind.MICRO_CREDENTIAL, "Welding", "EE")


def report(
    cred: Credential, level_known: bool = True, provider_known: bool = True
) -> QualityReport:
    return quality_report(cred, LEVEL if cred.level else None, level_known, provider_known)


def test_a_complete_consistent_description_scores_one() -> None:
    rep = report(COMPLETE)

    assert (rep.score, rep.missing, rep.warnings) == (1.0, (), ())
    assert rep.credential is COMPLETE


def test_issued_credential_elements_are_a_note_not_missing() -> None:
    rep = report(BARE)

    assert ISSUED_ONLY_NOTE in rep.notes
    assert "learner" not in " ".join(rep.missing)
    assert "date" not in " ".join(rep.missing)


def test_missing_elements_are_named_in_the_recommendations_words() -> None:
    rep = report(BARE)

    assert rep.missing == (
        "awarding body",
        "learning outcomes",
        "workload",
        "level",
        "type of assessment",
        "form of participation",
        "type of quality assurance",
    )
    assert rep.score == round(2 / 9, 4)
    assert set(rep.missing) <= set(ELEMENTS) and len(ELEMENTS) == 9


def test_ects_and_hours_outside_25_to_30_hours_warn_and_do_not_count() -> None:
    rep = report(replace(COMPLETE, ects=5, hours=200))

    assert rep.missing == ()
    assert rep.warnings == (
        "5 ECTS and 200 hours make 40 hours per ECTS, outside the 25-30 hours of the "
        "ECTS Users' Guide.",
    )
    assert rep.score == round(8 / 9, 4)


@pytest.mark.parametrize("hours", [125, 130, 150])
def test_ects_and_hours_inside_the_range_do_not_warn(hours: float) -> None:
    assert report(replace(COMPLETE, ects=5, hours=hours)).warnings == ()


def test_hours_only_is_noted_as_derived() -> None:
    rep = report(replace(COMPLETE, ects=None, hours=130))

    assert rep.warnings == ()
    assert any("5.2 ECTS derived at 25 h/ECTS" in n for n in rep.notes)


def test_a_level_not_in_its_framework_warns() -> None:
    rep = quality_report(replace(COMPLETE, level=LevelRef("IE-NFQ", "11")), None, False, True)

    assert "level" not in rep.missing
    assert rep.warnings == ("Level 11 is not a level of the framework IE-NFQ.",)
    assert rep.score == round(8 / 9, 4)


def test_a_level_not_referenced_to_the_eqf_is_a_note() -> None:
    rep = quality_report(COMPLETE, Level("IE-NFQ", "5", ()), True, True)

    assert rep.score == 1.0
    assert any("not referenced to the EQF" in n for n in rep.notes)


def test_an_unknown_awarding_body_warns() -> None:
    rep = report(COMPLETE, provider_known=False)

    assert rep.warnings == ("The awarding body 'gti' is not a known provider.",)
    assert rep.score == round(8 / 9, 4)


@pytest.mark.parametrize("topic", ["Welding", "Keevitustööd", "Soudure MIG", "Contabilidad"])
def test_outcomes_that_name_a_topic_warn(topic: str) -> None:
    rep = report(replace(COMPLETE, outcomes=(Outcome("o1", topic),)))

    assert len(rep.warnings) == 1 and topic in rep.warnings[0]
    assert rep.score == round(8 / 9, 4)


def test_outcomes_written_as_outcomes_do_not_warn() -> None:
    outcomes = (
        Outcome("o1", "Weld steel plate", "en"),
        Outcome("o2", "Keevitab terasplaate", "et"),
        Outcome("o3", "Svejse stålplader", "da"),
        Outcome("o4", "Souder des tôles", "fr"),
        Outcome("o5", "Soldar chapas", "es"),
    )

    assert report(replace(COMPLETE, outcomes=outcomes)).warnings == ()


def test_validity_and_prerequisite_oddities_warn_without_changing_the_score() -> None:
    odd = replace(
        COMPLETE,
        valid_from="2026-01-01",
        valid_until="2025-01-01",
        prerequisites=(COMPLETE.id, "x", "x"),
    )

    rep = report(odd)

    assert rep.score == 1.0
    assert len(rep.warnings) == 3
    assert "before valid from" in rep.warnings[0]
