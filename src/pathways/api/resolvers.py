"""Thin resolvers: read arguments, call the service, wrap results in API types."""

from __future__ import annotations

import strawberry

from pathways import model
from pathways.api.types.catalogue import (
    CredentialConnectionType,
    CredentialEdgeType,
    CredentialType,
    CrosswalkType,
    FrameworkType,
    Info,
    PageInfoType,
)
from pathways.api.types.equivalence import MatchType, QualityReportType
from pathways.api.types.stacking import StackingPlanType
from pathways.service import encode_cursor


async def frameworks(info: Info) -> list[FrameworkType]:
    """Every framework, EQF first."""
    return [FrameworkType.from_model(f) for f in await info.context.service.frameworks()]


async def framework(info: Info, code: str) -> FrameworkType | None:
    """One framework by code; null when unknown."""
    fw = await info.context.service.framework(code)
    return FrameworkType.from_model(fw) if fw else None


async def crosswalk(info: Info, framework: str, level: str, to: str) -> CrosswalkType:
    """The levels of `to` that share an EQF level with `level` of `framework`."""
    return CrosswalkType.from_model(await info.context.service.crosswalk(framework, level, to))


async def credential(info: Info, id: strawberry.ID) -> CredentialType | None:
    """One credential by id; null when unknown."""
    cred = await info.context.service.credential(str(id))
    return CredentialType.from_model(cred) if cred else None


async def credentials(
    info: Info,
    search: str | None = None,
    country: str | None = None,
    eqf_level: int | None = None,
    kind: model.CredentialKind | None = None,
    first: int | None = 20,
    after: str | None = None,
) -> CredentialConnectionType:
    """Credentials filtered by country, EQF level and kind, fuzzily matched on text."""
    page = await info.context.service.search(
        search, country, eqf_level, kind, 20 if first is None else first, after
    )
    edges = [
        CredentialEdgeType(
            cursor=encode_cursor(page.offset + i), node=CredentialType.from_model(c), score=s
        )
        for i, (c, s) in enumerate(page.items)
    ]
    end = page.offset + len(edges)
    return CredentialConnectionType(
        edges=edges,
        page_info=PageInfoType(
            has_next_page=end < page.total, end_cursor=edges[-1].cursor if edges else None
        ),
        total_count=page.total,
    )


async def equivalents(
    info: Info,
    credential: strawberry.ID,
    country: str | None = None,
    min_score: float | None = 0.0,
    first: int | None = 10,
) -> list[MatchType]:
    """Credentials comparable to this one: recorded decisions first, then computed matches."""
    matches = await info.context.service.equivalents(
        str(credential),
        country,
        0.0 if min_score is None else min_score,
        10 if first is None else first,
    )
    return [MatchType.from_model(m) for m in matches]


async def compare(info: Info, a: strawberry.ID, b: strawberry.ID) -> MatchType:
    """Every criterion between a and b, with the recorded decision from a to b if any."""
    return MatchType.from_model(await info.context.service.compare(str(a), str(b)))


async def quality_report(info: Info, credential: strawberry.ID) -> QualityReportType:
    """Which EU standard elements the description lacks or gets inconsistent."""
    return QualityReportType.from_model(await info.context.service.quality_report(str(credential)))


async def stacking_plan(
    info: Info,
    target: strawberry.ID,
    held: list[strawberry.ID] | None = None,
    objective: model.Objective | None = model.Objective.CREDITS,
    countries: list[str] | None = None,
    alternatives: int | None = 0,
) -> StackingPlanType:
    """The least a learner must still take to reach `target`, in order, with reasons."""
    result = await info.context.service.stacking_plan(
        str(target),
        [str(h) for h in held or []],
        objective or model.Objective.CREDITS,
        countries,
        alternatives or 0,
    )
    return StackingPlanType.from_model(result.plan, result.credentials)


async def reachable(
    info: Info,
    held: list[strawberry.ID],
    country: str | None = None,
    max_additional_credits: float | None = None,
    first: int | None = 10,
) -> list[StackingPlanType]:
    """Qualifications nearest to what the learner holds, each with its plan."""
    results = await info.context.service.reachable(
        [str(h) for h in held], country, max_additional_credits, 10 if first is None else first
    )
    return [StackingPlanType.from_model(r.plan, r.credentials) for r in results]
