"""Cross-border equivalence: which credentials are comparable, and where they differ substantially.

Entry points `equivalents` and `compare` take an EquivalenceContext from the store
(the credential, a shortlist from CandidateIndex, levels, skills, recognitions).  Every
weight and threshold lives in EquivalencePolicy (model.py beside this module).
"""

from __future__ import annotations

from collections.abc import Sequence

from pathways.domain.equivalence.criteria import (
    level_criterion,
    level_score,
    name,
    profile_criterion,
    profile_score,
    quality_assurance_criterion,
    quality_assurance_score,
    workload_criterion,
    workload_score,
)
from pathways.domain.equivalence.model import (
    DEFAULT_POLICY,
    Basis,
    EquivalencePolicy,
    Match,
    OutcomeOverlap,
)
from pathways.domain.equivalence.outcomes import align, build_overlap, coverage, outcome_overlaps
from pathways.model import Credential, Decision, EquivalenceContext, Recognition
from pathways.wording import number

__all__ = ["compare", "computed_score", "decision_score", "equivalents", "weighted_score"]

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
        granted = number(rec.ects or 0)
        verdict = f"{name(a)} is recognised as part of {name(b)} ({granted} ECTS granted)"
    else:
        verdict = f"{name(a)} is recognised in full as {name(b)}"
    return f"Recognition decision {rec.decision.value} by {rec.by} on {rec.date}: {verdict}."


def weighted_score(
    policy: EquivalencePolicy,
    *,
    outcomes: float,
    level: float,
    workload: float,
    qa: float,
    profile: float,
) -> float:
    """The COMPUTED score from the five criteria's scores: weighted, gated by coverage."""
    weighted = (
        policy.weight_outcomes * outcomes
        + policy.weight_level * level
        + policy.weight_workload * workload
        + policy.weight_quality_assurance * qa
        + policy.weight_profile * profile
    )
    floor = policy.outcome_coverage_min
    gate = min(1.0, outcomes / floor) if floor > 0 else 1.0
    return round(weighted * gate, _SCORE_DIGITS)


def computed_score(
    ctx: EquivalenceContext,
    a: Credential,
    b: Credential,
    outcome_score: float,
    policy: EquivalencePolicy = DEFAULT_POLICY,
) -> float:
    """The COMPUTED score of b for a, without building the criteria's words."""
    return weighted_score(
        policy,
        outcomes=outcome_score,
        level=level_score(a, b, ctx.levels, policy),
        workload=workload_score(a, b, policy),
        qa=quality_assurance_score(a, b, policy),
        profile=profile_score(a, b),
    )


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
        score = weighted_score(
            policy,
            outcomes=overlap.score,
            level=level.score,
            workload=workload.score,
            qa=qa.score,
            profile=profile.score,
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
    `first` and `min_score` are within bounds.MATCHES and bounds.MIN_SCORE (the service
    checks them with check_bounds before fetching the context).
    """
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

    aligned = align(a, pool, policy)
    recorded: list[Match] = []
    # Rank computed candidates on scores alone; words are built only for those returned.
    ranked: list[tuple[float, str, int]] = []
    for k, (cand, chosen) in enumerate(zip(pool, aligned, strict=True)):
        rec = decided.get(cand.id)
        if rec is not None:
            overlap = build_overlap(a, cand, chosen, policy)
            recorded.append(
                _build(ctx, a=a, b=cand, overlap=overlap, recognition=rec, policy=policy)
            )
            continue
        score = computed_score(ctx, a, cand, coverage(a, cand, chosen, policy), policy)
        if score >= min_score:
            ranked.append((-score, cand.id, k))

    def recorded_key(m: Match) -> tuple[int, float, str]:
        assert m.recognition is not None
        return (_DECISION_RANK[m.recognition.decision], -m.score, m.credential.id)

    recorded.sort(key=recorded_key)
    room = max(0, first - len(recorded))
    ranked.sort()
    computed = [
        _build(
            ctx,
            a=a,
            b=pool[k],
            overlap=build_overlap(a, pool[k], aligned[k], policy),
            recognition=None,
            policy=policy,
        )
        for _score, _id, k in ranked[:room]
    ]
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
