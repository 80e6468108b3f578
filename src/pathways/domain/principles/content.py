"""Rules for the principles a description shows by its own content.

Quality, transparency, relevance, valid assessment and learner-centredness: each
reads the credential, its Annex I report and its skills, and says what it found.
"""

from __future__ import annotations

import re

from pathways.domain.principles.model import (
    CheckStatus,
    CredentialFacts,
    Principle,
    PrincipleCheck,
    check,
)
from pathways.domain.quality import ELEMENTS, LEARNING_OUTCOMES

ESCO_PREFIX = "http://data.europa.eu/esco/"
"""Skill ids under this prefix are ESCO concepts; any other id is a local skill."""

REVIEW_KEYS = ("review_date", "next_review")
"""Seed keys that may carry the date a credential is next reviewed."""

MIN_METHOD_LETTERS = 8
"""An assessment text with fewer letters than this names no method ('yes', 'exam')."""

_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")


def _quote(text: str, limit: int = 80) -> str:
    return f"'{text}'" if len(text) <= limit else f"'{text[: limit - 1]}…'"


def _unstated(principle: Principle, what: str, advice: str) -> PrincipleCheck:
    """NOT_MET because the description does not state `what`, and what to state."""
    return check(principle, CheckStatus.NOT_MET, [f"No type of {what} is stated."], [advice])


def quality(facts: CredentialFacts) -> PrincipleCheck:
    """Quality assurance named, by a body the graph knows."""
    cred = facts.credential
    qa = (cred.quality_assurance or "").strip()
    if not qa:
        return _unstated(
            Principle.QUALITY,
            "quality assurance",
            "Name the quality assurance the credential is subject to (internal and external), "
            "e.g. the validating agency or the accredited programme.",
        )
    evidence = [f"Quality assurance: {_quote(qa)}."]
    if facts.provider is None:
        evidence.append("No known awarding body stands behind it.")
        return check(
            Principle.QUALITY,
            CheckStatus.PARTLY_MET,
            evidence,
            ["Name the awarding body responsible for the quality assurance (a known provider)."],
        )
    evidence.append(f"Awarding body: {facts.provider.name} ({facts.provider.country}).")
    return check(Principle.QUALITY, CheckStatus.MET, evidence, [])


def transparency(facts: CredentialFacts) -> PrincipleCheck:
    """All nine Annex I elements present and consistent (workload, level, outcomes)."""
    annex = facts.annex
    good = round(annex.score * len(ELEMENTS))
    evidence = [f"{good} of {len(ELEMENTS)} Annex I elements are present and consistent."]
    advice: list[str] = []
    if annex.missing:
        evidence.append("Missing: " + ", ".join(annex.missing) + ".")
        advice.extend(f"State the {m}." for m in annex.missing)
    for warning in annex.warnings:
        evidence.append(warning)
    if annex.warnings:
        advice.append("Resolve the inconsistencies above.")
    if facts.level is not None and facts.level.eqf:
        eqf = "/".join(str(n) for n in facts.level.eqf)
        evidence.append(
            f"Level {facts.level.code} of {facts.level.framework} is referenced to EQF {eqf}."
        )
    if annex.score >= 1.0:
        status = CheckStatus.MET
    elif annex.score < 0.5 or LEARNING_OUTCOMES in annex.missing:
        status = CheckStatus.NOT_MET
    else:
        status = CheckStatus.PARTLY_MET
    return check(Principle.TRANSPARENCY, status, evidence, advice)


def _passed(date: str | None, facts: CredentialFacts) -> bool:
    return bool(date) and str(date) < facts.today.isoformat()


