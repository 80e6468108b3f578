"""Resolvers of principlesReport, designCheck and providerQuality (thin: the work is elsewhere)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from pathways.api.mutations import CredentialInput, plain
from pathways.api.resolvers import arg
from pathways.api.types.catalogue import Info
from pathways.api.types.quality import (
    DesignCheckType,
    PrinciplesReportType,
    ProviderQualityType,
)
from pathways.quality_service import QualityService


async def principles_report(
    info: Info, credential: Annotated[strawberry.ID, arg("Id of the credential to report on.")]
) -> PrinciplesReportType:
    """The ten principle checks of one credential; NOT_FOUND for an unknown id."""
    report = await QualityService(info.context.service).principles_report(str(credential))
    return PrinciplesReportType.from_model(report)


async def design_check(
    info: Info,
    input: Annotated[
        CredentialInput, arg("The draft, with the fields of upsertCredential; not stored.")
    ],
) -> DesignCheckType:
    """A draft's validation problems, Annex I and principles reports, matches abroad; not stored."""
    result = await QualityService(info.context.service).design_check(plain(input))
    return DesignCheckType.from_model(result)


async def provider_quality(
    info: Info,
    provider: Annotated[strawberry.ID, arg("Id of the provider whose catalogue to view.")],
) -> ProviderQualityType:
    """A provider's catalogue: completeness, principle tallies, weakest descriptions."""
    summary = await QualityService(info.context.service).provider_quality(str(provider))
    return ProviderQualityType.from_model(summary)
