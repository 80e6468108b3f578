"""Types of the documents API: what reading an ELM, OB3 or CTDL document gives."""

from __future__ import annotations

import strawberry

from pathways.api.types import formats as _formats  # noqa: F401  (registers DocumentFormat)
from pathways.api.types.catalogue import CredentialType, ProviderType, SkillType
from pathways.api.types.equivalence import QualityReportType
from pathways.domain.quality import QualityReport
from pathways.interop.reading import DocumentFormat, Reading


@strawberry.type(
    name="DocumentReading",
    description="What a document holds, read into credentials; nothing is stored and "
    "nothing of the learner an issued credential names is kept.",
)
class DocumentReadingType:
    format: DocumentFormat
    credentials: list[CredentialType] = strawberry.field(
        description="Each credential specification the document holds, the awarded one first."
    )
    quality_reports: list[QualityReportType] = strawberry.field(
        description="One per credential, same order."
    )
    warnings: list[str] = strawberry.field(
        description="What could not be read or mapped, and why, one line each."
    )
    providers: list[ProviderType] = strawberry.field(
        description="The awarding bodies the credentials name (those the graph holds keep its ids)."
    )
    skills: list[SkillType] = strawberry.field(
        description="The skills the outcomes are aligned to, with the labels the document gives."
    )

    @classmethod
    def from_model(cls, reading: Reading, reports: list[QualityReport]) -> DocumentReadingType:
        """The API view of a reading and its quality reports."""
        return cls(
            format=reading.format,
            credentials=[CredentialType.from_model(c) for c in reading.credentials],
            quality_reports=[QualityReportType.from_model(r) for r in reports],
            warnings=list(reading.warnings),
            providers=[ProviderType.from_model(p) for p in reading.providers],
            skills=[SkillType.from_model(s) for s in reading.skills],
        )
