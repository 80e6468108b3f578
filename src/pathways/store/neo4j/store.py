"""The Neo4j store: the same Store answers as the embedded one, from a Neo4j 5 database.

Every statement comes from the Cypher catalog (queries/, see store.cypher) with values
as parameters.  Traversals run in the database (prerequisite closure, candidate
retrieval); scoring and optimisation stay in the shared domain code.  Driver failures
that mean "the database is not there" become StoreUnavailable at once; the driver's
pool reconnects by itself when the database is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from neo4j import (
    READ_ACCESS,
    WRITE_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncSession,
    AsyncTransaction,
    Record,
)
from neo4j import exceptions as neo

from pathways.domain.candidates import DEFAULT_LIMIT
from pathways.domain.equivalence.reach import Reach
from pathways.errors import PathwaysError, StoreOutOfMemory, StoreUnavailable
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
)
from pathways.seeds.inputs import References
from pathways.store.base import Neighbourhood, SearchFilter, SearchKey, SearchPage, StoreHealth
from pathways.store.neo4j import (
    codec,
    counters,
    heating,
    holders,
    loading,
    reads,
    search,
    switch,
    warmup,
)
from pathways.store.neo4j.catalog import Q, query, statements
from pathways.store.neo4j.neighbourhood import neighbourhood
from pathways.wording import counted

log = logging.getLogger("pathways.neo4j")

T = TypeVar("T")
Tx = AsyncManagedTransaction | AsyncTransaction
Progress = Callable[[str], None]

CONNECTION_TIMEOUT_S = 3.0
"""How long opening a connection may take before a request fails with SERVICE_UNAVAILABLE."""

RETRY_TIME_S = 2.0
"""How long a read or small write is retried on a transient failure (a restart in progress)."""

_UNAVAILABLE = (
    neo.ServiceUnavailable,  # includes IncompleteCommit: the outcome of a commit is unknown
    neo.SessionExpired,
    neo.TransientError,
    neo.AuthError,
    neo.DatabaseUnavailable,
    OSError,
)

_NO_SUCH_DATABASE = "Neo.ClientError.Database.DatabaseNotFound"

WARM_UP_WAIT_S = 120.0
"""How long a serving replica's start waits for its warm-up before it takes requests anyway."""

WARM_UP_YIELD_S = 0.01
"""How often the paused write warm-up looks whether the real writes it lets go first are done."""

_OUT_OF_MEMORY = "OutOfMemory"
"""In the codes of Neo4j's memory errors (MemoryPoolOutOfMemoryError, TransactionOutOfMemory...)."""


