"""The listing's totals on Neo4j come from counters that loads and writes keep: they must
equal the embedded store's counts after loads, writes that move a credential between
facets, a rolled-back write and a replacing load."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools

import anyio.from_thread
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from neo4j import AsyncGraphDatabase

from pathways.errors import PathwaysError
from pathways.model import Credential, CredentialKind, Graph, LevelRef
from pathways.store.base import SearchFilter
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore, codec, counters
from pathways.store.neo4j.catalog import Q, query
from tests.support.neo4j_stores import Both

pytestmark = pytest.mark.neo4j

SET_PHASE = "MERGE (s:PathwaysMeta {key: 'switch'}) SET s.phase = $phase"


def _filters(graph: Graph) -> list[SearchFilter]:
    """Every combination of each facet's values in `graph`, none, and one no credential has."""
    creds = graph.credentials.values()
    countries = [*sorted({c.country for c in creds if c.country}), "ZZ", None]
    eqf = sorted({e for fw in graph.frameworks.values() for lv in fw.levels for e in lv.eqf})
    combos = itertools.product(countries, [*CredentialKind, None], [*eqf, 8, None])
    return [SearchFilter(country=c, kind=k, eqf_level=e) for c, k, e in combos]


def _same_listings(both: Both, graph: Graph) -> None:
    for flt in _filters(graph):
        both.same("search", flt, 3, None)


def _levels(graph: Graph) -> list[LevelRef | None]:
    refs = [LevelRef(fw.code, lv.code) for fw in graph.frameworks.values() for lv in fw.levels]
    return [None, *sorted(refs, key=lambda r: (r.framework, r.code))]


def test_counts_after_a_load_and_a_replacing_load(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    small_graph: Graph,
    shipped_graph: Graph,
) -> None:
    loop.call(neo.replace_graph, shipped_graph)
    _same_listings(Both(loop, MemoryStore(shipped_graph), neo), shipped_graph)
    loop.call(neo.replace_graph, small_graph)
    _same_listings(Both(loop, MemoryStore(small_graph), neo), small_graph)


@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_counts_follow_writes_that_move_a_credential(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph, data: st.DataObject
) -> None:
    loop.call(neo.replace_graph, small_graph)
    both = Both(loop, MemoryStore(small_graph), neo)
    ids = sorted(small_graph.credentials)
    for _ in range(data.draw(st.integers(1, 3))):
        base = small_graph.credentials[data.draw(st.sampled_from(ids))]
        cred = dataclasses.replace(
            base,
            id=data.draw(st.sampled_from([base.id, f"{base.id}-new"])),
            country=data.draw(st.sampled_from(["IE", "EE", "FR"])),
            kind=data.draw(st.sampled_from(list(CredentialKind))),
            level=data.draw(st.sampled_from(_levels(small_graph))),
        )
        for store in (both.memory, both.neo4j):
            both.call(store.upsert_credential, cred)
    _same_listings(both, small_graph)


