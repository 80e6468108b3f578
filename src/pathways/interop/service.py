"""What the API, the HTTP route and the CLI ask of documents, answered over a store.

Reading runs off the event loop (JSON-LD expansion is CPU work) after the document
is bounded; nothing read is stored except by `import_document`, which writes through
the service's validated write path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pathways.domain import equivalence as eq
from pathways.domain.equivalence.model import DEFAULT_POLICY, Match, check_bounds
from pathways.domain.quality import QualityReport, quality_report
from pathways.errors import BadUserInput, NotFound, SeedValidationError
from pathways.interop.read import parse_document
from pathways.interop.reading import DocumentFormat, Reading
from pathways.interop.writers import write_document
from pathways.interop.writers.common import Facts
from pathways.interop.writers.ctdl import transfer_values
from pathways.model import Credential, Framework, Graph, Level, rule_credentials
from pathways.seeds.dump import credential_record
from pathways.service import Service
from pathways.store.base import Store

MAX_VALUES = 50_000
"""Most JSON values (objects, arrays, scalars) a document may hold before it is read."""

MAX_DEPTH = 40
"""Deepest nesting a document may have before it is read."""


def check_size(document: object) -> None:
    """BAD_USER_INPUT when a document is larger or deeper than we read."""
    stack: list[tuple[object, int]] = [(document, 0)]
    seen = 0
    while stack:
        value, depth = stack.pop()
        seen += 1
        if seen > MAX_VALUES or depth > MAX_DEPTH:
            raise BadUserInput(
                f"The document is too large to read (at most {MAX_VALUES} values, "
                f"{MAX_DEPTH} levels deep).",
                argument="document",
            )
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


async def facts_for(store: Store, cred: Credential) -> Facts:
    """A credential with the provider, level, skills and parents its documents name."""
    provider = None
    if cred.provider:
        provider = (await store.providers([cred.provider])).get(cred.provider)
    level: Level | None = None
    if cred.level is not None:
        fw = await store.framework(cred.level.framework)
        level = fw.level(cred.level.code) if fw is not None else None
    skills = await store.skills(sorted({s for o in cred.outcomes for s in o.skills}))
    parents = tuple(sorted(c.id for c in await store.stacks_into(cred.id)))
    return Facts(cred, provider, level, skills, parents)


async def credential_document(store: Store, ident: str, fmt: DocumentFormat) -> dict[str, object]:
    """One stored credential as a document of `fmt`; NOT_FOUND for an unknown id."""
    cred = await store.credential(ident)
    if cred is None:
        raise NotFound.no_such("credential", ident)
    return write_document(fmt, await facts_for(store, cred))


async def recognitions_document(store: Store, ident: str) -> dict[str, object]:
    """The recorded decisions from one credential as CTDL TransferValueProfiles."""
    cred = await store.credential(ident)
    if cred is None:
        raise NotFound.no_such("credential", ident)
    recs = await store.recognitions_from(ident)
    creds = await store.credentials(sorted({cred.id, *(r.to_id for r in recs)}))
    return transfer_values(recs, creds)


async def read(service: Service, document: object, fmt: DocumentFormat | None) -> Reading:
    """A document read against the frameworks and the providers of the countries it names.

    Nothing is stored, and the graph is not read whole: an awarding body is matched by
    name among the providers of its country, so only those are fetched, and only when
    the document names one.
    """
    check_size(document)
    frameworks = {fw.code: fw for fw in await service.store.frameworks()}
    parsed = await service.run_heavy(parse_document, document, fmt)
    bare = await service.run_heavy(parsed.finish, frameworks)
    countries = sorted({p.country for p in bare.providers})
    if not countries:
        return bare
    known = await service.store.providers_in(countries)
    return await service.run_heavy(parsed.finish, frameworks, known)


async def quality_reports(store: Store, reading: Reading) -> list[QualityReport]:
    """One quality report per credential read, judged against the graph's levels."""
    named = {p.id for p in reading.providers}
    stored = await store.providers(sorted({c.provider for c in reading.credentials if c.provider}))
    frameworks: dict[str, Framework | None] = {}
    out = []
    for cred in reading.credentials:
        level = None
        known = True
        if cred.level is not None:
            code = cred.level.framework
            if code not in frameworks:
                frameworks[code] = await store.framework(code)
            fw = frameworks[code]
            level = fw.level(cred.level.code) if fw is not None else None
            known = level is not None
        has_provider = bool(cred.provider) and (cred.provider in named or cred.provider in stored)
        out.append(quality_report(cred, level, known, has_provider))
    return out


