"""Principles reports, design checks and provider views: facts gathered from the store.

The rules are pure (domain.principles); this module asks the store for what they
read about a credential (its level, provider, skills, decisions, the targets it
stacks into and whether those can be planned) and hands it over as CredentialFacts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pathways.domain import budget as deadlines
from pathways.domain import equivalence as eq
from pathways.domain import stacking
from pathways.domain.equivalence.model import DEFAULT_POLICY, Match
from pathways.domain.principles import (
    CredentialFacts,
    PortabilityFact,
    PrinciplesReport,
    ProviderSummary,
    TargetFact,
    principles_report,
    provider_summary,
)
from pathways.domain.quality import QualityReport, quality_report
from pathways.errors import NotFound
from pathways.model import (
    Credential,
    Decision,
    Framework,
    Level,
    PlanningContext,
    Provider,
    Recognition,
    rule_credentials,
)
from pathways.portability import portability
from pathways.seeds.draft import read_draft, sentence
from pathways.seeds.inputs import credential_references
from pathways.service import Service
from pathways.store.base import Store
from pathways.store.contexts import by_pair

COMPARABLE_ABROAD = 5
"""Most computed matches in other countries a design check lists."""


@dataclass(frozen=True, slots=True)
class DesignResult:
    """What a draft would be: its problems, Annex I report, principles and matches abroad."""

    credential: Credential
    problems: tuple[str, ...]
    annex: QualityReport
    principles: PrinciplesReport
    comparable: tuple[Match, ...]


@dataclass
class _Gathering:
    """Lookups shared by the credentials of one request (levels, providers, plannability)."""

    levels: Mapping[tuple[str, str], Level]
    providers: dict[str, Provider | None] = field(default_factory=dict)
    frameworks: dict[str, Framework | None] = field(default_factory=dict)
    plannable: dict[str, bool | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Links:
    """How a credential connects: decisions from it, the targets it stacks into, its own plan."""

    recognitions: tuple[Recognition, ...]
    targets: tuple[TargetFact, ...]
    own_plan: bool | None


class QualityService:
    """Answers principlesReport, designCheck and providerQuality over a Service's store."""

    def __init__(self, service: Service, today: dt.date | None = None) -> None:
        self.service = service
        self.store = service.store
        self.today = today

    async def principles_report(self, credential_id: str) -> PrinciplesReport:
        """The ten principle checks of a stored credential; NOT_FOUND for an unknown id."""
        cred = await self.service.require_credential(credential_id)
        facts = await self._facts(cred, await self._gathering())
        return principles_report(facts)

    async def provider_quality(self, provider_id: str) -> ProviderSummary:
        """A provider's catalogue by Annex I and the principles; NOT_FOUND for an unknown one."""
        creds = await self.store.provider_credentials(provider_id)
        gathering = await self._gathering()
        provider = await self._provider(provider_id, gathering)
        if provider is None:  # the store answered for it a moment ago; a concurrent replace
            raise NotFound(f"No provider with id '{provider_id}'.", id=provider_id)
        links = [await self._links(c, gathering) for c in creds]
        facts = [await self._facts(c, gathering, ln) for c, ln in zip(creds, links, strict=True)]
        return provider_summary(
            provider, [f.annex for f in facts], [principles_report(f) for f in facts]
        )

    async def design_check(self, data: Mapping[str, object]) -> DesignResult:
        """Report on a draft as if published, storing nothing."""
        # what the draft names and depends on, as a write would read it: no graph scan
        hood = await self.store.neighbourhood(credential_references(data))
        cred, problems = read_draft(data, hood.graph, near=hood.near)
        gathering = await self._gathering()
        own = None
        if cred.requirements is not None:
            planning = await _draft_planning(self.store, cred)
            own = await self.service.run_heavy(_plannable_from_nothing, planning)
        facts = await self._facts(cred, gathering, await self._links(cred, gathering, own))
        ctx = await self.store.draft_equivalence_context(
            cred, cred.country or None, DEFAULT_POLICY.shortlist_limit
        )
        matches = (
            await self.service.run_heavy(eq.equivalents, ctx, None, 0.0, COMPARABLE_ABROAD)
            if ctx.candidates
            else []
        )
        return DesignResult(
            credential=cred,
            problems=tuple(sentence(p) for p in problems),
            annex=facts.annex,
            principles=principles_report(facts),
            # a score of 0 shares nothing (a stray token brought it onto the shortlist)
            comparable=tuple(m for m in matches if m.basis == "COMPUTED" and m.score > 0),
        )

    # --- gathering facts -------------------------------------------------------------

    async def _gathering(self) -> _Gathering:
        return _Gathering(levels=await self.service.levels())

    async def _provider(self, provider_id: str, g: _Gathering) -> Provider | None:
        if provider_id not in g.providers:
            found = await self.store.providers([provider_id])
            g.providers[provider_id] = found.get(provider_id)
        return g.providers[provider_id]

    async def _plannable(self, target_id: str, g: _Gathering) -> bool | None:
        """Whether a plan from nothing completes the target; None when the budget ran out first."""
        if target_id not in g.plannable:
            ctx = await self.store.planning_context(target_id, [])
            found = await self.service.run_heavy(stacking.plan, ctx)
            undecided = not found.achievable and not found.optimal
            g.plannable[target_id] = None if undecided else found.achievable
        return g.plannable[target_id]

    async def _framework(self, code: str, g: _Gathering) -> Framework | None:
        if code not in g.frameworks:
            g.frameworks[code] = await self.store.framework(code)
        return g.frameworks[code]

    def _eqf(self, cred: Credential, g: _Gathering) -> tuple[int, ...]:
        ref = cred.level
        level = g.levels.get((ref.framework, ref.code)) if ref is not None else None
        return level.eqf if level is not None else ()

    async def _targets(
        self, cred: Credential, g: _Gathering, positive: Sequence[str]
    ) -> tuple[TargetFact, ...]:
        found: dict[str, TargetFact] = {}
        for via in (None, *positive):
            for target in await self.store.stacks_into(via or cred.id):
                if target.id == cred.id or target.id in found:
                    continue
                found[target.id] = TargetFact(
                    credential=target,
                    eqf=self._eqf(target, g),
                    plannable=await self._plannable(target.id, g),
                    via=via,
                )
        return tuple(found[k] for k in sorted(found))

    async def _links(self, cred: Credential, g: _Gathering, own_plan: bool | None = None) -> _Links:
        # plans first: they share the request's time budget with the slower round trips
        recs = tuple(await self.store.recognitions_from(cred.id))
        positive = [r.to_id for r in recs if r.decision is not Decision.NONE]
        if own_plan is None and cred.requirements is not None:
            own_plan = bool(await self._plannable(cred.id, g))
        return _Links(recs, await self._targets(cred, g, positive), own_plan)

    async def _facts(
        self, cred: Credential, g: _Gathering, links: _Links | None = None
    ) -> CredentialFacts:
        links = links or await self._links(cred, g)
        ref = cred.level
        level = g.levels.get((ref.framework, ref.code)) if ref is not None else None
        provider = await self._provider(cred.provider, g) if cred.provider else None
        annex = quality_report(cred, level, ref is None or level is not None, provider is not None)
        skill_ids = sorted({s for o in cred.outcomes for s in o.skills})
        skills = await self.store.skills(skill_ids)
        framework = await self._framework(ref.framework, g) if ref is not None else None
        travels: tuple[PortabilityFact, ...] = ()
        if not deadlines.expired():  # once spent, portability is judged by the fields alone
            travels = await self.service.run_heavy(
                portability, cred, provider, framework, tuple(skills[s] for s in sorted(skills))
            )
        return CredentialFacts(
            credential=cred,
            annex=annex,
            level=level,
            provider=provider,
            skills=skills,
            targets=links.targets,
            recognitions=links.recognitions,
            own_plan=links.own_plan,
            portability=travels,
            today=self.today or dt.date.today(),
        )


