"""The level, workload, quality-assurance and profile criteria of a comparison."""

from __future__ import annotations

from pathways.domain.equivalence.model import Criterion, EquivalencePolicy
from pathways.model import (
    HOURS_PER_ECTS,
    HOURS_PER_ECTS_HIGH,
    Credential,
    CredentialKind,
    Level,
    LevelTable,
)
from pathways.wording import filled, number, quoted

# Size order of kinds; a full qualification against anything smaller is always substantial.
_KIND_RANK = {
    CredentialKind.MICRO_CREDENTIAL: 0,
    CredentialKind.UNIT: 1,
    CredentialKind.PARTIAL_QUALIFICATION: 2,
    CredentialKind.QUALIFICATION: 3,
}
_KIND_WORDS = {
    CredentialKind.MICRO_CREDENTIAL: "a micro-credential",
    CredentialKind.UNIT: "a unit",
    CredentialKind.PARTIAL_QUALIFICATION: "a partial qualification",
    CredentialKind.QUALIFICATION: "a full qualification",
}
_KIND_GAP_SUBSTANTIAL = 2


def name(cred: Credential) -> str:
    """How a detail names a credential: its title in quotes."""
    return quoted(cred.title)


def _level_words(cred: Credential, level: Level | None) -> str:
    ref = cred.level
    if ref is None:
        return f"{name(cred)} states no level"
    if level is None:
        return f"{name(cred)} names level {ref.code} of {ref.framework}, which is not in it"
    if not level.eqf:
        return f"{name(cred)} is at {ref.framework} {ref.code}, which is not referenced to the EQF"
    eqf = " or ".join(str(e) for e in level.eqf)
    return f"{name(cred)} is at {ref.framework} {ref.code} (EQF {eqf})"


def _nearest(
    a: Credential, b: Credential, levels: LevelTable
) -> tuple[Level | None, Level | None, bool, tuple[int, int, int] | None]:
    """Both levels, whether they are the same level, and the nearest EQF pair (gap, ea, eb)."""
    la = levels.get((a.level.framework, a.level.code)) if a.level else None
    lb = levels.get((b.level.framework, b.level.code)) if b.level else None
    if la is None or lb is None:
        return la, lb, False, None
    same = (la.framework, la.code) == (lb.framework, lb.code)
    if not la.eqf or not lb.eqf:
        return la, lb, same, None
    return la, lb, same, min((abs(x - y), x, y) for x in la.eqf for y in lb.eqf)


def level_score(
    a: Credential, b: Credential, levels: LevelTable, policy: EquivalencePolicy
) -> float:
    """The level criterion's score alone (what ranking needs, without the words)."""
    _la, _lb, same, nearest = _nearest(a, b, levels)
    if same:
        return 1.0
    if nearest is None:
        return policy.unknown_score
    return max(0.0, 1.0 - policy.level_step_penalty * nearest[0])


def level_criterion(
    a: Credential, b: Credential, levels: LevelTable, policy: EquivalencePolicy
) -> Criterion:
    """Compare levels through the EQF levels they are referenced to (nearest pair)."""
    la, lb, same, nearest = _nearest(a, b, levels)
    score = level_score(a, b, levels, policy)
    words = f"{_level_words(a, la)}; {_level_words(b, lb)}"
    if same:
        return Criterion(score, False, f"{words}: the same level.")
    if la is None or lb is None or nearest is None:
        return Criterion(score, False, f"{words}, so the levels cannot be compared.")
    gap, ea, eb = nearest
    if gap == 0:
        return Criterion(score, False, f"{words}: the same EQF level ({ea}).")
    direction = "below" if ea < eb else "above"
    plural = "level" if gap == 1 else "levels"
    nearest_words = (
        f" (nearest pair EQF {ea} and {eb})" if len(la.eqf) > 1 or len(lb.eqf) > 1 else ""
    )
    return Criterion(
        score,
        gap >= policy.level_gap_substantial,
        f"{words}: {name(a)} is {gap} EQF {plural} {direction} {name(b)}{nearest_words}.",
    )


def workload_range(cred: Credential) -> tuple[float, float] | None:
    """(low, high) ECTS: given ECTS exactly; hours alone as their 25-30 h/ECTS range."""
    if cred.ects is not None:
        return cred.ects, cred.ects
    if cred.hours is not None:
        return cred.hours / HOURS_PER_ECTS_HIGH, cred.hours / HOURS_PER_ECTS
    return None


