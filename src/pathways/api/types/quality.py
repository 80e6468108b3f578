"""Strawberry types of the principles report, the design check and a provider's quality view."""

from __future__ import annotations

import strawberry

from pathways.api.types.catalogue import CredentialType, ProviderType
from pathways.api.types.equivalence import MatchType, QualityReportType
from pathways.domain import principles as pr
from pathways.quality_service import DesignResult

Principle = strawberry.enum(
    pr.Principle,
    name="Principle",
    description="The ten European principles for the design and issuance of micro-credentials "
    "(Council Recommendation of 16 June 2022, Annex II).",
)
CheckStatus = strawberry.enum(pr.CheckStatus, name="CheckStatus")


@strawberry.type(name="PrincipleCheck")
class PrincipleCheckType:
    principle: Principle  # type: ignore[valid-type]
    status: CheckStatus  # type: ignore[valid-type]
    evidence: list[str] = strawberry.field(
        description="The facts of the graph the status rests on."
    )
    advice: list[str] = strawberry.field(
        description="What the provider can do, or the question for a person."
    )

    @classmethod
    def from_model(cls, c: pr.PrincipleCheck) -> PrincipleCheckType:
        """The API view of one principle's check."""
        return cls(
            principle=c.principle,
            status=c.status,
            evidence=list(c.evidence),
            advice=list(c.advice),
        )


@strawberry.type(name="PrinciplesReport")
class PrinciplesReportType:
    credential: CredentialType
    checks: list[PrincipleCheckType]

    @classmethod
    def from_model(cls, r: pr.PrinciplesReport) -> PrinciplesReportType:
        """The API view of a principles report, one check per principle in enum order."""
        return cls(
            credential=CredentialType.from_model(r.credential),
            checks=[PrincipleCheckType.from_model(c) for c in r.checks],
        )


@strawberry.type(
    name="DesignCheck",
    description="What a draft micro-credential would be, before it is published (not stored).",
)
class DesignCheckType:
    credential: CredentialType
    problems: list[str] = strawberry.field(
        description="What would make it fail to load (validation), one sentence each."
    )
    quality_report: QualityReportType
    principles: PrinciplesReportType
    comparable_abroad: list[MatchType] = strawberry.field(
        description="Best computed matches in other countries (at most 5)."
    )

    @classmethod
    def from_model(cls, d: DesignResult) -> DesignCheckType:
        """The API view of a design check."""
        return cls(
            credential=CredentialType.from_model(d.credential),
            problems=list(d.problems),
            quality_report=QualityReportType.from_model(d.annex),
            principles=PrinciplesReportType.from_model(d.principles),
            comparable_abroad=[MatchType.from_model(m) for m in d.comparable],
        )


@strawberry.type(name="PrincipleTally")
class PrincipleTallyType:
    principle: Principle  # type: ignore[valid-type]
    met: int
    partly_met: int
    not_met: int
    needs_review: int

    @classmethod
    def from_model(cls, t: pr.PrincipleTally) -> PrincipleTallyType:
        """The API view of one principle's tally."""
        return cls(
            principle=t.principle,
            met=t.met,
            partly_met=t.partly_met,
            not_met=t.not_met,
            needs_review=t.needs_review,
        )


@strawberry.type(name="ProviderQuality")
class ProviderQualityType:
    provider: ProviderType
    credentials: int = strawberry.field(description="Credentials the provider offers.")
    complete: int = strawberry.field(description="Of which carry all nine Annex I elements.")
    principles: list[PrincipleTallyType] = strawberry.field(
        description="One tally per principle, in enum order."
    )
    weakest: list[QualityReportType] = strawberry.field(
        description="Lowest quality scores first (at most 10)."
    )

    @classmethod
    def from_model(cls, s: pr.ProviderSummary) -> ProviderQualityType:
        """The API view of a provider's catalogue quality."""
        return cls(
            provider=ProviderType.from_model(s.provider),
            credentials=s.credentials,
            complete=s.complete,
            principles=[PrincipleTallyType.from_model(t) for t in s.principles],
            weakest=[QualityReportType.from_model(r) for r in s.weakest],
        )