async def _draft_planning(store: Store, draft: Credential) -> PlanningContext:
    """What planning a draft's own requirements from nothing reads, in one bounded read.

    The credentials its rules name, closed under their prerequisites and the credentials
    recognised as them, with every decision into that closure: the planning context of
    the named ones (one as target, the others as held, which the stores close alike),
    walked again from the draft so only what the draft reaches is kept.  A stored
    credential with the draft's id is read too, for the decisions into it.
    """
    named = list(dict.fromkeys(rule_credentials(draft.requirements))) if draft.requirements else []
    roots = list(await store.credentials(list(dict.fromkeys([*named, draft.id]))))
    creds: dict[str, Credential] = {}
    recs: list[Recognition] = []
    if roots:
        read = await store.planning_context(roots[0], roots[1:])
        creds.update(read.credentials)
        recs.extend(read.recognitions)
    return draft_closure(draft, creds, recs)


def draft_closure(
    draft: Credential, stored: Mapping[str, Credential], recs: Sequence[Recognition]
) -> PlanningContext:
    """The planning context of a draft: what its rules name, closed over `stored`.

    Closed under prerequisites and the credentials recognised as a member; the draft
    stands in for a stored credential with its id.
    """
    creds = {**stored, draft.id: draft}
    into: dict[str, list[Recognition]] = {}
    for rec in recs:
        into.setdefault(rec.to_id, []).append(rec)
    wanted: set[str] = {draft.id}
    todo = list(rule_credentials(draft.requirements)) if draft.requirements else []
    while todo:
        cid = todo.pop()
        if cid in wanted or cid not in creds:
            continue
        wanted.add(cid)
        todo.extend(creds[cid].prerequisites)
        todo.extend(rec.from_id for rec in into.get(cid, ()))
    return PlanningContext(
        target=draft,
        held=frozenset(),
        credentials={c: creds[c] for c in wanted},
        recognitions=by_pair(rec for rec in recs if rec.to_id in wanted),
    )


def _plannable_from_nothing(ctx: PlanningContext) -> bool:
    """Whether the context's target can be completed from nothing held."""
    return stacking.plan(ctx).achievable
