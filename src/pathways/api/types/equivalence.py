"""Strawberry types for equivalence matches and quality reports."""

from __future__ import annotations

import enum
from typing import Literal

import strawberry

from pathways.api.types.catalogue import CredentialType, Info, LearningOutcomeType, RecognitionType
from pathways.domain.equivalence import model as eq
from pathways.domain.quality import QualityReport


@strawberry.enum
class MatchBasis(enum.Enum):
    RECOGNITION_DECISION = "RECOGNITION_DECISION"
    COMPUTED = "COMPUTED"


@strawberry.type(name="Criterion")
class CriterionType:
    score: float
    substantial_difference: bool
    detail: str

    @classmethod
    def from_model(cls, c: eq.Criterion) -> CriterionType:
        """The API view of one criterion."""
        return cls(score=c.score, substantial_difference=c.substantial_difference, detail=c.detail)


@strawberry.type(name="OutcomePair")
class OutcomePairType:
    from_: LearningOutcomeType = strawberry.field(name="from")
    to: LearningOutcomeType
    score: float


@strawberry.type(name="OutcomeOverlap")
class OutcomeOverlapType:
    score: float
    substantial_difference: bool
    pairs: list[OutcomePairType]
    unmatched: list[LearningOutcomeType]
    detail: str

    @classmethod
    def from_model(cls, o: eq.OutcomeOverlap) -> OutcomeOverlapType:
        """The API view of an outcome comparison."""
        return cls(
            score=o.score,
            substantial_difference=o.substantial_difference,
            pairs=[
                OutcomePairType(
                    from_=LearningOutcomeType.from_model(p.from_outcome),
                    to=LearningOutcomeType.from_model(p.to_outcome),
                    score=p.score,
                )
                for p in o.pairs
            ],
            unmatched=[LearningOutcomeType.from_model(u) for u in o.unmatched],
            detail=o.detail,
        )


def _basis(value: Literal["RECOGNITION_DECISION", "COMPUTED"]) -> MatchBasis:
    return (
        MatchBasis.RECOGNITION_DECISION if value == "RECOGNITION_DECISION" else MatchBasis.COMPUTED
    )


@strawberry.type(name="Match")
class MatchType:
    credential: CredentialType
    score: float
    basis: MatchBasis
    level: CriterionType
    workload: CriterionType
    outcomes: OutcomeOverlapType
    quality_assurance: CriterionType
    profile: CriterionType
    substantial_differences: list[str]
    _match: strawberry.Private[eq.Match]

    @strawberry.field
    async def recognition(self, info: Info) -> RecognitionType | None:
        """The recorded decision this match rests on, if any."""
        rec = self._match.recognition
        return await RecognitionType.load(info, rec) if rec else None

    @classmethod
    def from_model(cls, m: eq.Match) -> MatchType:
        """The API view of a match."""
        return cls(
            credential=CredentialType.from_model(m.credential),
            score=m.score,
            basis=_basis(m.basis),
            level=CriterionType.from_model(m.level),
            workload=CriterionType.from_model(m.workload),
            outcomes=OutcomeOverlapType.from_model(m.outcomes),
            quality_assurance=CriterionType.from_model(m.quality_assurance),
            profile=CriterionType.from_model(m.profile),
            substantial_differences=list(m.substantial_differences),
            _match=m,
        )


@strawberry.type(name="QualityReport")
class QualityReportType:
    credential: CredentialType
    score: float
    missing: list[str]
    warnings: list[str]
    notes: list[str]

    @classmethod
    def from_model(cls, r: QualityReport) -> QualityReportType:
        """The API view of a quality report."""
        return cls(
            credential=CredentialType.from_model(r.credential),
            score=r.score,
            missing=list(r.missing),
            warnings=list(r.warnings),
            notes=list(r.notes),
        )