def _workload_words(cred: Credential) -> str:
    if cred.ects is not None:
        hours = f" ({number(cred.hours)} h)" if cred.hours is not None else ""
        return f"{number(cred.ects)} ECTS{hours}"
    assert cred.hours is not None
    low, high = cred.hours / HOURS_PER_ECTS_HIGH, cred.hours / HOURS_PER_ECTS
    return (
        f"{number(high)} ECTS derived from {number(cred.hours)} h "
        f"at {number(HOURS_PER_ECTS)} h/ECTS"
        f" ({number(low)}-{number(high)} ECTS at {number(HOURS_PER_ECTS)}-"
        f"{number(HOURS_PER_ECTS_HIGH)} h/ECTS)"
    )


def _workload_gap(a: Credential, b: Credential) -> float | None:
    """Relative difference |x - y| / max(x, y) of the nearest points of the two ranges."""
    wa, wb = workload_range(a), workload_range(b)
    if wa is None or wb is None:
        return None
    return range_gap(wa, wb)


def range_gap(wa: tuple[float, float], wb: tuple[float, float]) -> float:
    """The workload criterion's relative gap between two (low, high) ECTS ranges."""
    (alo, ahi), (blo, bhi) = wa, wb
    # Nearest points of the two ranges: a convention gap alone is not a difference.
    if ahi < blo:
        x, y = ahi, blo
    elif bhi < alo:
        x, y = alo, bhi
    else:
        return 0.0
    big = max(x, y)
    return abs(x - y) / big if big > 0 else 0.0


def workload_score(a: Credential, b: Credential, policy: EquivalencePolicy) -> float:
    """The workload criterion's score alone."""
    rel = _workload_gap(a, b)
    return policy.unknown_score if rel is None else max(0.0, 1.0 - rel)


def workload_criterion(a: Credential, b: Credential, policy: EquivalencePolicy) -> Criterion:
    """Compare notional workload in ECTS; hours-only workloads count as their 25-30 h range."""
    rel = _workload_gap(a, b)
    score = workload_score(a, b, policy)
    if rel is None:
        missing = " and ".join(name(c) for c in (a, b) if workload_range(c) is None)
        return Criterion(
            score, False, f"{missing} gives no workload, so workloads cannot be compared."
        )
    substantial = rel > policy.workload_tolerance
    if rel == 0:
        verdict = "comparable workload"
    else:
        verdict = f"{rel:.0%} apart, " + (
            f"beyond the {policy.workload_tolerance:.0%} tolerance"
            if substantial
            else f"within the {policy.workload_tolerance:.0%} tolerance"
        )
    return Criterion(
        score,
        substantial,
        f"{name(a)}: {_workload_words(a)}; {name(b)}: {_workload_words(b)}: {verdict}.",
    )


def quality_assurance_score(a: Credential, b: Credential, policy: EquivalencePolicy) -> float:
    """The quality-assurance criterion's score alone: 1 both named, 0 one, unknown neither."""
    qa, qb = filled(a.quality_assurance), filled(b.quality_assurance)
    if qa and qb:
        return 1.0
    return policy.unknown_score if not qa and not qb else 0.0


def quality_assurance_criterion(
    a: Credential, b: Credential, policy: EquivalencePolicy
) -> Criterion:
    """Whether both descriptions name the quality assurance behind them."""
    score = quality_assurance_score(a, b, policy)
    qa, qb = (a.quality_assurance or "").strip(), (b.quality_assurance or "").strip()
    if qa and qb:
        return Criterion(
            score, False, f"Both are quality-assured: {name(a)} by {qa}; {name(b)} by {qb}."
        )
    if not qa and not qb:
        return Criterion(score, False, "Neither names the quality assurance behind it.")
    has, lacks, what = (a, b, qa) if qa else (b, a, qb)
    return Criterion(
        score,
        True,
        f"{name(has)} is quality-assured ({what}); {name(lacks)} names no quality assurance.",
    )


def profile_score(a: Credential, b: Credential) -> float:
    """The profile criterion's score alone: 1 minus a third per step of kind."""
    return 1.0 - abs(_KIND_RANK[a.kind] - _KIND_RANK[b.kind]) / 3


def profile_criterion(a: Credential, b: Credential) -> Criterion:
    """Compare the kind of credential (micro-credential .. full qualification)."""
    gap = abs(_KIND_RANK[a.kind] - _KIND_RANK[b.kind])
    full = CredentialKind.QUALIFICATION
    substantial = gap >= _KIND_GAP_SUBSTANTIAL or (
        a.kind is not b.kind and full in (a.kind, b.kind)
    )
    words = f"{name(a)} is {_KIND_WORDS[a.kind]}; {name(b)} is {_KIND_WORDS[b.kind]}"
    note = ""
    if a.participation and b.participation and a.participation is not b.participation:
        note = (
            f" Participation differs ({a.participation.value.lower()} vs "
            f"{b.participation.value.lower()}), which alone is not a substantial difference."
        )
    return Criterion(profile_score(a, b), substantial, f"{words}.{note}")
