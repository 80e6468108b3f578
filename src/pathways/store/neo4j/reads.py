"""The Neo4j store's reads: one function per question, each inside a read transaction.

Queries that return many rows return them collected into one record: a record per
row costs a Bolt message each, which dominates the time of a pure-Python driver.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from neo4j import AsyncManagedTransaction, AsyncSession, AsyncTransaction, Record

from pathways.domain.candidates import MAX_DF_SHARE, MIN_MAX_DF, NO_EQF, credential_skills
from pathways.domain.equivalence.reach import Reach, shape_lists_outcomes
from pathways.domain.text import index_tokens
from pathways.errors import NotFound
from pathways.model import (
    Credential,
    EquivalenceContext,
    Framework,
    Graph,
    Level,
    LevelTable,
    PlanningContext,
    Recognition,
    Skill,
    SkillGapContext,
    eqf_first,
    level_table,
)
from pathways.store.contexts import (
    build_equivalence_context,
    by_pair,
    shapes_to_reach,
)
from pathways.store.neo4j import codec, idorder, skillsearch
from pathways.store.neo4j.catalog import Q, query
from pathways.store.neo4j.idorder import IdOrder
from pathways.store.neo4j.skillsearch import SkillIndex

Tx = AsyncManagedTransaction | AsyncTransaction | AsyncSession
"""Where a read runs its statements: a transaction, or a session's auto-commit ones."""
Row = dict[str, Any]
V = TypeVar("V")


async def records(tx: Tx, name: Q, **params: Any) -> list[Row]:
    """Every record of a catalog query, nodes as property maps."""
    result = await tx.run(query(name), params)
    return await result.data()


async def _single(tx: Tx, name: Q, **params: Any) -> Record | None:
    """The one record of a query that returns maps and lists only, as the driver decoded it.

    `records` runs the driver's `data()`, which walks every value again in Python to
    turn nodes into dicts; the hot questions return maps already and skip that walk.
    """
    result = await tx.run(query(name), params)
    return await result.single()


CREDENTIAL_FIELDS = (
    "id", "kind", "title", "country", "language", "provider", "level_framework",
    "level_code", "ects", "hours", "assessment", "participation", "quality_assurance",
    "valid_from", "valid_until", "outcomes", "prerequisites", "requirements", "extra",
)  # fmt: skip
"""The properties a Credential is decoded from, as the hot queries project them."""

DECODED_CREDENTIALS = 8192
"""Credentials a replica keeps decoded, by their exact properties (about 3 KB each)."""


@lru_cache(maxsize=DECODED_CREDENTIALS)
def _decoded(values: tuple[Any, ...]) -> Credential:
    return codec.credential_from(dict(zip(CREDENTIAL_FIELDS, values, strict=True)))


def credential(props: Mapping[str, Any]) -> Credential:
    """A credential from its properties, decoded once while the same properties come back.

    Keyed by every property it is made of, so a changed credential is decoded afresh;
    the outcomes it shares keep their tokenised texts (domain.text) between requests.
    """
    try:
        values = _projected(props)  # the hot statements project every field, null or not
    except KeyError:
        values = tuple(props.get(field) for field in CREDENTIAL_FIELDS)
    return _decoded(values)


_projected = operator.itemgetter(*CREDENTIAL_FIELDS)


async def _one(tx: Tx, name: Q, key: str, **params: Any) -> list[Any]:
    """The list a collecting query returns in its single record."""
    rows = await records(tx, name, **params)
    return list(rows[0][key]) if rows else []


async def graph_version(tx: Tx) -> int | None:
    """The graph's change count, None before the first load or write."""
    rows = await records(tx, Q.GRAPH_VERSION)
    version = rows[0]["version"] if rows else None
    return None if version is None else int(version)


async def count_credentials(tx: Tx) -> int:
    """How many credentials the database holds."""
    rows = await records(tx, Q.COUNT_CREDENTIALS)
    return int(rows[0]["n"])


