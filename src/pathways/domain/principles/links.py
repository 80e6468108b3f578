"""Rules for the principles the rest of the graph shows: how a credential connects.

Stackable pathways, recognition, portability, authenticity, information and
guidance: each reads the credential's targets, decisions, provider and exchange
formats from its facts.
"""

from __future__ import annotations

import re

from pathways.domain.principles.model import (
    CheckStatus,
    CredentialFacts,
    Principle,
    PrincipleCheck,
    TargetFact,
    check,
    graded,
)
from pathways.model import Decision

STABLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/#-]*")
"""An id that survives export unchanged: ASCII letters, digits and URI punctuation."""

INFORMATION_KEYS = ("description", "homepage", "url", "website")
"""Seed keys that tell learners about a credential beyond its Annex I elements."""


def _eqf(levels: tuple[int, ...]) -> str:
    return "/".join(str(n) for n in levels)


def _above(part: tuple[int, ...], target: tuple[int, ...]) -> bool:
    return bool(part and target) and min(part) > max(target)


def _target_line(facts: CredentialFacts, t: TargetFact) -> tuple[str, bool]:
    part_eqf = facts.level.eqf if facts.level is not None else ()
    how = f" (through its recognition as '{t.via}')" if t.via else ""
    line = f"Stacks into '{t.credential.title}' ({t.credential.id}){how}"
    ok = True
    if t.plannable:
        line += ", which a learner can complete from nothing"
    elif t.plannable is None:
        line += ", which could not be planned within this request's time budget (ask again)"
        ok = False
    else:
        line += ", which no plan can complete from nothing"
        ok = False
    if _above(part_eqf, t.eqf):
        line += f"; its EQF {_eqf(part_eqf)} is above the target's EQF {_eqf(t.eqf)}"
        ok = False
    return line + ".", ok


def stackable_pathways(facts: CredentialFacts) -> PrincipleCheck:
    """Named in a plannable target's rules at a level not above it, or itself plannable."""
    cred = facts.credential
    evidence: list[str] = []
    advice: list[str] = []
    good = False
    for target in facts.targets:
        line, ok = _target_line(facts, target)
        evidence.append(line)
        good = good or ok
    if cred.requirements is not None:
        if facts.own_plan:
            evidence.append("Its own requirements can be met by stacking credentials in the graph.")
            good = True
        else:
            evidence.append(
                "No plan can meet its own requirements from the credentials in the graph."
            )
            advice.append("Check that every credential its requirements name can be taken.")
    if good:
        return check(Principle.STACKABLE_PATHWAYS, CheckStatus.MET, evidence, advice)
    if facts.targets or cred.requirements is not None:
        advice.append("Make sure a larger credential it counts towards can be completed.")
        return check(Principle.STACKABLE_PATHWAYS, CheckStatus.PARTLY_MET, evidence, advice)
    evidence.append("No credential's requirements name it, directly or through a recognition.")
    if cred.prerequisites:
        evidence.append(f"It follows {len(cred.prerequisites)} prerequisite(s), but leads nowhere.")
    advice.append(
        "Agree with an awarding body that it counts towards a larger credential, or seek a "
        "recognition decision to a credential that does."
    )
    return check(Principle.STACKABLE_PATHWAYS, CheckStatus.NOT_MET, evidence, advice)


def _criteria_gaps(facts: CredentialFacts) -> list[str]:
    cred = facts.credential
    gaps = []
    if facts.level is None or not facts.level.eqf:
        gaps.append("level (an EQF-referenced level)")
    if cred.ects is None and cred.hours is None:
        gaps.append("workload")
    if not cred.outcomes:
        gaps.append("learning outcomes")
    if not (cred.quality_assurance or "").strip():
        gaps.append("quality assurance")
    return gaps


def recognition(facts: CredentialFacts) -> PrincipleCheck:
    """Decisions recorded with body and date; the five comparison criteria computable."""
    evidence: list[str] = []
    advice: list[str] = []
    positive = 0
    for rec in facts.recognitions:
        granted = f" ({rec.ects:g} ECTS granted)" if rec.ects is not None else ""
        evidence.append(
            f"Recognised {rec.decision.value} as {rec.to_id}{granted} by {rec.by} on {rec.date}."
        )
        positive += rec.decision is not Decision.NONE
    if not facts.recognitions:
        evidence.append("No recognition decision is recorded for it.")
    gaps = _criteria_gaps(facts)
    if gaps:
        evidence.append("A recognition officer cannot compare its " + ", ".join(gaps) + ".")
        advice.append("State the " + ", ".join(gaps) + " so that it can be compared abroad.")
    else:
        evidence.append(
            "All five comparison criteria (level, workload, learning outcomes, quality "
            "assurance, profile) can be computed."
        )
    if not positive:
        advice.append("Seek a recognition decision from a body that would accept it.")
    return check(
        Principle.RECOGNITION,
        graded(bool(positive) and not gaps, bool(positive) or not gaps),
        evidence,
        advice,
    )


