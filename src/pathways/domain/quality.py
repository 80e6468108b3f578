"""Quality report of a credential description against the EU micro-credential standard elements.

The Council Recommendation of 16 June 2022 (2022/C 243/02), Annex I, lists the
mandatory elements.  Two of them (identification of the learner, date of issuing)
belong to an issued credential; the nine below belong to its description and are
what the report checks.  An element counts towards the score when it is present and
raises no warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathways.domain.text import looks_like_outcome
from pathways.model import HOURS_PER_ECTS, HOURS_PER_ECTS_HIGH, Credential, Level
from pathways.wording import filled, number

TITLE = "title"
COUNTRY = "country"
AWARDING_BODY = "awarding body"
LEARNING_OUTCOMES = "learning outcomes"
WORKLOAD = "workload"
LEVEL = "level"
ASSESSMENT = "type of assessment"
PARTICIPATION = "form of participation"
QUALITY_ASSURANCE = "type of quality assurance"

ELEMENTS: tuple[str, ...] = (
    TITLE,
    COUNTRY,
    AWARDING_BODY,
    LEARNING_OUTCOMES,
    WORKLOAD,
    LEVEL,
    ASSESSMENT,
    PARTICIPATION,
    QUALITY_ASSURANCE,
)
"""The nine Annex I elements of a description, in the Recommendation's order and words."""

ISSUED_ONLY_NOTE = (
    "Identification of the learner and date of issuing are elements of an issued "
    "credential, not of its description, so they are not checked here."
)


@dataclass(frozen=True, slots=True)
class QualityReport:
    """How complete and consistent a credential description is against Annex I."""

    credential: Credential
    score: float
    missing: tuple[str, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]


def _workload_warnings(cred: Credential) -> tuple[list[str], list[str]]:
    warnings: list[str] = []
    notes: list[str] = []
    if (cred.ects is not None and cred.ects <= 0) or (cred.hours is not None and cred.hours <= 0):
        warnings.append("The workload is zero: a description should state a positive workload.")
    elif cred.ects is not None and cred.hours is not None:
        per = cred.hours / cred.ects
        if not HOURS_PER_ECTS <= per <= HOURS_PER_ECTS_HIGH:
            warnings.append(
                f"{number(cred.ects)} ECTS and {number(cred.hours)} hours make "
                f"{number(per)} hours per ECTS, outside the "
                f"{number(HOURS_PER_ECTS)}-{number(HOURS_PER_ECTS_HIGH)} hours of "
                "the ECTS Users' Guide."
            )
    elif cred.hours is not None:
        notes.append(
            "Workload is given in hours only: "
            f"{number(cred.hours / HOURS_PER_ECTS)} ECTS derived at "
            f"{number(HOURS_PER_ECTS)} h/ECTS ({number(cred.hours / HOURS_PER_ECTS_HIGH)}-"
            f"{number(cred.hours / HOURS_PER_ECTS)} ECTS at {number(HOURS_PER_ECTS)}-"
            f"{number(HOURS_PER_ECTS_HIGH)} h/ECTS)."
        )
    elif cred.ects is not None:
        notes.append(
            "Workload is given in ECTS only: "
            f"{number(cred.ects * HOURS_PER_ECTS)} hours derived at "
            f"{number(HOURS_PER_ECTS)} h/ECTS."
        )
    return warnings, notes


def quality_report(
    credential: Credential, level: Level | None, level_known: bool, provider_known: bool
) -> QualityReport:
    """Check the nine Annex I elements: missing ones, inconsistent ones, and notes.

    `level` is the credential's level as the store resolved it (None when absent or
    unknown); `level_known` says whether its level exists in its framework and
    `provider_known` whether its awarding body is a known provider.
    """
    cred = credential
    missing: list[str] = []
    warnings: list[str] = []
    notes: list[str] = [ISSUED_ONLY_NOTE]
    inconsistent: set[str] = set()

    def flag(element: str, message: str) -> None:
        inconsistent.add(element)
        warnings.append(message)

    for element, present in (
        (TITLE, filled(cred.title)),
        (COUNTRY, filled(cred.country)),
        (AWARDING_BODY, filled(cred.provider)),
        (LEARNING_OUTCOMES, bool(cred.outcomes)),
        (WORKLOAD, cred.ects is not None or cred.hours is not None),
        (LEVEL, cred.level is not None),
        (ASSESSMENT, filled(cred.assessment)),
        (PARTICIPATION, cred.participation is not None),
        (QUALITY_ASSURANCE, filled(cred.quality_assurance)),
    ):
        if not present:
            missing.append(element)

    if filled(cred.provider) and not provider_known:
        flag(AWARDING_BODY, f"The awarding body '{cred.provider}' is not a known provider.")
    for outcome in cred.outcomes:
        if not looks_like_outcome(outcome.text):
            flag(
                LEARNING_OUTCOMES,
                f"'{outcome.text}' names a topic rather than what the learner can do "
                "(an outcome starts with an action verb).",
            )
    if WORKLOAD not in missing:
        work_warnings, work_notes = _workload_warnings(cred)
        for message in work_warnings:
            flag(WORKLOAD, message)
        notes.extend(work_notes)
    if cred.level is not None:
        ref = cred.level
        if not level_known:
            flag(LEVEL, f"Level {ref.code} is not a level of the framework {ref.framework}.")
        elif level is not None and not level.eqf:
            notes.append(
                f"Level {ref.code} of {ref.framework} is not referenced to the EQF, so it "
                "cannot be compared across borders through the EQF."
            )

    # Cheap consistency checks outside the nine elements: they warn but do not score.
    if cred.valid_from and cred.valid_until and cred.valid_until < cred.valid_from:
        warnings.append(f"Valid until {cred.valid_until} is before valid from {cred.valid_from}.")
    if cred.id in cred.prerequisites:
        warnings.append("The credential names itself as a prerequisite.")
    if len(set(cred.prerequisites)) < len(cred.prerequisites):
        warnings.append("A prerequisite is listed more than once.")

    good = sum(1 for e in ELEMENTS if e not in missing and e not in inconsistent)
    return QualityReport(
        credential=cred,
        score=round(good / len(ELEMENTS), 4),
        missing=tuple(missing),
        warnings=tuple(warnings),
        notes=tuple(notes),
    )
