"""The service object: what the API and the CLI ask, answered by the domain over a store."""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import ParamSpec, TypeVar

from pathways import bounds
from pathways.domain import budget as deadlines
from pathways.domain import dates, skillgap, stacking
from pathways.domain import equivalence as eq
from pathways.domain.crosswalk import CrosswalkResult, crosswalk
from pathways.domain.equivalence.model import DEFAULT_POLICY, Match, check_bounds
from pathways.domain.equivalence.reach import Reach
from pathways.domain.quality import QualityReport, quality_report
from pathways.errors import BadUserInput, NotFound
from pathways.lanes import HeavyLane
from pathways.model import (
    Credential,
    CredentialKind,
    Framework,
    Level,
    Objective,
    PlanningContext,
    Provider,
    Recognition,
    Skill,
    level_table,
    levels_of,
    rule_credentials,
)
from pathways.seeds.inputs import (
    credential_from_input,
    credential_references,
    recognition_from_input,
    recognition_references,
)
from pathways.seeds.loader import dependencies
from pathways.store.base import SearchFilter, SearchKey, Store, TextMatch
from pathways.wording import quoted_id

MAX_PAGE = int(bounds.PAGE.maximum)
"""Largest `first` any list query accepts (bounds.PAGE)."""

MAX_SEARCH = int(bounds.SEARCH.maximum)
"""Longest `search` text (bounds.SEARCH)."""

MAX_ALTERNATIVES = int(bounds.ALTERNATIVES.maximum)
"""Most next-best plans one stackingPlan may ask for (bounds.ALTERNATIVES)."""

MAX_REACHABLE = int(bounds.REACHABLE.maximum)
"""Largest `first` of reachable (bounds.REACHABLE)."""

HEAVY_WORKERS = 2
"""Heavy computations (plans, equivalence) running at once; more requests queue for a slot.

On threads by default (the CLI, tests); `pathways serve` sizes the lane to its host
(serving.py: one on two cores) and sends the longest searches (APART) to worker
processes, whose own interpreter lock and lower priority leave the loop's to the loop
(workers.py).  The deadline, not the pool, bounds the work."""

APART: frozenset[Callable[..., object]] = frozenset({stacking.plan, skillgap.plan_skill_gap})
"""Heavy calls sent to a worker process when the lane has them: the searches that run up to
the whole request budget over a context of tens of KB.  The others stay on threads: an
equivalents context (300 candidates and their outcomes, about 400 KB pickled) costs more
to pickle and unpickle than to match (bench/bench_lane.py)."""

REQUEST_SECONDS = 1.0
"""Time the heavy computations of one request may take, all its aliases together (from the
first one's start: reading the store and queueing for the lane do not count)."""

_KEY_PREFIX = "pw2:"

P = ParamSpec("P")
T = TypeVar("T")


