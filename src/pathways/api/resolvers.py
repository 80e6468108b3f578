"""Thin resolvers: read arguments, call the service, wrap results in API types."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from pathways import bounds, model
from pathways.api.types.catalogue import (
    CredentialConnectionType,
    CredentialEdgeType,
    CredentialType,
    CrosswalkType,
    FrameworkType,
    Info,
    PageInfoType,
    SearchField,
)
from pathways.api.types.equivalence import MatchType, QualityReportType
from pathways.api.types.skillgap import SkillGapPlanType
from pathways.api.types.stacking import StackingPlanType
from pathways.service import (
    MAX_ALTERNATIVES,
    MAX_PAGE,
    MAX_REACHABLE,
    MAX_SEARCH,
    encode_key,
)

GAP_MAX = int(bounds.GAP_SKILLS.maximum)


def arg(description: str) -> Any:
    """An argument's description, as GraphiQL's docs pane shows it."""
    return strawberry.argument(description=description)


AsOf = Annotated[
    str | None,
    arg(
        "ISO 8601 day (e.g. 2025-03-01; absent: today): only credentials valid that day are "
        "taken, found or matched, and only decisions dated by then count."
    ),
]


async def frameworks(info: Info) -> list[FrameworkType]:
    """Every framework, EQF first."""
    return [FrameworkType.from_model(f) for f in await info.context.service.frameworks()]


async def framework(
    info: Info, code: Annotated[str, arg("Framework code, e.g. EQF, IE-NFQ, EE-EKR.")]
) -> FrameworkType | None:
    """One framework by code; null when unknown."""
    fw = await info.context.service.framework(code)
    return FrameworkType.from_model(fw) if fw else None


async def crosswalk(
    info: Info,
    framework: Annotated[str, arg("Code of the framework the level belongs to, e.g. IE-NFQ.")],
    level: Annotated[str, arg('Level code as that framework writes it, e.g. "6".')],
    to: Annotated[str, arg("Code of the framework to find comparable levels in.")],
) -> CrosswalkType:
    """The levels of `to` that share an EQF level with `level` of `framework`."""
    return CrosswalkType.from_model(await info.context.service.crosswalk(framework, level, to))


async def credential(
    info: Info, id: Annotated[strawberry.ID, arg("The credential's id.")]
) -> CredentialType | None:
    """One credential by id; null when unknown."""
    cred = await info.context.service.credential(str(id))
    return CredentialType.from_model(cred) if cred else None


async def credentials(
    info: Info,
    search: Annotated[
        str | None,
        arg(
            "Words matched fuzzily against titles and learning outcomes, best match first "
            f"(at most {MAX_SEARCH} characters); without it, credentials come by id."
        ),
    ] = None,
    country: Annotated[str | None, arg("Only credentials of this country (ISO 3166).")] = None,
    eqf_level: Annotated[
        int | None, arg("Only credentials whose level is referenced to this EQF level (1-8).")
    ] = None,
    kind: Annotated[model.CredentialKind | None, arg("Only credentials of this kind.")] = None,
    first: Annotated[int | None, arg(f"Page size, 0 to {MAX_PAGE}.")] = 20,
    after: Annotated[
        str | None, arg("The endCursor of the previous page; the next page starts after it.")
    ] = None,
    as_of: AsOf = None,
) -> CredentialConnectionType:
    """Credentials filtered by country, EQF level and kind, fuzzily matched on text."""
    page = await info.context.service.search(
        search, country, eqf_level, kind, 20 if first is None else first, after, as_of
    )
    edges = []
    for c, s in page.items:
        m = page.matches.get(c.id)
        edges.append(
            CredentialEdgeType(
                cursor=encode_key(s, c.id),
                node=CredentialType.from_model(c),
                score=s,
                matched_text=m.text if m else None,
                matched_field=SearchField(m.field) if m else None,
                matched_language=m.language if m else None,
            )
        )
    return CredentialConnectionType(
        edges=edges,
        page_info=PageInfoType(
            has_next_page=page.more, end_cursor=edges[-1].cursor if edges else None
        ),
        total_count=page.total,
    )


async def equivalents(
    info: Info,
    credential: Annotated[strawberry.ID, arg("The credential to find comparable ones for.")],
    country: Annotated[
        str | None, arg("Only candidates of this country (ISO 3166), e.g. the receiving one.")
    ] = None,
    min_score: Annotated[
        float | None, arg("Leave out computed matches scoring below this, 0 to 1.")
    ] = 0.0,
    first: Annotated[int | None, arg("Most matches returned, recorded decisions first.")] = 10,
    as_of: AsOf = None,
) -> list[MatchType]:
    """Credentials comparable to this one: recorded decisions first, then computed matches."""
    matches = await info.context.service.equivalents(
        str(credential),
        country,
        0.0 if min_score is None else min_score,
        10 if first is None else first,
        as_of,
    )
    return [MatchType.from_model(m) for m in matches]


async def compare(
    info: Info,
    a: Annotated[strawberry.ID, arg("The credential asked about (its outcomes are matched).")],
    b: Annotated[strawberry.ID, arg("The credential it is compared with.")],
) -> MatchType:
    """Every criterion between a and b, with the recorded decision from a to b if any."""
    return MatchType.from_model(await info.context.service.compare(str(a), str(b)))


async def quality_report(
    info: Info, credential: Annotated[strawberry.ID, arg("The credential to check.")]
) -> QualityReportType:
    """Which EU standard elements the description lacks or gets inconsistent."""
    return QualityReportType.from_model(await info.context.service.quality_report(str(credential)))


async def stacking_plan(
    info: Info,
    target: Annotated[strawberry.ID, arg("The qualification or credential to reach.")],
    held: Annotated[
        list[strawberry.ID] | None, arg("Ids of the credentials the learner already holds.")
    ] = None,
    objective: Annotated[
        model.Objective | None,
        arg("What the plan minimises first: ECTS (CREDITS), HOURS or the number (COUNT)."),
    ] = model.Objective.CREDITS,
    countries: Annotated[
        list[str] | None,
        arg("Only credentials of these countries may still be taken (held ones always count)."),
    ] = None,
    alternatives: Annotated[
        int | None, arg(f"How many next-best distinct plans to add, 0 to {MAX_ALTERNATIVES}.")
    ] = 0,
    as_of: AsOf = None,
) -> StackingPlanType:
    """The least a learner must still take to reach `target`, in order, with reasons."""
    result = await info.context.service.stacking_plan(
        str(target),
        [str(h) for h in held or []],
        objective or model.Objective.CREDITS,
        countries,
        alternatives or 0,
        as_of,
    )
    return StackingPlanType.from_model(result.plan, result.credentials)


async def reachable(
    info: Info,
    held: Annotated[list[strawberry.ID], arg("Ids of the credentials the learner holds.")],
    country: Annotated[
        str | None, arg("Only qualifications of this country; steps may come from anywhere.")
    ] = None,
    max_additional_credits: Annotated[
        float | None, arg("Leave out qualifications needing more ECTS than this.")
    ] = None,
    first: Annotated[int | None, arg(f"Most qualifications returned, 0 to {MAX_REACHABLE}.")] = 10,
    as_of: AsOf = None,
) -> list[StackingPlanType]:
    """Qualifications nearest to what the learner holds, each with its plan."""
    results = await info.context.service.reachable(
        [str(h) for h in held],
        country,
        max_additional_credits,
        10 if first is None else first,
        as_of,
    )
    return [StackingPlanType.from_model(r.plan, r.credentials) for r in results]


async def skill_gap_plan(
    info: Info,
    skills: Annotated[
        list[strawberry.ID],
        arg(f"Ids of the skills (ESCO URIs or local ids) to learn, at most {GAP_MAX}."),
    ],
    held: Annotated[
        list[strawberry.ID] | None, arg("Ids of the credentials the learner already holds.")
    ] = None,
    countries: Annotated[
        list[str] | None,
        arg("Only credentials of these countries may be taken; [] none; absent: any."),
    ] = None,
    as_of: AsOf = None,
) -> SkillGapPlanType:
    """The least-ECTS set of credentials teaching the asked skills the learner lacks, in order."""
    result = await info.context.service.skill_gap_plan(
        [str(s) for s in skills], [str(h) for h in held or []], countries, as_of
    )
    return SkillGapPlanType.from_model(result.plan, result.credentials, result.skills)