async def equivalents(
    service: Service,
    reading: Reading,
    country: str | None,
    min_score: float,
    first: int,
) -> list[Match]:
    """Computed matches in the graph for the awarded credential of a reading; none stored."""
    check_bounds(min_score, first)
    cred = reading.credentials[0]
    want = country.upper() if country else None
    # the store's candidate shortlist for a credential it need not hold (as designCheck's)
    ctx = await service.store.draft_equivalence_context(
        cred, None, DEFAULT_POLICY.shortlist_limit, country=want
    )
    skills = dict(ctx.skills)
    for skill in reading.skills:
        skills.setdefault(skill.id, skill)
    ctx = replace(ctx, skills=skills)
    return await service.run_heavy(eq.equivalents, ctx, country, min_score, first)


def import_records(reading: Reading, graph: Graph) -> list[Credential]:
    """The credentials read, fitted to the graph, parts before wholes.

    The credential write path cannot add providers or skills: a provider the graph
    lacks is kept by name in `awarding_body`, skills it lacks in `unaligned_skills`.
    """
    by_id = {c.id: c for c in reading.credentials}
    order: list[Credential] = []
    placed: set[str] = set()

    def place(cred: Credential, path: frozenset[str]) -> None:
        if cred.id in placed or cred.id in path:
            return
        needs = [*cred.prerequisites]
        if cred.requirements is not None:
            needs += list(rule_credentials(cred.requirements))
        for ident in needs:
            if ident in by_id:
                place(by_id[ident], path | {cred.id})
        placed.add(cred.id)
        order.append(cred)

    for cred in reading.credentials:
        place(cred, frozenset())
    return [_fitted(cred, reading, graph) for cred in order]


def _fitted(cred: Credential, reading: Reading, graph: Graph) -> Credential:
    extra = dict(cred.extra)
    provider = cred.provider if cred.provider in graph.providers else None
    if cred.provider and provider is None:
        named = next((p for p in reading.providers if p.id == cred.provider), None)
        extra["awarding_body"] = named.name if named is not None else cred.provider
    unaligned = sorted({s for o in cred.outcomes for s in o.skills if s not in graph.skills})
    if unaligned:
        extra["unaligned_skills"] = unaligned
    outcomes = tuple(
        replace(o, skills=tuple(s for s in o.skills if s in graph.skills)) for o in cred.outcomes
    )
    return replace(cred, provider=provider, outcomes=outcomes, extra=extra)


async def import_document(
    service: Service, document: object, fmt: DocumentFormat | None
) -> list[Credential]:
    """Every credential a document holds, validated together and written, or none."""
    reading = await read(service, document, fmt)
    fitted = import_records(reading, await _named(service.store, reading))
    records = [credential_record(c) for c in fitted]
    stored = {c.id: c for c in await service.upsert_credentials(records, fitted)}
    return [stored[c.id] for c in reading.credentials]  # in the document's order


async def _named(store: Store, reading: Reading) -> Graph:
    """The providers and skills a reading's credentials name that the store holds: all
    `import_records` looks up (a write then validates each record against its own part)."""
    providers = sorted({c.provider for c in reading.credentials if c.provider})
    skills = sorted({s for c in reading.credentials for o in c.outcomes for s in o.skills})
    return Graph(
        frameworks={},
        providers=await store.providers(providers),
        skills=await store.skills(skills),
        credentials={},
        recognitions=(),
    )


def problems_of(err: SeedValidationError) -> Sequence[str]:
    """The problems of a rejected write, one line each."""
    return [str(p) for p in err.problems]