def portable(facts: CredentialFacts) -> PrincipleCheck:
    """A stable id, and written as the exchange formats (or the fields they need)."""
    cred = facts.credential
    evidence: list[str] = []
    advice: list[str] = []
    stable = STABLE_ID.fullmatch(cred.id) is not None
    if stable:
        evidence.append(f"Its id '{cred.id}' is stable across exports.")
    else:
        evidence.append(f"Its id '{cred.id}' has characters an export may change.")
        advice.append("Use an id of ASCII letters, digits and - _ . : / # only.")
    needs = []
    if facts.provider is None:
        needs.append("a known awarding body (the issuer)")
    if not cred.outcomes:
        needs.append("learning outcomes (the achievement's criteria)")
    written = partly = True
    if facts.portability:
        ok = [p for p in facts.portability if p.ok]
        evidence.extend(f"{p.format}: {p.detail}" for p in facts.portability)
        if len(ok) < len(facts.portability):
            advice.append("Fill what the failing formats need (see above).")
        written, partly = len(ok) == len(facts.portability), bool(ok)
    else:
        evidence.append(
            "Judged by the fields the ELM, Open Badges 3.0 and CTDL documents need "
            "(title, issuer, learning outcomes), not by writing them."
        )
    if needs:
        evidence.append("The documents would lack " + " and ".join(needs) + ".")
        advice.append("Add " + " and ".join(needs) + ".")
        written = False
        partly = partly and facts.provider is not None
    return check(
        Principle.PORTABLE, graded(stable and written, stable and partly), evidence, advice
    )


def authentic(facts: CredentialFacts) -> PrincipleCheck:
    """An identified awarding body with a country (and a register code when given)."""
    cred = facts.credential
    evidence: list[str] = []
    advice: list[str] = []
    prov = facts.provider
    if prov is None:
        if cred.provider:
            evidence.append(f"Its awarding body '{cred.provider}' is not a known provider.")
        else:
            evidence.append("No awarding body is named.")
        advice.append("Name the awarding body, recorded as a provider with its country.")
        return check(Principle.AUTHENTIC, CheckStatus.NOT_MET, evidence, advice)
    evidence.append(f"Awarded by {prov.name} ({prov.id}), in {prov.country}.")
    for key in ("awarding_body", "code"):
        value = cred.extra.get(key)
        if isinstance(value, str | int) and str(value).strip():
            what = "Awarding body in the record" if key == "awarding_body" else "Register code"
            evidence.append(f"{what}: {value}.")
    advice.append(
        "For a person: do issued credentials carry a tamper-evident seal of this body "
        "(e.g. a qualified electronic seal)?"
    )
    if prov.country.upper() != cred.country.upper():
        evidence.append(f"The provider is in {prov.country} but the credential in {cred.country}.")
        advice.insert(0, "Say which body in which country answers for the credential.")
        return check(Principle.AUTHENTIC, CheckStatus.PARTLY_MET, evidence, advice)
    return check(Principle.AUTHENTIC, CheckStatus.MET, evidence, advice)


def information_and_guidance(facts: CredentialFacts) -> PrincipleCheck:
    """A description or homepage for learners, and at least one pathway to guide them."""
    cred = facts.credential
    evidence: list[str] = []
    advice: list[str] = []
    info = [k for k in INFORMATION_KEYS if isinstance(v := cred.extra.get(k), str) and v.strip()]
    if info:
        evidence.append("It has a " + " and a ".join(info) + ".")
    else:
        evidence.append("It has no description or homepage.")
        advice.append("Add a description and a homepage where learners can read about it.")
    pathways = len(facts.targets) + (cred.requirements is not None)
    if pathways:
        evidence.append(f"It is on {pathways} pathway{'s' if pathways > 1 else ''} in the graph.")
    else:
        evidence.append("It is on no pathway: nothing stacks into it and it stacks into nothing.")
        advice.append("Show learners what it leads to (a larger credential it counts towards).")
    return check(
        Principle.INFORMATION_AND_GUIDANCE,
        graded(bool(info) and pathways > 0, bool(info) or pathways > 0),
        evidence,
        advice,
    )