def test_a_rolled_back_write_leaves_the_counts(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, neo4j_uri: str, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    both = Both(loop, MemoryStore(small_graph), neo)
    base = small_graph.credentials[sorted(small_graph.credentials)[0]]
    other = next(k for k in CredentialKind if k != base.kind)
    moved: Credential = dataclasses.replace(base, country="FR", kind=other)

    async def phase(value: str | None) -> None:
        async with AsyncGraphDatabase.driver(neo4j_uri) as driver:
            await driver.execute_query(SET_PHASE, {"phase": value}, database_="neo4j")

    # a write that meets a switch under way rolls back after its counters moved
    loop.call(phase, "retire")
    try:
        with pytest.raises(PathwaysError):
            loop.call(neo.upsert_credential, moved)
    finally:
        loop.call(phase, None)
    _same_listings(both, small_graph)


# --- a database whose counters cannot be trusted: counted, then backfilled ------------------

DROP_COUNTERS = "MATCH (k:ListingCount) DETACH DELETE k WITH count(*) AS n MATCH (m:PathwaysMeta {key: 'listing'}) DELETE m"
WRONG_COUNTERS = "MATCH (k:ListingCount) SET k.n = k.n + 7"
FORGET_MARK = "MATCH (m:PathwaysMeta {key: 'listing'}) REMOVE m.generation"
STATE = """
OPTIONAL MATCH (m:PathwaysMeta {key: 'listing'})
OPTIONAL MATCH (s:PathwaysMeta {key: 'switch'})
CALL () { MATCH (k:ListingCount) RETURN count(k) AS counters }
RETURN m.generation AS marked, coalesce(s.generation, 0) AS generation, counters
"""


def _cypher(loop: anyio.from_thread.BlockingPortal, uri: str, text: str) -> dict[str, object]:
    async def run() -> dict[str, object]:
        async with AsyncGraphDatabase.driver(uri) as driver:
            records, _summary, _keys = await driver.execute_query(text, database_="neo4j")
        return dict(records[0]) if records else {}

    result: dict[str, object] = loop.call(run)
    return result


def _opened(loop: anyio.from_thread.BlockingPortal, uri: str) -> Neo4jStore:
    store = Neo4jStore(uri)
    loop.call(store.open)
    return store


def _move(graph: Graph, n: int) -> list[Credential]:
    """`n` credentials of `graph` moved to another country and kind, and one new one."""
    kinds = list(CredentialKind)
    moved = [
        dataclasses.replace(c, country="FR", kind=kinds[(kinds.index(c.kind) + 1) % len(kinds)])
        for c in [graph.credentials[i] for i in sorted(graph.credentials)[:n]]
    ]
    first = moved[0]
    return [*moved, dataclasses.replace(first, id=f"{first.id}-copy", country="EE")]


def test_counters_written_by_a_load_are_marked(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, neo4j_uri: str, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    state = _cypher(loop, neo4j_uri, STATE)
    assert state["marked"] == state["generation"]
    assert isinstance(state["counters"], int) and state["counters"] > 0


@pytest.mark.parametrize("broken", [DROP_COUNTERS, FORGET_MARK + " WITH 1 AS x " + WRONG_COUNTERS])
def test_a_database_without_trusted_counters_counts_then_is_backfilled(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    neo4j_uri: str,
    small_graph: Graph,
    broken: str,
) -> None:
    loop.call(neo.replace_graph, small_graph)
    _cypher(loop, neo4j_uri, broken)  # as a load before the counters existed leaves it
    assert _cypher(loop, neo4j_uri, STATE)["marked"] is None
    memory = MemoryStore(small_graph)
    both = Both(loop, memory, neo)
    # the store already open counts the matches, and keeps counting after writes
    _same_listings(both, small_graph)
    for cred in _move(small_graph, 2):
        for store in (memory, neo):
            both.call(store.upsert_credential, cred)
    _same_listings(both, small_graph)
    # a store opening the database counts the facets once and marks them
    fresh = _opened(loop, neo4j_uri)
    try:
        state = _cypher(loop, neo4j_uri, STATE)
        assert state["marked"] == state["generation"]
        _same_listings(Both(loop, memory, fresh), small_graph)
        # what it counted is what writes move from then on
        for cred in _move(small_graph, 3)[1:]:
            for store in (memory, fresh):
                both.call(store.upsert_credential, cred)
        _same_listings(Both(loop, memory, fresh), small_graph)
        # opening again finds them marked and leaves them
        before = _cypher(
            loop, neo4j_uri, "MATCH (k:ListingCount) RETURN collect(elementId(k)) AS ids"
        )
        loop.call(_opened(loop, neo4j_uri).close)
        after = _cypher(
            loop, neo4j_uri, "MATCH (k:ListingCount) RETURN collect(elementId(k)) AS ids"
        )
        assert sorted(after["ids"]) == sorted(before["ids"])  # type: ignore[arg-type]
    finally:
        loop.call(fresh.close)


def test_a_backfill_waits_for_a_credential_write_in_flight(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, neo4j_uri: str, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    _cypher(loop, neo4j_uri, DROP_COUNTERS)
    moved = _move(small_graph, 1)[0]
    memory = MemoryStore(small_graph)
    loop.call(memory.upsert_credential, moved)

    async def race() -> bool:
        async with (
            AsyncGraphDatabase.driver(neo4j_uri) as driver,
            driver.session(database="neo4j") as writing,
            driver.session(database="neo4j") as counting,
        ):
            tx = await writing.begin_transaction()
            # a write, not committed yet: it took the marker's lock first and moved counters
            params = {"write": codec.write_row(moved), "warm": False}
            await (await tx.run(query(Q.WRITE_CREDENTIAL), params)).consume()
            backfill = asyncio.create_task(counting.execute_write(counters.backfill))
            await asyncio.sleep(0.5)
            blocked = not backfill.done()
            await tx.commit()
            assert await backfill
        return blocked

    assert loop.call(race)
    state = _cypher(loop, neo4j_uri, STATE)
    assert state["marked"] == state["generation"]
    _same_listings(Both(loop, memory, neo), small_graph)


def test_no_backfill_while_a_switch_is_under_way(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, neo4j_uri: str, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    _cypher(loop, neo4j_uri, DROP_COUNTERS)
    _cypher(loop, neo4j_uri, "MATCH (s:PathwaysMeta {key: 'switch'}) SET s.phase = 'promote'")

    async def backfill() -> bool:
        async with (
            AsyncGraphDatabase.driver(neo4j_uri) as driver,
            driver.session(database="neo4j") as session,
        ):
            return bool(await session.execute_write(counters.backfill))

    try:
        assert loop.call(backfill) is False
    finally:
        _cypher(loop, neo4j_uri, "MATCH (s:PathwaysMeta {key: 'switch'}) REMOVE s.phase")
    assert _cypher(loop, neo4j_uri, STATE)["counters"] == 0
    assert loop.call(backfill) is True
    _same_listings(Both(loop, MemoryStore(small_graph), neo), small_graph)
