"""Result values of equivalence, the input bounds, and the one policy of weights and thresholds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pathways import bounds
from pathways.domain.candidates import DEFAULT_LIMIT
from pathways.model import Credential, Outcome, Recognition

MIN_FIRST = int(bounds.MATCHES.minimum)
"""Smallest `first` the equivalents query accepts (bounds.MATCHES)."""

MAX_FIRST = int(bounds.MATCHES.maximum)
"""Largest `first` the equivalents query accepts (bounds.MATCHES)."""

MIN_SCORE_LOW = bounds.MIN_SCORE.minimum
"""Lowest acceptable `minScore` (bounds.MIN_SCORE)."""

MIN_SCORE_HIGH = bounds.MIN_SCORE.maximum
"""Highest acceptable `minScore` (bounds.MIN_SCORE)."""

Basis = Literal["RECOGNITION_DECISION", "COMPUTED"]


@dataclass(frozen=True, slots=True)
class EquivalencePolicy:
    """Every weight and threshold of the equivalence scorer, in one place.

    Weights (sum 1): learning outcomes dominate because the Lisbon Recognition
    Convention practice centres on what the holder can do; level comes next as the
    framework-neutral statement of complexity; workload, quality assurance and
    profile each refine.  The weighted sum is then scaled by
    min(1, outcome score / `outcome_coverage_min`): a credential on another subject
    is not comparable however well level and size agree (without the scaling two
    unrelated credentials at the same level and size would score 0.55).  Thresholds:

    - level: a gap of `level_gap_substantial` EQF levels or more (nearest pair when a
      national level is referenced to two) is substantial; the score falls by
      `level_step_penalty` per EQF level.
    - workload: relative difference |a - b| / max(a, b) above `workload_tolerance` is
      substantial.  No EU text fixes a number; 25 % is our choice: it is above the 1/6
      spread that the 25-30 h per ECTS convention alone produces, and a quarter of a
      typical 4-6 ECTS micro-credential is about one ECTS.
    - outcomes: coverage below `outcome_coverage_min` is substantial; a pair without a
      shared skill needs text similarity of at least `text_pair_min`.
    - unknown: a criterion that cannot be judged (no level, no workload, no outcomes)
      scores `unknown_score` and is not a substantial difference; its detail says why.
    """

    weight_outcomes: float = 0.45
    weight_level: float = 0.20
    weight_workload: float = 0.15
    weight_quality_assurance: float = 0.10
    weight_profile: float = 0.10
    level_gap_substantial: int = 1
    level_step_penalty: float = 0.5
    workload_tolerance: float = 0.25
    outcome_coverage_min: float = 0.5
    text_pair_min: float = 0.6
    unknown_score: float = 0.5
    shortlist_limit: int = DEFAULT_LIMIT
    """Candidates the store shortlists (candidates.DEFAULT_LIMIT, kept as one number)."""
    cdist_workers_from: int = 50_000
    """Matrices with at least this many cells use every core in rapidfuzz; smaller ones one."""


DEFAULT_POLICY = EquivalencePolicy()


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion of a comparison: a 0..1 score, whether it differs substantially, and why."""

    score: float
    substantial_difference: bool
    detail: str


@dataclass(frozen=True, slots=True)
class OutcomePair:
    """An outcome of the asked-about credential and its counterpart, with their similarity."""

    from_outcome: Outcome
    to_outcome: Outcome
    score: float


@dataclass(frozen=True, slots=True)
class OutcomeOverlap:
    """How far the asked-about credential's outcomes find counterparts in the candidate."""

    score: float
    substantial_difference: bool
    pairs: tuple[OutcomePair, ...]
    unmatched: tuple[Outcome, ...]
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate credential, how close it is to the asked-about one, and on what basis."""

    credential: Credential
    score: float
    basis: Basis
    level: Criterion
    workload: Criterion
    outcomes: OutcomeOverlap
    quality_assurance: Criterion
    profile: Criterion
    substantial_differences: tuple[str, ...]
    recognition: Recognition | None = None


def check_bounds(min_score: float, first: int) -> None:
    """Raise BadUserInput for `first` outside 1..100 or `min_score` outside 0..1 (or NaN)."""
    bounds.MATCHES.check(first)
    bounds.MIN_SCORE.check(min_score)
