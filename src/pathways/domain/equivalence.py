"""Cross-border equivalence: which credentials are comparable, and where they differ substantially.

Entry points `equivalents` and `compare` take an EquivalenceContext from the store
(the credential, a shortlist from CandidateIndex, levels, skills, recognitions).  Every
weight and threshold lives in EquivalencePolicy (equivalence_model.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from pathways.domain.equivalence_criteria import (
    level_criterion,
    name,
    profile_criterion,
    quality_assurance_criterion,
    workload_criterion,
)
from pathways.domain.equivalence_model import (
    DEFAULT_POLICY,
    MAX_FIRST,
    MIN_FIRST,
    MIN_SCORE_HIGH,
    MIN_SCORE_LOW,
    Basis,
    Criterion,
    EquivalencePolicy,
    Match,
    OutcomeOverlap,
    OutcomePair,
    check_bounds,
)
from pathways.domain.equivalence_outcomes import outcome_overlaps
from pathways.model import Credential, Decision, EquivalenceContext, Recognition

__all__ = [
    "DEFAULT_POLICY",
    "MAX_FIRST",
    "MIN_FIRST",
    "MIN_SCORE_HIGH",
    "MIN_SCORE_LOW",
    "Criterion",
    "EquivalencePolicy",
    "Match",
    "OutcomeOverlap",
    "OutcomePair",
    "check_bounds",
    "compare",
    "decision_score",
    "equivalents",
]

_SCORE_DIGITS = 6
"""Scores are rounded so that ties (then broken by id) do not hinge on float noise."""

_DECISION_RANK = {Decision.FULL: 0, Decision.PARTIAL: 1, Decision.NONE: 2}


def decision_score(recognition: Recognition, candidate: Credential) -> float:
    """1 for FULL, granted / candidate ECTS for PARTIAL (capped at 1), 0 for NONE."""
    if recognition.decision is Decision.FULL:
        return 1.0
    if recognition.decision is Decision.NONE:
        return 0.0
    granted = recognition.ects or 0.0
    total = candidate.workload_ects
    if total <= 0:
        # Nothing to divide by: any credit granted covers all of a workload-less candidate.
        return 1.0 if granted > 0 else 0.0
    return round(min(1.0, granted / total), _SCORE_DIGITS)


def _decision_words(a: Credential, b: Credential, rec: Recognition) -> str:
    if rec.decision is Decision.NONE:
        verdict = f"{name(a)} is not recognised as {name(b)}"
    elif rec.decision is Decision.PARTIAL:
        verdict = f"{name(a)} is recognised as part of {name(b)} ({rec.ects or 0:g} ECTS granted)"
    else:
        verdict = f"{name(a)} is recognised in full as {name(b)}"
    return f"Recognition decision {rec.decision.value} by {rec.by} on {rec.date}: {verdict}."


def _build(
    ctx: EquivalenceContext,
    *,
    a: Credential,
    b: Credential,
    overlap: OutcomeOverlap,
    recognition: Recognition | None,
    policy: EquivalencePolicy,
) -> Match:
    level = level_criterion(a, b, ctx.levels, policy)
    workload = workload_criterion(a, b, policy)
    qa = quality_assurance_criterion(a, b, policy)
    profile = profile_criterion(a, b)
    differences: list[str] = []
    if recognition is not None and recognition.decision is Decision.NONE:
        differences.append(_decision_words(a, b, recognition))
    for label, crit in (("Level", level), ("Workload", workload), ("Profile", profile)):
        if crit.substantial_difference:
            differences.append(f"{label}: {crit.detail}")
    if overlap.substantial_difference:
        differences.append(f"Learning outcomes: {overlap.detail}")
    if qa.substantial_difference:
        differences.append(f"Quality assurance: {qa.detail}")

    basis: Basis
    if recognition is not None:
        basis, score = "RECOGNITION_DECISION", decision_score(recognition, b)
    else:
        basis = "COMPUTED"
        score = round(
            policy.weight_outcomes * overlap.score
            + policy.weight_level * level.score
            + policy.weight_workload * workload.score
            + policy.weight_quality_assurance * qa.score
            + policy.weight_profile * profile.score,
            _SCORE_DIGITS,
        )
    return Match(
        credential=b,
        score=score,
        basis=basis,
        level=level,
        workload=workload,
        outcomes=overlap,
        quality_assurance=qa,
        profile=profile,
        substantial_differences=tuple(differences),
        recognition=recognition,
    )


def _in_country(cred: Credential, country: str | None) -> bool:
    return country is None or cred.country.casefold() == country.casefold()


def equivalents(
    ctx: EquivalenceContext,
    country: str | None,
    min_score: float,
    first: int,
    policy: EquivalencePolicy = DEFAULT_POLICY,
) -> list[Match]:
    """Credentials comparable to ctx.credential: recorded decisions, then computed ones.

    Recorded decisions from ctx.credential to a candidate (basis RECOGNITION_DECISION)
    come first, FULL, then PARTIAL, then NONE, each by score then id; `country` applies
    to them and `min_score` does not.  Computed matches follow, best score first, ties
    by id, filtered by `country` and `min_score`.  The whole list is cut at `first`.
    The credential itself is never a candidate; a decision whose target is not among
    ctx.candidates cannot be shown (the store puts decision targets in the shortlist).
    Raises BadUserInput for `first` outside 1..100 or `min_score` outside 0..1.
    """
    check_bounds(min_score, first)
    a = ctx.credential
    seen: set[str] = {a.id}
    pool: list[Credential] = []
    for cand in ctx.candidates:
        if cand.id not in seen and _in_country(cand, country):
            seen.add(cand.id)
            pool.append(cand)
    decided: dict[str, Recognition] = {}
    for r in ctx.recognitions:
        if r.from_id == a.id and r.to_id != a.id:
            decided[r.to_id] = r

    overlaps = outcome_overlaps(a, pool, policy)
    recorded: list[Match] = []
    computed: list[Match] = []
    for cand, overlap in zip(pool, overlaps, strict=True):
        rec = decided.get(cand.id)
        match = _build(ctx, a=a, b=cand, overlap=overlap, recognition=rec, policy=policy)
        if rec is not None:
            recorded.append(match)
        elif match.score >= min_score:
            computed.append(match)

    def recorded_key(m: Match) -> tuple[int, float, str]:
        assert m.recognition is not None
        return (_DECISION_RANK[m.recognition.decision], -m.score, m.credential.id)

    recorded.sort(key=recorded_key)
    computed.sort(key=lambda m: (-m.score, m.credential.id))
    return (recorded + computed)[:first]


def compare(
    ctx: EquivalenceContext,
    a: Credential,
    b: Credential,
    policy: EquivalencePolicy = DEFAULT_POLICY,
) -> Match:
    """Every criterion between a and b; basis RECOGNITION_DECISION when a decision a -> b exists."""
    rec = _find_decision(ctx.recognitions, a.id, b.id)
    overlap = outcome_overlaps(a, [b], policy)[0]
    return _build(ctx, a=a, b=b, overlap=overlap, recognition=rec, policy=policy)


def _find_decision(recognitions: Sequence[Recognition], a: str, b: str) -> Recognition | None:
    found = None
    for rec in recognitions:
        if rec.from_id == a and rec.to_id == b:
            found = rec  # the store keeps one per (from, to); the last wins if not
    return found
