"""Credentials that share nothing with the asked-about one yet can score, reached by shape.

The shortlist (`pathways.domain.candidates`) holds the credentials sharing a skill or an
informative token with the asked-about credential A.  A credential B that shares
neither can still score: when A or B lists no learning outcomes the outcome criterion
cannot be judged, scores `unknown_score` (0.5, which passes the coverage gate in full),
and the rest of B's score depends only on what `candidates.shape_key` records: kind
(profile), whether quality assurance is named, level, and the workload band.  So for
every shape the score of each of its members lies between two bounds, exact but for
where its workload falls inside the band:

    low(shape) <= score(A, B) <= high(shape)

Rule (both stores, from their count of credentials per shape):

1. The *reachable* shapes are those of the requested country (every country when none
   is given) whose members score outcomes as unknown: every shape when A lists no
   outcomes, else the shapes of credentials listing none.
2. T is the `need`-th highest `low` counting each reachable shape once per member, or
   -inf when they have fewer members; `need` is `first` plus the decisions recorded
   from A plus one (A itself is a member of its own shape).
3. Every member of every reachable shape with high >= max(T, minScore) is a candidate.

A reachable credential left out scores below minScore, or below `need` members that
are candidates, so it is not among the first `first` computed matches.  Credentials
that list outcomes, when A does too, are reached only by the shortlist: if they share
no skill and no informative token their outcomes can pair only by wording
(`text_pair_min`) without a word in common, which the rule takes as no overlap, and
with none the coverage gate makes their score 0.  The cost is one bound per shape
(a few per level, kind and band, not per credential) and the members of the shapes
kept, which the stores read through their shape index.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pathways.domain.candidates import BAND_RATIO, ZERO_BAND
from pathways.domain.equivalence.criteria import (
    level_score,
    profile_score,
    quality_assurance_score,
    range_gap,
    workload_range,
)
from pathways.domain.equivalence.matching import weighted_score
from pathways.domain.equivalence.model import DEFAULT_POLICY, EquivalencePolicy
from pathways.model import (
    HOURS_PER_ECTS,
    HOURS_PER_ECTS_HIGH,
    Credential,
    CredentialKind,
    LevelRef,
    LevelTable,
)

_SLACK = 1e-9
"""Band edges are widened by this share, so float error in a band's log cannot matter."""

_Profile = tuple[str, int, str | None, str | None, int | None]


@dataclass(frozen=True, slots=True)
class Reach:
    """What an `equivalents` request promises: its minScore and its first."""

    min_score: float
    first: int


@lru_cache(maxsize=65536)
def _parse(shape: str) -> tuple[str, int, _Profile]:
    country, kind, qa, outcomes, framework, code, band = json.loads(shape)
    return country, outcomes, (kind, qa, framework, code, band)


def shape_lists_outcomes(shape: str) -> bool:
    """Whether the credentials of a shape list learning outcomes."""
    return bool(_parse(shape)[1])


def _workload_bounds(
    a_range: tuple[float, float] | None, band: int | None, policy: EquivalencePolicy
) -> tuple[float, float]:
    """Least and greatest workload score of a credential in `band` against A's range."""
    if a_range is None or band is None:
        return policy.unknown_score, policy.unknown_score
    if band == ZERO_BAND:
        exact = max(0.0, 1.0 - range_gap(a_range, (0.0, 0.0)))
        return exact, exact
    bottom = BAND_RATIO**band * (1 - _SLACK)
    top = BAND_RATIO ** (band + 1) * (1 + _SLACK)
    # A member's range holds a point of [bottom, top] and reaches down to 5/6 of its top.
    hull = (bottom * HOURS_PER_ECTS / HOURS_PER_ECTS_HIGH, top)
    high = max(0.0, 1.0 - range_gap(a_range, hull))
    low = min(max(0.0, 1.0 - range_gap(a_range, (p, p))) for p in (bottom, top))
    return low, high


def _fixed(
    a: Credential,
    kind: str,
    qa: int,
    framework: str | None,
    code: str | None,
    levels: LevelTable,
    policy: EquivalencePolicy,
) -> dict[str, float]:
    """The criteria scores a shape fixes: outcomes (unknown), level, quality assurance, profile."""
    like = dataclasses.replace(
        a,
        kind=CredentialKind(kind),
        level=LevelRef(framework, code) if framework is not None and code is not None else None,
        quality_assurance="named" if qa else None,
    )
    return {
        "outcomes": policy.unknown_score,
        "level": level_score(a, like, levels, policy),
        "qa": quality_assurance_score(a, like, policy),
        "profile": profile_score(a, like),
    }


def shape_bounds(
    a: Credential,
    profile: _Profile,
    levels: LevelTable,
    policy: EquivalencePolicy = DEFAULT_POLICY,
) -> tuple[float, float]:
    """(low, high): the scores any credential of this profile can get against A."""
    kind, qa, framework, code, band = profile
    fixed = _fixed(a, kind, qa, framework, code, levels, policy)
    w_low, w_high = _workload_bounds(workload_range(a), band, policy)
    return (
        weighted_score(policy, workload=w_low, **fixed),
        weighted_score(policy, workload=w_high, **fixed),
    )


def reachable_shapes(
    a: Credential,
    counts: Iterable[tuple[str, int]],
    levels: LevelTable,
    *,
    country: str | None,
    reach: Reach,
    need: int,
    policy: EquivalencePolicy = DEFAULT_POLICY,
) -> list[str]:
    """The shapes whose members must be candidates, by the rule in the module docstring."""
    wanted = country.casefold() if country is not None else None
    a_range = workload_range(a)
    # Shapes repeat kinds, levels and bands: each part is scored once a request.
    fixed: dict[tuple[str, int, str | None, str | None], dict[str, float]] = {}
    loads: dict[int | None, tuple[float, float]] = {}
    kept: list[tuple[float, float, int, str]] = []
    for shape, n in counts:
        shape_country, outcomes, (kind, qa, framework, code, band) = _parse(shape)
        if n <= 0 or (wanted is not None and shape_country != wanted):
            continue
        if a.outcomes and outcomes:
            continue
        part = fixed.get((kind, qa, framework, code))
        if part is None:
            part = fixed[(kind, qa, framework, code)] = _fixed(
                a, kind, qa, framework, code, levels, policy
            )
        load = loads.get(band)
        if load is None:
            load = loads[band] = _workload_bounds(a_range, band, policy)
        high = weighted_score(policy, workload=load[1], **part)
        if high >= reach.min_score:
            kept.append((weighted_score(policy, workload=load[0], **part), high, n, shape))
    kept.sort(key=lambda row: -row[0])
    threshold = reach.min_score
    left = need
    for low, _high, n, _shape in kept:
        left -= n
        if left <= 0:
            threshold = max(threshold, low)
            break
    return sorted(shape for _low, high, _n, shape in kept if high >= threshold)