# --- plain lookups ---------------------------------------------------------------------


async def frameworks(tx: Tx) -> list[Framework]:
    """Every framework with its levels."""
    rows = await records(tx, Q.FRAMEWORKS)
    return [codec.framework_from(r["framework"], r["levels"]) for r in rows]


async def framework(tx: Tx, code: str) -> Framework | None:
    """One framework, or None."""
    rows = await records(tx, Q.FRAMEWORK_BY_CODE, code=code)
    return codec.framework_from(rows[0]["framework"], rows[0]["levels"]) if rows else None


async def levels_by_key(tx: Tx) -> dict[tuple[str, str], Level]:
    """Every level by (framework, code)."""
    return level_table(codec.level_from(lv) for lv in await _one(tx, Q.LEVELS, "levels"))


async def credentials(tx: Tx, ids: Sequence[str]) -> dict[str, Credential]:
    """The credentials among ids that exist, by id."""
    if not ids:
        return {}
    rows = await _one(tx, Q.CREDENTIALS_BY_ID, "credentials", ids=list(dict.fromkeys(ids)))
    found = (codec.credential_from(props) for props in rows)
    return {c.id: c for c in found}


async def nodes_by_id(
    tx: Tx, name: Q, ids: Sequence[str], build: Callable[[Mapping[str, Any]], V]
) -> dict[str, V]:
    """Providers or skills among ids that exist, by id."""
    if not ids:
        return {}
    rows = await _one(tx, name, "rows", ids=list(dict.fromkeys(ids)))
    return {props["id"]: build(props) for props in rows}


async def stacks_into(tx: Tx, ids: Sequence[str]) -> dict[str, list[Credential]]:
    """For each id, the credentials whose rules name it, by id."""
    rows = await _one(tx, Q.STACKS_INTO, "rows", ids=list(dict.fromkeys(ids)))
    found = {
        row["id"]: sorted(map(codec.credential_from, row["credentials"]), key=lambda c: c.id)
        for row in rows
    }
    return {i: found.get(i, []) for i in ids}


def _recognitions(rows: Sequence[Row]) -> list[Recognition]:
    return [codec.recognition_from(r["from"], r["to"], r["recognition"]) for r in rows]


async def recognitions_from(tx: Tx, ids: Sequence[str]) -> dict[str, list[Recognition]]:
    """For each id, the decisions recorded from it, by target id."""
    rows = await _one(tx, Q.RECOGNITIONS_FROM, "rows", ids=list(dict.fromkeys(ids)))
    out: dict[str, list[Recognition]] = {i: [] for i in ids}
    for rec in sorted(_recognitions(rows), key=lambda r: r.to_id):
        out[rec.from_id].append(rec)
    return out


async def snapshot(tx: Tx) -> Graph:
    """The whole graph."""
    fws = await frameworks(tx)
    provs = [codec.provider_from(p) for p in await _one(tx, Q.ALL_PROVIDERS, "rows")]
    skills = [codec.skill_from(p) for p in await _one(tx, Q.ALL_SKILLS, "rows")]
    creds = [codec.credential_from(p) for p in await _one(tx, Q.ALL_CREDENTIALS, "credentials")]
    recs = _recognitions(await records(tx, Q.ALL_RECOGNITIONS))
    return Graph(
        frameworks={f.code: f for f in eqf_first(fws)},
        providers={p.id: p for p in sorted(provs, key=lambda p: p.id)},
        skills={s.id: s for s in sorted(skills, key=lambda s: s.id)},
        credentials={c.id: c for c in sorted(creds, key=lambda c: c.id)},
        recognitions=tuple(sorted(recs, key=lambda r: (r.from_id, r.to_id))),
    )


# --- planning --------------------------------------------------------------------------


async def _require(tx: Tx, ids: Sequence[tuple[str, str]]) -> dict[str, Credential]:
    """The credentials (id, role) name; NotFound for the first that does not exist."""
    found = await credentials(tx, [i for i, _ in ids])
    for cid, role in ids:
        if cid not in found:
            raise NotFound.no_such(role, cid)
    return found