def relevance(facts: CredentialFacts) -> PrincipleCheck:
    """Outcomes aligned to ESCO skills, still valid, and reviewed when a date is given."""
    cred = facts.credential
    outcomes = cred.outcomes
    evidence: list[str] = []
    advice: list[str] = []
    if not outcomes:
        evidence.append("No learning outcomes, so nothing ties it to a skill need.")
        advice.append("Write learning outcomes and align each to ESCO skills.")
        return check(Principle.RELEVANCE, CheckStatus.NOT_MET, evidence, advice)
    esco = sum(1 for o in outcomes if any(s.startswith(ESCO_PREFIX) for s in o.skills))
    local = sum(
        1 for o in outcomes if o.skills and not any(s.startswith(ESCO_PREFIX) for s in o.skills)
    )
    bare = len(outcomes) - esco - local
    evidence.append(f"{esco} of {len(outcomes)} learning outcomes are aligned to ESCO skills.")
    if local:
        evidence.append(f"{local} are aligned to local skills only.")
        advice.append("Align the outcomes with local skills only to ESCO concepts as well.")
    if bare:
        evidence.append(f"{bare} are aligned to no skill.")
        advice.append("Align every learning outcome to at least one ESCO skill.")
    expired = _passed(cred.valid_until, facts)
    if cred.valid_until:
        if expired:
            evidence.append(f"It was valid until {cred.valid_until}, which has passed.")
            advice.append("Review it against current skill needs and renew or withdraw it.")
        else:
            evidence.append(f"It is valid until {cred.valid_until}.")
    overdue = False
    for key in REVIEW_KEYS:
        value = cred.extra.get(key)
        if isinstance(value, str) and value.strip():
            overdue = overdue or _passed(value, facts)
            evidence.append(
                f"Review date {value}" + (", which has passed." if _passed(value, facts) else ".")
            )
    if overdue:
        advice.append("Carry out the overdue review and record the next review date.")
    if expired or esco + local == 0:
        status = CheckStatus.NOT_MET
    elif esco == len(outcomes) and not overdue:
        status = CheckStatus.MET
    else:
        status = CheckStatus.PARTLY_MET
    return check(Principle.RELEVANCE, status, evidence, advice)


def valid_assessment(facts: CredentialFacts) -> PrincipleCheck:
    """An assessment stated with a method, for stated outcomes, with weights adding up."""
    cred = facts.credential
    text = (cred.assessment or "").strip()
    if not text:
        return _unstated(
            Principle.VALID_ASSESSMENT,
            "assessment",
            "State how the learning outcomes are assessed (method and, if several, weights).",
        )
    evidence = [f"Assessment: {_quote(text)}."]
    advice: list[str] = []
    status = CheckStatus.MET
    if sum(ch.isalpha() for ch in text) < MIN_METHOD_LETTERS:
        evidence.append("The text names no assessment method.")
        advice.append("Say what the learner does to be assessed (test, project, portfolio ...).")
        status = CheckStatus.PARTLY_MET
    weights = [float(w.replace(",", ".")) for w in _PERCENT.findall(text)]
    if weights:
        total = sum(weights)
        if abs(total - 100.0) > 0.5:
            evidence.append(f"Its weights add up to {total:g}%, not 100%.")
            advice.append("Make the weights of the assessment parts add up to 100%.")
            status = CheckStatus.PARTLY_MET
        else:
            evidence.append(f"Its {len(weights)} weighted parts add up to 100%.")
    if not cred.outcomes:
        evidence.append("There are no stated learning outcomes for it to assess.")
        advice.append("State the learning outcomes the assessment tests.")
        status = CheckStatus.PARTLY_MET
    else:
        evidence.append(
            f"It is the one assessment of the credential's {len(cred.outcomes)} learning outcomes."
        )
    return check(Principle.VALID_ASSESSMENT, status, evidence, advice)


def learner_centred(facts: CredentialFacts) -> PrincipleCheck:
    """What the graph shows of flexibility; whether learners shaped it is for a person."""
    cred = facts.credential
    evidence: list[str] = []
    advice: list[str] = []
    gaps = 0
    if cred.participation is not None:
        evidence.append(f"Form of participation: {cred.participation.value.lower()}.")
    else:
        gaps += 1
        evidence.append("No form of participation is stated.")
        advice.append("State whether it is taken online, on site or blended.")
    if cred.language:
        evidence.append(f"Language of instruction: {cred.language}.")
    else:
        gaps += 1
        evidence.append("No language is stated.")
        advice.append("State the language it is taught and assessed in.")
    if cred.ects is not None or cred.hours is not None:
        evidence.append(
            f"Workload: {cred.workload_ects:g} ECTS ({cred.workload_hours:g} hours)"
            + (", derived." if cred.ects_derived or cred.hours_derived else ".")
        )
    pre = len(cred.prerequisites)
    evidence.append(
        "No prerequisites: open to any learner."
        if not pre
        else f"{pre} prerequisite{'s' if pre > 1 else ''} to hold before starting."
    )
    if gaps == 2:
        return check(Principle.LEARNER_CENTRED, CheckStatus.NOT_MET, evidence, advice)
    if gaps:
        return check(Principle.LEARNER_CENTRED, CheckStatus.PARTLY_MET, evidence, advice)
    advice.append(
        "For a person: were learners involved in designing it, and is their feedback "
        "collected and used to improve it?"
    )
    return check(Principle.LEARNER_CENTRED, CheckStatus.NEEDS_REVIEW, evidence, advice)
