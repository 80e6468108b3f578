"""The level, workload, quality-assurance and profile criteria of a comparison."""

from __future__ import annotations

from collections.abc import Mapping

from pathways.domain.equivalence_model import Criterion, EquivalencePolicy
from pathways.model import (
    HOURS_PER_ECTS,
    HOURS_PER_ECTS_HIGH,
    Credential,
    CredentialKind,
    Level,
)

LevelTable = Mapping[tuple[str, str], Level]

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
    return f"'{cred.title}'"


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


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


def level_criterion(
    a: Credential, b: Credential, levels: LevelTable, policy: EquivalencePolicy
) -> Criterion:
    """Compare levels through the EQF levels they are referenced to (nearest pair)."""
    la = levels.get((a.level.framework, a.level.code)) if a.level else None
    lb = levels.get((b.level.framework, b.level.code)) if b.level else None
    words = f"{_level_words(a, la)}; {_level_words(b, lb)}"
    if la is not None and lb is not None and (la.framework, la.code) == (lb.framework, lb.code):
        return Criterion(1.0, False, f"{words}: the same level.")
    if la is None or lb is None or not la.eqf or not lb.eqf:
        return Criterion(policy.unknown_score, False, f"{words}, so the levels cannot be compared.")
    gap, ea, eb = min((abs(x - y), x, y) for x in la.eqf for y in lb.eqf)
    score = max(0.0, 1.0 - policy.level_step_penalty * gap)
    if gap == 0:
        return Criterion(score, False, f"{words}: the same EQF level ({ea}).")
    direction = "below" if ea < eb else "above"
    plural = "level" if gap == 1 else "levels"
    nearest = f" (nearest pair EQF {ea} and {eb})" if len(la.eqf) > 1 or len(lb.eqf) > 1 else ""
    return Criterion(
        score,
        gap >= policy.level_gap_substantial,
        f"{words}: {name(a)} is {gap} EQF {plural} {direction} {name(b)}{nearest}.",
    )


def _workload(cred: Credential) -> tuple[float, float, str] | None:
    """(low, high) ECTS and a phrase; hours alone give the 25-30 h/ECTS range."""
    if cred.ects is not None:
        given = f"{_num(cred.ects)} ECTS"
        if cred.hours is not None:
            given += f" ({_num(cred.hours)} h)"
        return cred.ects, cred.ects, given
    if cred.hours is not None:
        low, high = cred.hours / HOURS_PER_ECTS_HIGH, cred.hours / HOURS_PER_ECTS
        return (
            low,
            high,
            f"{_num(high)} ECTS derived from {_num(cred.hours)} h at {_num(HOURS_PER_ECTS)} h/ECTS"
            f" ({_num(low)}-{_num(high)} ECTS at {_num(HOURS_PER_ECTS)}-"
            f"{_num(HOURS_PER_ECTS_HIGH)} h/ECTS)",
        )
    return None


def workload_criterion(a: Credential, b: Credential, policy: EquivalencePolicy) -> Criterion:
    """Compare notional workload in ECTS; hours-only workloads count as their 25-30 h range."""
    wa, wb = _workload(a), _workload(b)
    if wa is None or wb is None:
        missing = " and ".join(name(c) for c, w in ((a, wa), (b, wb)) if w is None)
        return Criterion(
            policy.unknown_score,
            False,
            f"{missing} gives no workload, so workloads cannot be compared.",
        )
    (alo, ahi, aw), (blo, bhi, bw) = wa, wb
    # Nearest points of the two ranges: a convention gap alone is not a difference.
    if ahi < blo:
        x, y = ahi, blo
    elif bhi < alo:
        x, y = alo, bhi
    else:
        x = y = max(alo, blo)
    big = max(x, y)
    rel = abs(x - y) / big if big > 0 else 0.0
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
        max(0.0, 1.0 - rel), substantial, f"{name(a)}: {aw}; {name(b)}: {bw}: {verdict}."
    )


def quality_assurance_criterion(
    a: Credential, b: Credential, policy: EquivalencePolicy
) -> Criterion:
    """Whether both descriptions name the quality assurance behind them."""
    qa, qb = (a.quality_assurance or "").strip(), (b.quality_assurance or "").strip()
    if qa and qb:
        return Criterion(
            1.0, False, f"Both are quality-assured: {name(a)} by {qa}; {name(b)} by {qb}."
        )
    if not qa and not qb:
        return Criterion(
            policy.unknown_score, False, "Neither names the quality assurance behind it."
        )
    has, lacks, what = (a, b, qa) if qa else (b, a, qb)
    return Criterion(
        0.0,
        True,
        f"{name(has)} is quality-assured ({what}); {name(lacks)} names no quality assurance.",
    )


def profile_criterion(a: Credential, b: Credential) -> Criterion:
    """Compare the kind of credential (micro-credential .. full qualification)."""
    ra, rb = _KIND_RANK[a.kind], _KIND_RANK[b.kind]
    gap = abs(ra - rb)
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
    return Criterion(1.0 - gap / 3, substantial, f"{words}.{note}")
