"""Cross-border equivalence: comparable credentials and their substantial differences.

`equivalents` ranks candidates for one credential and `compare` judges one pair
(matching); the criteria, the outcome alignment and the policy that weighs them
live in the modules beside this one.
"""

from __future__ import annotations

from pathways.domain.equivalence.matching import (
    compare,
    computed_score,
    decision_score,
    equivalents,
)
from pathways.domain.equivalence.model import (
    DEFAULT_POLICY,
    MAX_FIRST,
    MIN_FIRST,
    MIN_SCORE_HIGH,
    MIN_SCORE_LOW,
    Criterion,
    EquivalencePolicy,
    Match,
    OutcomeOverlap,
    OutcomePair,
    check_bounds,
)

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
    "computed_score",
    "decision_score",
    "equivalents",
]