def encode_key(score: float | None, credential_id: str) -> str:
    """An opaque keyset cursor: the (score, id) of the last result a page showed."""
    raw = _KEY_PREFIX + json.dumps([score, credential_id], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_key(cursor: str) -> SearchKey:
    """The (score, id) a search cursor holds; BAD_USER_INPUT if it is not one of ours.

    Strict: its length is bounded (bounds.CURSOR) and only the exact text encode_key
    writes is accepted, so no other number or text reaches the search.
    """
    bounds.CURSOR.check_length(cursor)
    bad = BadUserInput(f"{quoted_id(cursor)} is not a valid cursor.", argument="after")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = base64.urlsafe_b64decode(padded.encode("ascii")).decode()
        if not raw.startswith(_KEY_PREFIX):
            raise bad
        score, cid = json.loads(raw[len(_KEY_PREFIX) :])
        ok_score = score is None or (
            isinstance(score, int | float) and not isinstance(score, bool) and math.isfinite(score)
        )
    except (binascii.Error, UnicodeError, ValueError, TypeError, OverflowError) as exc:
        raise bad from exc
    if not ok_score or not isinstance(cid, str) or encode_key(score, cid) != cursor:
        raise bad
    return SearchKey(None if score is None else float(score), cid)


def check_first(first: int, bound: bounds.Bound = bounds.PAGE) -> None:
    """A page size within its bound (kept for callers of the earlier name)."""
    bound.check(first)


@dataclass(frozen=True, slots=True)
class PlanResult:
    """A plan with the credentials it names, so the API can show them without refetching."""

    plan: stacking.Plan
    credentials: Mapping[str, Credential]


@dataclass(frozen=True, slots=True)
class SkillGapResult:
    """A skill-gap plan with the credentials and skills it names."""

    plan: skillgap.SkillGapPlan
    credentials: Mapping[str, Credential]
    skills: Mapping[str, Skill]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of credential search: (credential, score) pairs, what matched, the count."""

    items: tuple[tuple[Credential, float | None], ...]
    total: int
    more: bool
    matches: Mapping[str, TextMatch]


class Service:
    """Answers the API's questions; resolvers stay thin by calling this."""

    def __init__(
        self, store: Store, heavy_workers: int = HEAVY_WORKERS, heavy_processes: bool = False
    ) -> None:
        self.store = store
        self._writes = asyncio.Lock()  # one writer: validate and apply against the same graph
        self._heavy = HeavyLane(heavy_workers)
        # a lane of its own: a plan starved of CPU in a process never holds up a match
        self._apart = HeavyLane(heavy_workers, processes=True) if heavy_processes else self._heavy

    async def run_heavy(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`fn(*args, **kwargs)` on the heavy lane's workers, under the request's deadline.

        For CPU-heavy pure work over values already fetched from the store (a plan over
        a planning context, a match over an equivalence context): the event loop keeps
        answering meanwhile, and the lane serves the least-served request first.  Long
        loops in `fn` ask `domain.budget.expired()` and settle for what they have;
        outside a request (the CLI, tests) each call gets its own REQUEST_SECONDS.
        Never pass it a store call: the stores belong to the loop.  A function in APART
        runs in a worker process when the service has them (`heavy_processes`, what
        `pathways serve` runs): it, its arguments, result and errors must pickle.
        """
        deadline = deadlines.current() or deadlines.Deadline.unstarted(REQUEST_SECONDS)
        lane = self._apart if fn in APART else self._heavy
        return await lane.run(deadline, fn, *args, **kwargs)

    def start_heavy(self) -> None:
        """Start the heavy lanes' workers now (worker processes take a while to start)."""
        self._apart.start()

    def close(self) -> None:
        """Let the heavy lanes' workers end once their work is done (they restart on use)."""
        self._heavy.close()
        self._apart.close()

    async def upsert_credential(self, data: Mapping[str, object]) -> Credential:
        """Validate one credential as a seed record against the current graph, then store it.

        Validation reads only what the record names (and what is reachable from what it
        depends on), never the whole graph: a write costs the same at any graph size.
        """
        async with self._writes:
            hood = await self.store.neighbourhood(credential_references(data))
            cred = credential_from_input(data, hood.graph, near=hood.near)
            await self.store.upsert_credential(cred)
        return cred

    async def upsert_credentials(
        self, records: Sequence[Mapping[str, object]], pending: Sequence[Credential] = ()
    ) -> list[Credential]:
        """Validate several credentials together (all or none), then store them in order.

        `pending` are the same credentials as read: in the graph they are checked
        against, so the records may name each other and a cycle among them is found.
        """
        async with self._writes:
            creds: list[Credential] = []
            earlier: dict[str, Credential] = {c.id: c for c in pending}
            # a cycle may pass through the other records' prerequisites and requirements
            roots: list[str] = [d for c in pending for d in dependencies(c)]
            for n, data in enumerate(records):
                refs = credential_references(data)
                refs = replace(refs, depends_on=(*refs.depends_on, *roots))
                hood = await self.store.neighbourhood(refs)
                graph = replace(hood.graph, credentials={**hood.graph.credentials, **earlier})
                near = dict(hood.near)
                if "credential" in near:
                    near["credential"] = [*near["credential"], *earlier]
                cred = credential_from_input(data, graph, source=f"credentials[{n}]", near=near)
                earlier[cred.id] = cred
                roots.extend(dependencies(cred))
                creds.append(cred)
            for cred in creds:
                await self.store.upsert_credential(cred)
        return creds

    async def record_recognition(self, data: Mapping[str, object]) -> Recognition:
        """Validate one recognition decision against the two credentials it names, then store it."""
        async with self._writes:
            hood = await self.store.neighbourhood(recognition_references(data))
            rec = recognition_from_input(data, hood.graph, near=hood.near)
            await self.store.record_recognition(rec)
        return rec

    async def frameworks(self) -> Sequence[Framework]:
        """Every framework, EQF first."""
        return await self.store.frameworks()

    async def framework(self, code: str) -> Framework | None:
        """One framework, or None."""
        return await self.store.framework(code)

    async def levels(self) -> dict[tuple[str, str], Level]:
        """Every level of every framework by (framework, code)."""
        return level_table(levels_of(await self.store.frameworks()))

    async def crosswalk(self, framework: str, level: str, to: str) -> CrosswalkResult:
        """The crosswalk of one level to another framework."""
        fws = {f.code: f for f in await self.store.frameworks()}
        return crosswalk(fws, framework, level, to)

    async def credential(self, credential_id: str) -> Credential | None:
        """One credential, or None."""
        return await self.store.credential(credential_id)

    # --- batched reads, one per request's loader (api/context.py) ---------------------
    async def credentials(self, ids: Sequence[str]) -> dict[str, Credential]:
        """The credentials among `ids` that exist, by id."""
        return await self.store.credentials(ids)

    async def providers(self, ids: Sequence[str]) -> dict[str, Provider]:
        """The providers among `ids` that exist, by id."""
        return await self.store.providers(ids)

    async def skills(self, ids: Sequence[str]) -> dict[str, Skill]:
        """The skills among `ids` that exist, by id."""
        return await self.store.skills(ids)

    async def stacks_into(self, ids: Sequence[str]) -> dict[str, list[Credential]]:
        """For each id, the credentials whose requirements name it, by id."""
        return await self.store.stacks_into_many(ids)

    async def recognitions_from(self, ids: Sequence[str]) -> dict[str, list[Recognition]]:
        """For each id, the decisions recorded from it, by target id."""
        return await self.store.recognitions_from_many(ids)

    async def require_credential(self, credential_id: str) -> Credential:
        """One credential, or NOT_FOUND naming the id."""
        cred = await self.store.credential(credential_id)
        if cred is None:
            raise NotFound.no_such("credential", credential_id)
        return cred

    async def search(
        self,
        text: str | None,
        country: str | None,
        eqf_level: int | None,
        kind: CredentialKind | None,
        first: int,
        after: str | None,
        as_of: str | None = None,
    ) -> SearchResult:
        """One page of credentials matching the filters, best match first."""
        bounds.PAGE.check(first)
        if text is not None:
            bounds.SEARCH.check_length(text)
        if eqf_level is not None:
            bounds.EQF_LEVEL.check(eqf_level)
        key = decode_key(after) if after else None
        day = dates.as_of_day(as_of)
        flt = SearchFilter(
            text=text.strip() if text and text.strip() else None,
            country=country.upper() if country else None,
            eqf_level=eqf_level,
            kind=kind,
            as_of=day,
        )
        page = await self.store.search(flt, first, key)
        return SearchResult(
            items=page.items, total=page.total, more=page.more, matches=page.matches
        )

    async def equivalents(
        self,
        credential_id: str,
        country: str | None,
        min_score: float,
        first: int,
        as_of: str | None = None,
    ) -> list[Match]:
        """Recorded decisions, then computed matches, for one credential."""
        check_bounds(min_score, first)  # before fetching; the domain's own check is the same
        day = dates.as_of_day(as_of)
        ctx = await self.store.equivalence_context(
            credential_id,
            country.upper() if country else None,
            DEFAULT_POLICY.shortlist_limit,
            Reach(min_score, first),
        )
        ctx = dates.equivalence_on(ctx, day)
        return await self.run_heavy(eq.equivalents, ctx, country, min_score, first)

    async def compare(self, a: str, b: str) -> Match:
        """Every criterion between a and b."""
        ctx = await self.store.pair_context(a, b)
        other = ctx.candidates[0] if ctx.candidates else ctx.credential
        return await self.run_heavy(eq.compare, ctx, ctx.credential, other)

    async def quality_report(self, credential_id: str) -> QualityReport:
        """Which EU standard elements the description lacks, and what is inconsistent."""
        cred = await self.require_credential(credential_id)
        level = None
        level_known = True
        if cred.level is not None:
            level = (await self.levels()).get((cred.level.framework, cred.level.code))
            level_known = level is not None
        provider_known = bool(cred.provider) and bool(
            await self.store.providers([cred.provider] if cred.provider else [])
        )
        return quality_report(cred, level, level_known, provider_known)

    async def stacking_plan(
        self,
        target: str,
        held: Sequence[str],
        objective: Objective,
        countries: Sequence[str] | None,
        alternatives: int,
        as_of: str | None = None,
    ) -> PlanResult:
        """The least-effort plan from `held` to `target`, with next-best alternatives."""
        bounds.ALTERNATIVES.check(alternatives)
        held_ids, day, allowed = _plan_inputs(held, countries, as_of)
        ctx = replace(await self.store.planning_context(target, held_ids), as_of=day)
        result = await self.run_heavy(stacking.plan, ctx, objective, allowed, alternatives)
        return PlanResult(plan=result, credentials=ctx.credentials)

    async def skill_gap_plan(
        self,
        skills: Sequence[str],
        held: Sequence[str],
        countries: Sequence[str] | None,
        as_of: str | None = None,
    ) -> SkillGapResult:
        """The least-ECTS set of credentials teaching the asked skills the learner lacks."""
        return await _skill_gap_plan(self, skills, held, countries, as_of)

    async def reachable(
        self,
        held: Sequence[str],
        country: str | None,
        max_additional_credits: float | None,
        first: int,
        as_of: str | None = None,
    ) -> list[PlanResult]:
        """Qualifications the held credentials count towards, least remaining ECTS first.

        `country` limits the qualifications to that country; what is still to be taken
        may come from anywhere (a learner moving there can still study elsewhere).
        """
        bounds.REACHABLE.check(first)
        if max_additional_credits is not None:
            bounds.MAX_ADDITIONAL_CREDITS.check(max_additional_credits)
        held_ids, day, _ = _plan_inputs(held, None, as_of)
        want = country.upper() if country else None
        touched = await self.store.credentials(await self.store.qualifications_touching(held_ids))
        contexts = [
            replace(await self.store.planning_context(target, held_ids), as_of=day)
            for target in sorted(touched)
            if target not in held_ids and not (want and touched[target].country != want)
        ]
        contexts = [c for c in contexts if _touched_on(c)]
        return await self.run_heavy(_rank_reachable, contexts, max_additional_credits, first)


async def _skill_gap_plan(
    service: Service,
    skills: Sequence[str],
    held: Sequence[str],
    countries: Sequence[str] | None,
    as_of: str | None,
) -> SkillGapResult:
    """The least-ECTS credentials teaching the missing skills (Service.skill_gap_plan)."""
    bounds.GAP_SKILLS.check_length(skills)
    held_ids, day, allowed = _plan_inputs(held, countries, as_of)
    asked = tuple(dict.fromkeys(skills))
    ctx = await service.store.skill_gap_context(list(asked), held_ids)
    result = await service.run_heavy(skillgap.plan_skill_gap, ctx, asked, allowed, day)
    return SkillGapResult(result, ctx.credentials, ctx.skills)


def _plan_inputs(
    held: Sequence[str], countries: Sequence[str] | None, as_of: str | None
) -> tuple[list[str], str, frozenset[str] | None]:
    """What every plan is asked with, bounded: held ids (repeats dropped), the day, and the
    countries new credentials may come from (upper case; None for any)."""
    bounds.HELD.check_length(held)
    if countries is not None:
        bounds.COUNTRIES.check_length(countries)
    day = dates.as_of_day(as_of)
    allowed = None if countries is None else frozenset(c.upper() for c in countries)
    return list(dict.fromkeys(held)), day, allowed


def _touched_on(ctx: PlanningContext) -> bool:
    """Whether the target's rules name a held credential, or one a held credential has a
    decision into dated by ctx.as_of (a later decision does not yet make it reachable)."""
    if ctx.target.requirements is None:
        return True
    named = set(rule_credentials(ctx.target.requirements))
    reach = set(ctx.held) | {
        r.to_id
        for r in ctx.recognitions
        if r.from_id in ctx.held and dates.decided_by(r, ctx.as_of)
    }
    return bool(named & reach)


def _rank_reachable(
    contexts: Sequence[PlanningContext], max_additional_credits: float | None, first: int
) -> list[PlanResult]:
    """A plan per target, nearest first: one heavy call, so the targets share one deadline."""
    results = {ctx.target.id: PlanResult(stacking.plan(ctx), ctx.credentials) for ctx in contexts}
    ranked = stacking.rank_reachable(
        [r.plan for r in results.values()], max_additional_credits, first
    )
    return [results[p.target] for p in ranked]