async def planning_context(tx: Tx, target: str, held: Sequence[str]) -> PlanningContext:
    """The target, its rule credentials, the held ones and their closure, in one query."""
    record = await _single(tx, Q.PLANNING_CLOSURE, target=target, held=list(held))
    rows = record["found"] if record is not None else []
    found = {c.id: c for c in (credential(r["credential"]) for r in rows)}
    # The target and the held credentials seed the closure: absent from it, they do not exist.
    for cid, role in [(target, "target credential"), *((h, "held credential") for h in held)]:
        if cid not in found:
            raise NotFound.no_such(role, cid)
    creds = {target: found[target]} | {cid: found[cid] for cid in sorted(found)}
    recs = (
        codec.recognition_from(into["from"], row["credential"]["id"], into["props"])
        for row in rows
        for into in row["into"]
    )
    return PlanningContext(
        target=found[target], held=frozenset(held), credentials=creds, recognitions=by_pair(recs)
    )


async def skill_gap_context(tx: Tx, skills: Sequence[str], held: Sequence[str]) -> SkillGapContext:
    """The asked skills, their teachers, the held credentials and their closure."""
    found_skills = await nodes_by_id(tx, Q.SKILLS_BY_ID, list(skills), codec.skill_from)
    for sid in skills:
        if sid not in found_skills:
            raise NotFound(f"No skill with id '{sid}'.", id=sid)
    await _require(tx, [(h, "held credential") for h in held])
    record = await _single(tx, Q.SKILL_GAP_CLOSURE, skills=list(skills), held=list(held))
    rows = record["found"] if record is not None else []
    found = {c.id: c for c in (credential(r["credential"]) for r in rows)}
    recs: dict[tuple[str, str], Recognition] = {}
    for row in rows:
        to_id = row["credential"]["id"]
        for into in row["into"]:
            rec = codec.recognition_from(into["from"], to_id, into["props"])
            recs[(rec.from_id, rec.to_id)] = rec
    return SkillGapContext(
        skills={sid: found_skills[sid] for sid in skills},
        held=frozenset(held),
        credentials={cid: found[cid] for cid in sorted(found)},
        recognitions=tuple(recs[k] for k in sorted(recs)),
    )


async def qualifications_touching(tx: Tx, held: Sequence[str]) -> list[str]:
    """Credentials whose rules name a held credential or what one is recognised as."""
    await _require(tx, [(h, "held credential") for h in held])
    rows = await records(tx, Q.QUALIFICATIONS_TOUCHING, held=list(held))
    return sorted(str(r["id"]) for r in rows)


# --- equivalence -----------------------------------------------------------------------


class ShapeCounts:
    """A replica's count of credentials per shape, kept for one graph version."""

    def __init__(self) -> None:
        self.version: int | None = None
        self.counts: list[tuple[str, int]] | None = None
        self.bare: list[tuple[str, int]] = []

    async def at(self, tx: Tx, version: int | None, bare_only: bool) -> list[tuple[str, int]]:
        """The counts as of `version` (only shapes listing no outcomes if `bare_only`)."""
        if self.counts is None or version is None or version != self.version:
            rows = await _one(tx, Q.SHAPE_COUNTS, "counts")
            self.counts = [(str(shape), int(n)) for shape, n in rows]
            self.bare = [(shape, n) for shape, n in self.counts if not shape_lists_outcomes(shape)]
            self.version = version
        return self.bare if bare_only else self.counts


LOAD_CACHE_SKILLS = 20_000
"""Skills a replica keeps per load at most (a real taxonomy holds about 14,000)."""

HELD_CACHE_BYTES = 64 << 20
"""Most bytes of packed skill holders a replica keeps for search (a million credentials
holding six skills each pack into 48 MB)."""


