"""The embedded store: the whole graph in this process, its relations in networkx.

Values live in plain dicts by id (credentials, frameworks, providers, skills); the
relations between credentials live in one networkx MultiDiGraph keyed by credential id,
with the relationship type as edge key: REQUIRES (qualification -> credential its rules
name) and RECOGNISED_AS (held -> recognised as, with the Recognition under "value").
Only credentials taking part in one are nodes.  The relations to skills and providers
are walked backwards only, by key: the candidate index's postings answer "who teaches
this skill" and a small table "who offers this provider's credentials", since an edge
per skill costs ~370 bytes in networkx (issue 16's memory budget).  Prerequisites are
read from the credential's value: no question walks them backwards.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from typing import TypeVar

import networkx as nx

from pathways.domain.equivalence.reach import Reach
from pathways.errors import NotFound
from pathways.model import (
    Credential,
    EquivalenceContext,
    Framework,
    Graph,
    PlanningContext,
    Provider,
    Recognition,
    Skill,
    SkillGapContext,
    eqf_first,
    level_table,
    levels_of,
    rule_credentials,
)
from pathways.seeds.inputs import References
from pathways.seeds.loader import dependencies
from pathways.store.base import (
    Neighbourhood,
    SearchFilter,
    SearchKey,
    SearchPage,
    StoreHealth,
    outcome_owner_guesses,
)
from pathways.store.contexts import (
    build_equivalence_context,
    by_pair,
    decided_then_shortlisted,
    shapes_to_reach,
)
from pathways.store.search import EmbeddedSearch
from pathways.wording import counted

_REQUIRES = "REQUIRES"
_RECOGNISED = "RECOGNISED_AS"

T = TypeVar("T")


def _empty_graph() -> Graph:
    return Graph(frameworks={}, providers={}, skills={}, credentials={}, recognitions=())


class MemoryStore:
    """Store implementation on networkx; the default backend, no server needed."""

    backend = "memory"

    def __init__(self, graph: Graph | None = None) -> None:
        self._lock = asyncio.Lock()
        self._build(graph or _empty_graph())

    # --- building --------------------------------------------------------------
    def _build(self, graph: Graph) -> None:
        g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        self._creds: dict[str, Credential] = dict(graph.credentials)
        self._frameworks = dict(graph.frameworks)
        self._providers = dict(graph.providers)
        self._skills = dict(graph.skills)
        self._offered: dict[str, set[str]] = {}
        self._providers_of: dict[str, list[str]] = {}
        for prov in graph.providers.values():
            self._providers_of.setdefault(prov.country.upper(), []).append(prov.id)
        for cred in graph.credentials.values():
            self._link_credential(g, cred)
        for rec in graph.recognitions:
            g.add_edge(rec.from_id, rec.to_id, key=_RECOGNISED, value=rec)
        self._g = g
        # outcome ids set by hand (not '<id>#o<n>'), by owner: rare, and the only ones a
        # write's own outcome ids can meet without an owner guessed from the id itself
        self._custom_outcomes: dict[str, str] = {}
        for cred in graph.credentials.values():
            self._custom_outcomes.update(_custom_outcomes(cred))
        self._levels = level_table(levels_of(graph.frameworks.values()))
        self._search = EmbeddedSearch(graph.credentials.values(), graph.skills, self._levels)
        # the search keeps the candidate index: its skill postings serve both
        self._candidates = self._search.candidates

    def _link_credential(self, g: nx.MultiDiGraph[str], cred: Credential) -> None:
        if cred.requirements is not None:
            for named in set(rule_credentials(cred.requirements)):
                g.add_edge(cred.id, named, key=_REQUIRES)
        if cred.provider:
            self._offered.setdefault(cred.provider, set()).add(cred.id)

    def _unlink_credential(self, cred: Credential) -> None:
        if cred.id in self._g:
            old = [(s, d, k) for s, d, k in self._g.out_edges(cred.id, keys=True) if k == _REQUIRES]
            self._g.remove_edges_from(old)
        if cred.provider and (offered := self._offered.get(cred.provider)) is not None:
            offered.discard(cred.id)
            if not offered:
                del self._offered[cred.provider]

    def _cred(self, cid: str) -> Credential | None:
        return self._creds.get(cid)

    def _require(self, cid: str, role: str = "credential") -> Credential:
        cred = self._creds.get(cid)
        if cred is None:
            raise NotFound.no_such(role, cid)
        return cred

    def _edges_in(self, cid: str, kind: str) -> Iterable[tuple[str, dict[str, object]]]:
        if cid not in self._g:
            return
        for src, _dst, key, data in self._g.in_edges(cid, keys=True, data=True):
            if key == kind:
                yield src, data

    def _edges_out(self, cid: str, kind: str) -> Iterable[tuple[str, dict[str, object]]]:
        if cid not in self._g:
            return
        for _src, dst, key, data in self._g.out_edges(cid, keys=True, data=True):
            if key == kind:
                yield dst, data

    # --- lifecycle -------------------------------------------------------------
    async def open(self) -> None:
        """Nothing to connect; kept for the protocol."""

    async def close(self) -> None:
        """Nothing to release; kept for the protocol."""

    async def health(self) -> StoreHealth:
        """Always answers while the process lives."""
        detail = counted(len(self._creds), "credential")
        return StoreHealth(ok=True, backend=self.backend, detail=detail)

    async def replace_graph(self, graph: Graph) -> None:
        """Swap in a new graph; readers see the old or the new one, never a mix."""
        async with self._lock:
            self._build(graph)

    async def snapshot(self) -> Graph:
        """The graph as model values."""
        return Graph(
            frameworks=dict(self._frameworks),
            providers=dict(self._providers),
            skills=dict(self._skills),
            credentials=dict(self._creds),
            recognitions=tuple(
                data["value"]
                for _s, _d, key, data in self._g.edges(keys=True, data=True)
                if key == _RECOGNISED
            ),
        )

    async def neighbourhood(self, refs: References) -> Neighbourhood:
        """What a write names, what it depends on reachably, its outcome ids' owners."""
        creds: dict[str, Credential] = {}
        owners = outcome_owner_guesses(refs.outcomes)
        owners.update(self._custom_outcomes[o] for o in refs.outcomes if o in self._custom_outcomes)
        for cid in (*refs.credentials, *owners):
            if (cred := self._cred(cid)) is not None:
                creds[cid] = cred
        # a new cycle (of prerequisites or requirements) passes through the written
        # credential: its old version is never needed
        todo, seen = list(refs.depends_on), {refs.own}
        while todo:
            cid = todo.pop()
            if cid in seen:
                continue
            seen.add(cid)
            if (cred := self._cred(cid)) is not None:
                creds[cid] = cred
                todo.extend(dependencies(cred))
        providers = _some(self._providers, sorted(refs.providers))
        skills = _some(self._skills, sorted(refs.skills))
        near: dict[str, list[str]] = {}
        # suggestions for a typo come from every id, as the seed loader's do: this scan
        # happens only on the way to rejecting a write
        for sort, every, named, found in (
            ("credential", self._creds.keys(), refs.credentials, creds),
            ("provider", self._providers.keys(), refs.providers, providers),
            ("skill", self._skills.keys(), refs.skills, skills),
        ):
            if not named <= found.keys():
                near[sort] = list(every)
        graph = Graph(self._frameworks, providers, skills, creds, ())
        return Neighbourhood(graph, near)

    # --- reads -----------------------------------------------------------------
    async def frameworks(self) -> Sequence[Framework]:
        """Every framework, EQF first, then by code."""
        return eqf_first(self._frameworks.values())

    async def framework(self, code: str) -> Framework | None:
        """One framework by code."""
        return self._frameworks.get(code)

    async def credential(self, credential_id: str) -> Credential | None:
        """One credential by id."""
        return self._cred(credential_id)

    async def credentials(self, ids: Sequence[str]) -> dict[str, Credential]:
        """The credentials among ids that exist."""
        return _some(self._creds, ids)

    async def providers(self, ids: Sequence[str]) -> dict[str, Provider]:
        """The providers among ids that exist."""
        return _some(self._providers, ids)

    async def providers_in(self, countries: Sequence[str]) -> dict[str, Provider]:
        """The providers of these countries, by id."""
        wanted = {c.upper() for c in countries}
        ids = sorted(i for c in wanted for i in self._providers_of.get(c, ()))
        return {i: self._providers[i] for i in ids}

    async def skills(self, ids: Sequence[str]) -> dict[str, Skill]:
        """The skills among ids that exist."""
        return _some(self._skills, ids)

    async def stacks_into(self, credential_id: str) -> Sequence[Credential]:
        """Credentials whose rules name this one, by id."""
        ids = sorted({src for src, _ in self._edges_in(credential_id, _REQUIRES)})
        return [c for c in (self._cred(i) for i in ids) if c is not None]

    async def stacks_into_many(self, ids: Sequence[str]) -> dict[str, list[Credential]]:
        """For each id, the credentials whose rules name it, by id."""
        return {i: list(await self.stacks_into(i)) for i in ids}

    async def recognitions_from(self, credential_id: str) -> Sequence[Recognition]:
        """Decisions recorded from this credential, by target id."""
        recs = [_recognition(data) for _dst, data in self._edges_out(credential_id, _RECOGNISED)]
        return sorted(recs, key=lambda r: r.to_id)

    async def recognitions_from_many(self, ids: Sequence[str]) -> dict[str, list[Recognition]]:
        """For each id, the decisions recorded from it, by target id."""
        return {i: list(await self.recognitions_from(i)) for i in ids}

    async def search(self, flt: SearchFilter, limit: int, after: SearchKey | None) -> SearchPage:
        """Filtered, fuzzily ranked credentials, through the search indexes."""
        return self._search.search(flt, limit, after, self._cred)

    async def planning_context(self, target: str, held: Sequence[str]) -> PlanningContext:
        """The target's rule tree with substitutes, held credentials and prerequisite closure."""
        tgt = self._require(target, "target credential")
        for h in held:
            self._require(h, "held credential")
        creds: dict[str, Credential] = {tgt.id: tgt}
        recs: list[Recognition] = []
        frontier = list(rule_credentials(tgt.requirements)) if tgt.requirements else []
        frontier += list(tgt.prerequisites) + list(held)
        # Recognitions into the target itself decide "already complete".
        frontier += self._recognitions_into(tgt.id, recs)
        while frontier:
            cid = frontier.pop()
            if cid in creds:
                continue
            cred = self._cred(cid)
            if cred is None:
                continue
            creds[cid] = cred
            frontier.extend(cred.prerequisites)
            frontier += self._recognitions_into(cid, recs)
        return PlanningContext(
            target=tgt, held=frozenset(held), credentials=creds, recognitions=by_pair(recs)
        )

    async def skill_gap_context(
        self, skills: Sequence[str], held: Sequence[str]
    ) -> SkillGapContext:
        """Teachers of the skills, held credentials and what they count as, closed under
        prerequisites and the credentials recognised as each prerequisite."""
        asked: dict[str, Skill] = {}
        for sid in skills:
            skill = self._skills.get(sid)
            if skill is None:
                raise NotFound.no_such("skill", sid)
            asked[sid] = skill
        for h in held:
            self._require(h, "held credential")
        creds: dict[str, Credential] = {}
        recs: dict[tuple[str, str], Recognition] = {}
        frontier: list[str] = []
        for sid in asked:
            frontier.extend(sorted(self._candidates.holding(sid)))
        for h in held:
            frontier.append(h)
            for dst, data in self._edges_out(h, _RECOGNISED):
                recs[(h, dst)] = _recognition(data)
                frontier.append(dst)
        # Only a prerequisite needs the credentials recognised as it (they can meet it).
        needed: set[str] = set()
        pending: list[str] = []
        while frontier or pending:
            if pending:
                q = pending.pop()
                for src, data in self._edges_in(q, _RECOGNISED):
                    rec = _recognition(data)
                    recs[(rec.from_id, rec.to_id)] = rec
                    frontier.append(src)
                frontier.append(q)
                continue
            cid = frontier.pop()
            if cid in creds or (cred := self._cred(cid)) is None:
                continue
            creds[cid] = cred
            for q in cred.prerequisites:
                if q not in needed:
                    needed.add(q)
                    pending.append(q)
        return SkillGapContext(
            skills=asked,
            held=frozenset(held),
            credentials=creds,
            recognitions=by_pair(recs.values()),
        )

    def _recognitions_into(self, cid: str, found: list[Recognition]) -> list[str]:
        """Add the decisions recorded into `cid` to `found`; the ids they come from."""
        sources: list[str] = []
        for src, data in self._edges_in(cid, _RECOGNISED):
            found.append(_recognition(data))
            sources.append(src)
        return sources

    async def qualifications_touching(self, held: Sequence[str]) -> Sequence[str]:
        """Targets whose rules name a held credential or what a held one is recognised as."""
        named: set[str] = set()
        for h in held:
            if h not in self._creds:
                raise NotFound.no_such("held credential", h)
            named.add(h)
            named.update(dst for dst, _ in self._edges_out(h, _RECOGNISED))
        targets: set[str] = set()
        for cid in named:
            targets.update(src for src, _ in self._edges_in(cid, _REQUIRES))
        return sorted(targets)

    async def equivalence_context(
        self, credential_id: str, country: str | None, limit: int, reach: Reach | None = None
    ) -> EquivalenceContext:
        """The credential, its shortlist (and what `reach` adds), recorded decisions from it."""
        cred = self._require(credential_id)
        decided = await self.recognitions_from(credential_id)
        short = self._candidates.shortlist(cred, country, limit)
        if reach is not None:
            counts = self._candidates.shape_counts(bare_only=bool(cred.outcomes))
            shapes = shapes_to_reach(cred, counts, self._levels, country, reach, len(decided))
            short = [*short, *self._candidates.with_shapes(shapes)]
        return await self._context(cred, decided_then_shortlisted(decided, short), decided)

    async def pair_context(self, a: str, b: str) -> EquivalenceContext:
        """Context for comparing a with b."""
        cred_a = self._require(a)
        self._require(b)
        decided = await self.recognitions_from(a)
        return await self._context(cred_a, [b], decided, keep_self=True)

    async def draft_equivalence_context(
        self,
        credential: Credential,
        exclude_country: str | None,
        limit: int,
        country: str | None = None,
    ) -> EquivalenceContext:
        """A draft's shortlist outside `exclude_country` (of `country` when given), no decisions."""
        short = self._candidates.shortlist(
            credential, country, limit, exclude_country=exclude_country
        )
        return await self._context(credential, short, decided=())

    async def provider_credentials(self, provider_id: str) -> Sequence[Credential]:
        """The credentials offered by this provider, by id."""
        if provider_id not in self._providers:
            raise NotFound.no_such("provider", provider_id)
        ids = sorted(self._offered.get(provider_id, ()))
        return [c for c in (self._cred(i) for i in ids) if c is not None]

    async def _context(
        self,
        cred: Credential,
        ids: Sequence[str],
        decided: Sequence[Recognition],
        keep_self: bool = False,
    ) -> EquivalenceContext:
        found = [c for c in (self._cred(i) for i in ids) if c is not None]
        return await build_equivalence_context(
            cred, found, decided, self._levels, self.skills, keep_self=keep_self
        )

    # --- writes ----------------------------------------------------------------
    async def upsert_credential(self, credential: Credential) -> None:
        """Insert or replace one credential and its relationships."""
        async with self._lock:
            if (before := self._cred(credential.id)) is not None:
                for oid in _custom_outcomes(before):
                    self._custom_outcomes.pop(oid, None)
                self._unlink_credential(before)
            self._custom_outcomes.update(_custom_outcomes(credential))
            self._creds[credential.id] = credential
            self._link_credential(self._g, credential)
            self._search.upsert(credential)

    async def record_recognition(self, recognition: Recognition) -> None:
        """Insert or replace the decision for (from, to)."""
        async with self._lock:
            src, dst = recognition.from_id, recognition.to_id
            if self._g.has_edge(src, dst, key=_RECOGNISED):
                self._g.remove_edge(src, dst, key=_RECOGNISED)
            self._g.add_edge(src, dst, key=_RECOGNISED, value=recognition)


def _custom_outcomes(cred: Credential) -> dict[str, str]:
    mine = f"{cred.id}#o"
    return {o.id: cred.id for o in cred.outcomes if not o.id.startswith(mine)}


def _recognition(data: dict[str, object]) -> Recognition:
    rec = data["value"]
    assert isinstance(rec, Recognition)
    return rec


def _some(table: dict[str, T], ids: Iterable[str]) -> dict[str, T]:
    """The values of `table` among ids, in the order asked."""
    return {i: v for i in ids if (v := table.get(i)) is not None}