class Neo4jStore:
    """Store implementation on a Neo4j 5 database through the async official driver."""

    backend = "neo4j"

    def __init__(
        self,
        uri: str = "bolt://127.0.0.1:7687",
        user: str | None = None,
        password: str | None = None,
        database: str = "neo4j",
    ) -> None:
        self.uri = uri
        self.database = database
        self._auth = (user, password or "") if user else None
        self._driver: AsyncDriver | None = None
        self._schema_ready = False
        # (graph version, snapshot): Service validates every write against a snapshot,
        # which takes seconds to decode at 20,000 credentials.
        self._cached: tuple[int, Graph] | None = None
        self._shapes = reads.ShapeCounts()
        self._loaded = reads.LoadCache()
        self._switches = switch.Seqlock()
        self.warm_writes = False
        self.heat_searches = False
        """Whether the warm-up heats the database's search paths (store.neo4j.heating)."""
        self.ready_wait_s = 0.0
        """How long open() waits for the warm-up (`pathways serve` sets WARM_UP_WAIT_S)."""
        self._warming: asyncio.Task[None] | None = None
        self._writes_in_flight = 0  # the warm-up pauses while a real write runs

    @classmethod
    def from_env(cls) -> Neo4jStore:
        """A store configured by NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE."""
        store = cls(
            uri=os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687",
            user=os.environ.get("NEO4J_USER") or None,
            password=os.environ.get("NEO4J_PASSWORD") or None,
            database=os.environ.get("NEO4J_DATABASE") or "neo4j",
        )
        store.warm_writes = True  # a replica (serve): plan the writes before the first one
        store.heat_searches = True
        return store

    # --- connection ----------------------------------------------------------------
    async def open(self, *, strict: bool = False) -> None:
        """Create the driver and the schema; a database that is down only delays the schema.

        With `strict`, a database that is down is StoreUnavailable at once (commands
        that need it now, such as `pathways load`, say so once instead of warning first).
        """
        if self._driver is None:
            self._driver = AsyncGraphDatabase.driver(
                self.uri,
                auth=self._auth,
                connection_timeout=CONNECTION_TIMEOUT_S,
                connection_acquisition_timeout=2 * CONNECTION_TIMEOUT_S,
                max_transaction_retry_time=RETRY_TIME_S,
                # Unknown-type warnings on an empty database are noise, not news.
                notifications_min_severity="OFF",
            )
        if strict:
            await self._ensure_schema()
            return
        try:
            await self._ensure_schema()
        except StoreUnavailable as err:
            # Serving starts anyway: /healthz says why, and the first request that
            # reaches the database creates the schema.
            log.warning("Neo4j not reachable at open, schema deferred: %s", err.message)
            return
        if self._warming is None:
            self._warming = asyncio.create_task(self._warm())
        if self.ready_wait_s > 0:
            # A serving replica takes requests once its statements are planned, so its
            # first requests do not plan them (seconds) while the warm-up competes; a
            # warm-up that takes longer goes on in the background, behind real writes.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._warming), self.ready_wait_s)

    async def _warm(self) -> None:
        # Writes first: their statements are more, and a replica's start may stop waiting
        # (ready_wait_s) before both are done.
        if self.warm_writes:
            await self.warm_up()
        try:
            await self._no_write_in_flight()
            await self._read(lambda tx: search.warm(tx, self._loaded.at(self._switches.seen)))
        except (StoreUnavailable, neo.Neo4jError) as err:
            log.warning("Neo4j search warm-up failed (the first search plans instead): %s", err)
        await self._warm_equivalents()
        if self.heat_searches:
            await self._heat()

    async def _heat(self) -> None:
        """Search until the database's search paths are as fast as they get, within a
        budget (store.neo4j.heating), so the first real searches are not the slow ones."""
        try:
            texts = await self._read_now(heating.sample)
            heated = await heating.heat(
                lambda text: self.search(SearchFilter(text=text), 10, None),
                texts,
                self._no_write_in_flight,
            )
        except (PathwaysError, neo.Neo4jError) as err:
            log.warning("Neo4j search heating failed (the first searches are slower): %s", err)
            return
        log.info(
            "Neo4j search paths heated: %d searches in %.1f s, batch medians %s ms",
            heated.searches,
            heated.seconds,
            ", ".join(map(str, heated.medians)),
        )

    async def _warm_equivalents(self) -> None:
        """Ask `equivalents`' context once: its statements planned, the counts per shape
        and the levels kept, so the first real request pays none of them (hundreds of ms)."""
        try:
            await self._no_write_in_flight()
            first = (await self.search(SearchFilter(), 1, None)).items
            if first:
                await self.equivalence_context(first[0][0].id, None, DEFAULT_LIMIT, Reach(0.0, 5))
        except (PathwaysError, neo.Neo4jError) as err:
            log.warning("Neo4j equivalents warm-up failed (the first request plans): %s", err)

    async def warm_up(self) -> None:
        """Plan the statements of a write in Neo4j, writing nothing (store.neo4j.warmup)."""
        t = time.perf_counter()
        try:
            await self._ensure_schema()
            await self._resample()
            # The writes first: they create any label, type or property name the graph
            # lacks (rolled back, the names stay), and a plan made while a name it
            # mentions was missing is made again once it exists.
            await warmup.warm_up(self._session, self._no_write_in_flight)
            await self._no_write_in_flight()
            first = (await self.search(SearchFilter(), 1, None)).items
            real = first[0][0] if first else None
            for refs in warmup.refs(real):
                await self._no_write_in_flight()
                await self._neighbourhood(refs)
        except (StoreUnavailable, neo.Neo4jError) as err:
            log.warning("Neo4j write warm-up failed (the first write plans instead): %s", err)
            return
        try:
            await warmup.warm_commits(self._session, self._no_write_in_flight)
        except (StoreUnavailable, neo.Neo4jError) as err:
            log.warning("Neo4j commit warm-up failed (the first write pays it): %s", err)
        log.info("Neo4j write statements planned in %.1f s", time.perf_counter() - t)

    async def _resample(self) -> None:
        """Index statistics brought up to date before planning, if the server lets us."""
        try:
            await warmup.resample(self._session)
        except neo.Neo4jError as err:  # a user without the privilege: plans may be redone once
            log.warning("Neo4j index statistics not refreshed: %s", err)

    async def _no_write_in_flight(self) -> None:
        """Returns once no real write runs: the warm-up lets real writes go first."""
        while self._writes_in_flight:
            await asyncio.sleep(WARM_UP_YIELD_S)

    @contextlib.asynccontextmanager
    async def _real_write(self) -> AsyncIterator[None]:
        """Marks a real write (its validation read included) as in flight."""
        self._writes_in_flight += 1
        try:
            yield
        finally:
            self._writes_in_flight -= 1

    async def close(self) -> None:
        """Close the driver (open() makes a new one)."""
        warming, self._warming = self._warming, None
        if warming is not None:
            warming.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await warming
        driver, self._driver = self._driver, None
        if driver is not None:
            await driver.close()

    def _connected(self) -> AsyncDriver:
        if self._driver is None:
            raise StoreUnavailable("The Neo4j store is not open.")
        return self._driver

    @contextlib.asynccontextmanager
    async def _session(self, mode: str = WRITE_ACCESS) -> AsyncIterator[AsyncSession]:
        """A session; driver errors that mean "no database" leave as StoreUnavailable."""
        try:
            driver = self._connected()
            async with driver.session(database=self.database, default_access_mode=mode) as session:
                yield session
        except neo.Neo4jError as exc:
            # Out of memory comes as a transient error, yet it is no outage, and retrying
            # the same transaction fails the same way: say what to raise instead.
            if _OUT_OF_MEMORY in (exc.code or ""):
                raise StoreOutOfMemory(
                    f"Neo4j at {self.uri} ran out of memory for one transaction ({exc.code}): "
                    "raise its heap (server.memory.heap.max_size; NEO4J_LOCAL_HEAP for "
                    "scripts/neo4j-local) or its transaction memory limit.",
                    backend="neo4j",
                ) from exc
            if isinstance(exc, _UNAVAILABLE) or exc.code == _NO_SUCH_DATABASE:
                raise self._unavailable(exc) from exc
            raise
        except _UNAVAILABLE as exc:
            raise self._unavailable(exc) from exc

    def _unavailable(self, exc: Exception) -> StoreUnavailable:
        # The driver's reasons span lines; one line reads better in logs and terminals.
        reason = " ".join(str(exc).split())
        return StoreUnavailable(f"Neo4j at {self.uri} is unavailable: {reason}", backend="neo4j")

    async def _ensure_schema(self) -> None:
        if self._schema_ready:
            return
        async with self._session() as session:
            for statement in statements(Q.SCHEMA):
                await (await session.run(statement)).consume()
        # once per graph loaded before skills packed their holders (search ranks by them)
        await holders.pack_unpacked(self._session)
        await self._backfill_counters()
        self._schema_ready = True

    async def _backfill_counters(self) -> None:
        """A database loaded before the listing's counters gets them (store.neo4j.counters)."""
        t = time.perf_counter()
        try:
            async with self._session() as session:
                counted = await session.execute_write(counters.backfill)
        except (neo.Neo4jError, StoreOutOfMemory) as err:
            # listings count their matches until a later start or load succeeds
            log.warning("Neo4j listing counters not backfilled: %s", err)
            return
        if counted:
            log.info("Neo4j listing counters backfilled in %.1f s", time.perf_counter() - t)

    async def _read(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        """A read in a managed transaction, never of a graph a load is half-way switching."""
        await self._ensure_schema()

        async def attempt() -> tuple[Any, switch.Mark]:
            async with self._session() as session:
                return await session.execute_read(switch.marked(work))

        result: T = await self._switches.read(attempt)
        return result

    async def _read_now(self, work: Callable[[reads.Tx], Awaitable[T]]) -> T:
        """A read whose statements each run as an auto-commit transaction.

        One round trip a statement where a managed transaction adds a BEGIN and a COMMIT:
        for the questions of one or two statements that is most of their time on Neo4j.
        A failure the managed transaction would retry is retried that way instead.
        """
        await self._ensure_schema()
        checked = switch.marked(work)

        async def attempt() -> tuple[Any, switch.Mark]:
            async with self._session(READ_ACCESS) as session:
                return await checked(session)

        try:
            result: T = await self._switches.read(attempt)
        except (neo.TransientError, neo.SessionExpired):
            return await self._read(work)
        except StoreUnavailable as err:
            if err.extensions.get("switching"):
                raise
            return await self._read(work)
        return result

    async def _write(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        """A real write in a managed transaction; the warm-up waits while it runs."""
        async with self._real_write():
            await self._ensure_schema()
            async with self._session() as session:
                return await session.execute_write(work)

    async def health(self) -> StoreHealth:
        """Whether the database answers; the credential count when it does."""
        try:
            n = await self._read(reads.count_credentials)
        except StoreUnavailable as err:
            return StoreHealth(ok=False, backend=self.backend, detail=err.message)
        return StoreHealth(ok=True, backend=self.backend, detail=counted(n, "credential"))

    # --- loading -------------------------------------------------------------------
    async def replace_graph(self, graph: Graph) -> None:
        """Replace everything with `graph` in one transaction."""
        await self.load_graph(graph, replace=True)

    async def load_graph(
        self, graph: Graph, *, replace: bool = False, progress: Progress | None = None
    ) -> None:
        """Write a validated graph in small transactions, then switch it live in one.

        Without `replace` the database must hold no credentials yet.  Readers see the
        old graph until the switch and the new one after it; a failure before the
        switch leaves the old graph as it was (see store.neo4j.loading).
        """
        await self._ensure_schema()
        say = progress or (lambda _msg: None)

        async def count() -> int:
            return await self._read(reads.count_credentials)

        await loading.load(self._session, graph, replace, say, count)
        self._cached = None
        say(f"loaded {counted(len(graph.credentials), 'credential')}")

    async def snapshot(self) -> Graph:
        """The whole graph as model values; cached until the graph's version moves."""

        async def work(tx: Tx) -> tuple[int | None, Graph]:
            # Version first: a change committed between the two reads makes the cached
            # graph newer than its version, which only costs a refetch later.
            version = await reads.graph_version(tx)
            cached = self._cached
            if cached is not None and version == cached[0]:
                return cached
            return version, await reads.snapshot(tx)

        version, graph = await self._read(work)
        self._cached = None if version is None else (version, graph)
        return graph

    async def neighbourhood(self, refs: References) -> Neighbourhood:
        """What validating a write naming `refs` reads: index seeks, one bounded traversal."""
        async with self._real_write():
            return await self._neighbourhood(refs)

    async def _neighbourhood(self, refs: References) -> Neighbourhood:
        # auto-commit reads (no BEGIN and COMMIT round trips), the frameworks kept per load
        return await self._read_now(
            lambda tx: neighbourhood(tx, refs, self._loaded.at(self._switches.seen))
        )

    def _advance(self, version: int, change: Callable[[Graph], Graph]) -> None:
        """Apply our own write to the cached snapshot, unless someone else wrote too."""
        cached = self._cached
        self._cached = (version, change(cached[1])) if cached and version == cached[0] + 1 else None

    # --- reads ---------------------------------------------------------------------
    async def frameworks(self) -> Sequence[Framework]:
        """Every framework, EQF first, then by code."""

        return eqf_first(await self._read(reads.frameworks))

    async def framework(self, code: str) -> Framework | None:
        """One framework by code, or None."""

        return await self._read(lambda tx: reads.framework(tx, code))

    async def credential(self, credential_id: str) -> Credential | None:
        """One credential by id, or None."""
        return (await self.credentials([credential_id])).get(credential_id)

    async def credentials(self, ids: Sequence[str]) -> dict[str, Credential]:
        """The credentials among `ids` that exist, by id, in the order asked."""

        found = await self._read(lambda tx: reads.credentials(tx, ids))
        return {i: found[i] for i in ids if i in found}

    async def providers(self, ids: Sequence[str]) -> dict[str, Provider]:
        """The providers among `ids` that exist, by id."""

        found = await self._read(
            lambda tx: reads.nodes_by_id(tx, Q.PROVIDERS_BY_ID, ids, codec.provider_from)
        )
        return {i: found[i] for i in ids if i in found}

    async def providers_in(self, countries: Sequence[str]) -> dict[str, Provider]:
        """The providers of these countries, by id."""

        wanted = sorted({c.upper() for c in countries})
        found = await self._read(
            lambda tx: reads.nodes_by_id(tx, Q.PROVIDERS_IN, wanted, codec.provider_from)
        )
        return {i: found[i] for i in sorted(found)}

    async def skills(self, ids: Sequence[str]) -> dict[str, Skill]:
        """The skills among `ids` that exist, by id."""

        found = await self._read(
            lambda tx: reads.nodes_by_id(tx, Q.SKILLS_BY_ID, ids, codec.skill_from)
        )
        return {i: found[i] for i in ids if i in found}

    async def stacks_into(self, credential_id: str) -> Sequence[Credential]:
        """Credentials whose requirement rules name this one, by id."""
        return (await self.stacks_into_many([credential_id]))[credential_id]

    async def stacks_into_many(self, ids: Sequence[str]) -> dict[str, list[Credential]]:
        """For each id, the credentials whose requirement rules name it, by id."""
        return await self._read(lambda tx: reads.stacks_into(tx, ids))

    async def recognitions_from(self, credential_id: str) -> Sequence[Recognition]:
        """Recorded decisions whose `from` is this credential, by target id."""
        return (await self.recognitions_from_many([credential_id]))[credential_id]

    async def recognitions_from_many(self, ids: Sequence[str]) -> dict[str, list[Recognition]]:
        """For each id, the decisions recorded from it, by target id."""
        return await self._read(lambda tx: reads.recognitions_from(tx, ids))

    async def search(self, flt: SearchFilter, limit: int, after: SearchKey | None) -> SearchPage:
        """Full-text shortlist and shared scoring, or a keyset listing (store.neo4j.search)."""

        return await self._read(
            lambda tx: search.search(tx, flt, limit, after, self._loaded.at(self._switches.seen))
        )

    async def planning_context(self, target: str, held: Sequence[str]) -> PlanningContext:
        """The target's rule tree, held credentials and their closure, fetched in Cypher."""

        return await self._read_now(lambda tx: reads.planning_context(tx, target, held))

    async def skill_gap_context(
        self, skills: Sequence[str], held: Sequence[str]
    ) -> SkillGapContext:
        """The asked skills, their teachers, the held credentials and their closure."""

        return await self._read_now(lambda tx: reads.skill_gap_context(tx, skills, held))

    async def qualifications_touching(self, held: Sequence[str]) -> Sequence[str]:
        """Ids of credentials whose rules name a held credential or what it is recognised as."""

        return await self._read(lambda tx: reads.qualifications_touching(tx, held))

    async def equivalence_context(
        self, credential_id: str, country: str | None, limit: int, reach: Reach | None = None
    ) -> EquivalenceContext:
        """The credential, its candidate shortlist (run in Cypher), what `reach` adds."""

        return await self._read_now(
            lambda tx: reads.equivalence_context(
                tx,
                credential_id,
                country,
                limit,
                reach,
                self._shapes,
                self._loaded.at(self._switches.seen),
            )
        )

    async def pair_context(self, a: str, b: str) -> EquivalenceContext:
        """Context for comparing a with exactly b."""

        return await self._read(lambda tx: reads.pair_context(tx, a, b))

    async def draft_equivalence_context(
        self,
        credential: Credential,
        exclude_country: str | None,
        limit: int,
        country: str | None = None,
    ) -> EquivalenceContext:
        """A draft's candidate shortlist (run in Cypher) outside `exclude_country`, of `country`."""

        return await self._read(
            lambda tx: reads.draft_equivalence_context(
                tx, credential, exclude_country, limit, country
            )
        )

    async def provider_credentials(self, provider_id: str) -> Sequence[Credential]:
        """The credentials a provider offers, by id."""

        return await self._read(lambda tx: reads.provider_credentials(tx, provider_id))

    # --- writes --------------------------------------------------------------------
    async def upsert_credential(self, credential: Credential) -> None:
        """Insert or replace one credential and redraw its outgoing relationships."""

        params = {"write": codec.write_row(credential), "warm": False}

        async def work(tx: Tx) -> int:
            # one statement, one round trip: the record, its links, the listing's counters
            # and the version bump (queries/write_credential), committed or rolled back whole
            result = await tx.run(query(Q.WRITE_CREDENTIAL), params)
            return _bumped(await result.single(strict=True))

        version = await self._write(work)
        self._advance(
            version,
            lambda g: replace(g, credentials={**g.credentials, credential.id: credential}),
        )

    async def record_recognition(self, recognition: Recognition) -> None:
        """Insert or replace the decision for (from, to)."""
        rows = [codec.recognition_row(recognition)]

        async def work(tx: Tx) -> int:
            await _run(tx, Q.MERGE_RECOGNITIONS, rows=rows)
            return await _bump(tx)

        key = (recognition.from_id, recognition.to_id)

        def change(g: Graph) -> Graph:
            kept = [r for r in g.recognitions if (r.from_id, r.to_id) != key]
            recs = sorted([*kept, recognition], key=lambda r: (r.from_id, r.to_id))
            return replace(g, recognitions=tuple(recs))

        self._advance(await self._write(work), change)


# --- helpers ---------------------------------------------------------------------------


async def _bump(tx: Tx) -> int:
    result = await tx.run(query(Q.BUMP_VERSION))
    return _bumped(await result.single(strict=True))


def _bumped(record: Record) -> int:
    """The graph's new version from a bump's record; a switch under way rolls the write back."""
    if record["switching"] is not None:
        # raised inside the transaction function: the write rolls back, as if never made
        raise switch.switching(f"phase {record['switching']}")
    return int(record["version"])


async def _run(tx: Tx, name: Q, **params: Any) -> None:
    await (await tx.run(query(name), params)).consume()