class LoadCache:
    """What only a load changes (the levels, the skills and their index, the credentials' id
    order, the skills' packed holders), kept by a replica for one load.

    Keyed by the switch marker the replica saw last: a read that ran on another load's graph
    sees the marker move after it and runs again (switch.Seqlock), by then on an emptied cache.
    """

    def __init__(self) -> None:
        self.mark: object = None
        self.levels: LevelTable | None = None
        self.skills: dict[str, Skill | None] = {}
        self.skill_index: SkillIndex | None = None
        self.skill_index_read = False
        self.frameworks: list[Framework] | None = None
        self.order: IdOrder | None = None
        self.held: dict[int, bytes] = {}
        self.held_bytes = 0
        self.epoch = 0
        """Counts emptyings: what a read began before one must not be kept after it."""

    def at(self, mark: object) -> LoadCache:
        """The cache for `mark` (emptied if it moved); a throwaway one mid-switch or unseen."""
        if mark is None or getattr(mark, "phase", None) is not None:
            return LoadCache()
        if mark != self.mark or len(self.skills) > LOAD_CACHE_SKILLS:
            self.mark, self.levels, self.skills = mark, None, {}
            self.skill_index, self.skill_index_read = None, False
            self.frameworks, self.order = None, None
            self.held, self.held_bytes = {}, 0
            self.epoch += 1
        return self

    async def framework_list(self, tx: Tx) -> list[Framework]:
        """Every framework with its levels (what validating a write checks levels against)."""
        if self.frameworks is None:
            self.frameworks = await frameworks(tx)
        return self.frameworks

    async def level_table(self, tx: Tx) -> LevelTable:
        """Every level by (framework, code)."""
        if self.levels is None:
            self.levels = await levels_by_key(tx)
        return self.levels

    async def skill_search(self, tx: Tx) -> SkillIndex | None:
        """The skills' labels indexed for search (None: more skills than a replica indexes)."""
        if not self.skill_index_read:
            epoch = self.epoch
            index = await skillsearch.read(tx)
            if epoch == self.epoch:  # else read for the load before, and not to be kept
                self.skill_index, self.skill_index_read = index, True
            return index
        return self.skill_index

    async def id_order(self, tx: Tx) -> IdOrder:
        """The load's credentials in id order, as node ids (search caps its titles by it)."""
        if self.order is None:
            epoch = self.epoch
            order = await idorder.read(tx)
            if epoch == self.epoch:
                self.order = order
            return order
        return self.order

    def keep_held(self, epoch: int, skill: int, held: bytes) -> None:
        """Keep a skill's packed holders read in `epoch` (a skill is packed once a load, so
        they hold until the next), while HELD_CACHE_BYTES allows."""
        if epoch != self.epoch:
            return
        if skill not in self.held and self.held_bytes + len(held) <= HELD_CACHE_BYTES:
            self.held[skill] = held
            self.held_bytes += len(held)

    async def skills_named(self, tx: Tx, creds: Iterable[Credential]) -> dict[str, Skill]:
        """The skills the outcomes of `creds` name that exist, by id; one round trip for
        those not kept yet."""
        named = sorted({s for c in creds for o in c.outcomes for s in o.skills})
        missing = [sid for sid in named if sid not in self.skills]
        if missing:
            found = await nodes_by_id(tx, Q.SKILLS_BY_ID, missing, codec.skill_from)
            self.skills.update({sid: found.get(sid) for sid in missing})
        return {sid: s for sid in named if (s := self.skills[sid]) is not None}


async def equivalence_context(
    tx: Tx,
    credential_id: str,
    country: str | None,
    limit: int,
    reach: Reach | None = None,
    shapes: ShapeCounts | None = None,
    loaded: LoadCache | None = None,
) -> EquivalenceContext:
    """The credential, recorded decisions from it, its Cypher shortlist: one round trip.

    With `reach`, the credentials of the shapes it needs (domain.equivalence.reach) come
    in a second one when there are any the shortlist did not hold.
    """
    row = await _single(
        tx,
        Q.EQUIVALENCE_CONTEXT,
        id=credential_id,
        min_df=MIN_MAX_DF,
        df_share=MAX_DF_SHARE,
        country_key=codec.country_key(country) if country is not None else None,
        no_eqf=NO_EQF,
        limit=max(0, limit),
    )
    if row is None:
        raise NotFound.no_such("credential", credential_id)
    cred = credential(row["credential"])
    recs = [codec.recognition_from(cred.id, r["to"], r["props"]) for r in row["recs"]]
    found = {c.id: c for c in map(credential, [*row["targets"], *row["short"]])}
    ids = dict.fromkeys([*(r.to_id for r in recs), *(p["id"] for p in row["short"])])
    kept = loaded or LoadCache()
    levels = await kept.level_table(tx)
    if reach is not None:
        counts = await (shapes or ShapeCounts()).at(tx, row["version"], bool(cred.outcomes))
        wanted = shapes_to_reach(cred, counts, levels, country, reach, len(recs))
        if wanted:
            more = await _single(tx, Q.CREDENTIALS_BY_SHAPE, shapes=wanted, known=[cred.id, *found])
            for props in more["credentials"] if more is not None else ():
                extra = credential(props)
                found[extra.id] = extra
                ids[extra.id] = None
    return EquivalenceContext(
        credential=cred,
        candidates=tuple(found[i] for i in ids if i != cred.id),
        levels=levels,
        skills=await kept.skills_named(tx, [cred, *found.values()]),
        recognitions=tuple(recs),
    )


async def pair_context(tx: Tx, a: str, b: str) -> EquivalenceContext:
    """Context for comparing a with exactly b."""
    found = await _require(tx, [(a, "credential"), (b, "credential")])
    recs = (await recognitions_from(tx, [a]))[a]
    return await _context(tx, found[a], [found[b]], recs, keep_self=True)


async def draft_equivalence_context(
    tx: Tx, cred: Credential, exclude_country: str | None, limit: int, country: str | None = None
) -> EquivalenceContext:
    """A draft's Cypher shortlist outside `exclude_country`, of `country`; no decisions."""
    short: list[Credential] = []
    if limit > 0:
        ref = cred.level
        table = await levels_by_key(tx)
        level = table.get((ref.framework, ref.code)) if ref is not None else None
        rows = await _one(
            tx,
            Q.SHORTLIST_DRAFT,
            "credentials",
            id=cred.id,
            skills=sorted(credential_skills(cred)),
            tokens=sorted(index_tokens(cred)),
            eqf=list(level.eqf) if level is not None else [],
            min_df=MIN_MAX_DF,
            df_share=MAX_DF_SHARE,
            exclude_key=codec.country_key(exclude_country) if exclude_country else None,
            country_key=codec.country_key(country) if country is not None else None,
            no_eqf=NO_EQF,
            limit=limit,
        )
        short = [codec.credential_from(props) for props in rows]
    return await _context(tx, cred, short, (), keep_self=False)


async def provider_credentials(tx: Tx, provider_id: str) -> list[Credential]:
    """The credentials a provider offers, by id; NotFound for an unknown provider."""
    rows = await records(tx, Q.PROVIDER_CREDENTIALS, id=provider_id)
    if not rows:
        raise NotFound.no_such("provider", provider_id)
    found = [codec.credential_from(props) for props in rows[0]["credentials"]]
    return sorted(found, key=lambda c: c.id)


async def _context(
    tx: Tx,
    cred: Credential,
    found: Sequence[Credential],
    recs: Sequence[Recognition],
    keep_self: bool,
) -> EquivalenceContext:
    async def fetch_skills(ids: list[str]) -> dict[str, Skill]:
        return await nodes_by_id(tx, Q.SKILLS_BY_ID, ids, codec.skill_from)

    levels = await levels_by_key(tx)
    return await build_equivalence_context(
        cred, found, recs, levels, fetch_skills, keep_self=keep_self
    )
