"""The write warm-up plans every write statement, leaves the database as it was, and
never holds up a real write."""

from __future__ import annotations

import asyncio
import dataclasses

import anyio.from_thread
import pytest
from neo4j import AsyncGraphDatabase

from pathways.model import Graph
from pathways.store.neo4j import Neo4jStore, warmup
from pathways.store.neo4j.catalog import Q
from tests.support import neo4j_stores as support
from tests.support.gates import HeldGate

pytestmark = pytest.mark.neo4j

# Everything in the database, counted directly: the store's own reads could miss a node
# the warm-up left behind (a token, a decision, a staged label).
EVERYTHING = """
MATCH (n) WITH count(n) AS nodes, collect(DISTINCT labels(n)) AS labels
OPTIONAL MATCH ()-[r]->() WITH nodes, labels, count(r) AS rels
OPTIONAL MATCH (m:PathwaysMeta) RETURN nodes, labels, rels, collect(m.version) AS versions
"""


async def _everything(uri: str) -> dict[str, object]:
    async with AsyncGraphDatabase.driver(uri) as driver:
        records, _summary, _keys = await driver.execute_query(EVERYTHING, database_="neo4j")
        found = records[0].data()
        found["labels"] = sorted(map(str, found["labels"]))
        return found


def test_every_write_statement_is_warmed() -> None:
    warmed = {name for steps in warmup.transactions() for name, _params in steps}
    assert {Q.WRITE_CREDENTIAL, Q.MERGE_RECOGNITIONS, Q.BUMP_VERSION} <= warmed
    # every statement gets parameters to run on, so it runs and is planned, not skipped
    assert all(
        params
        for steps in warmup.transactions()
        for name, params in steps
        if name != Q.BUMP_VERSION
    )


def test_the_warm_up_writes_nothing(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    before = loop.call(_everything, neo.uri)
    snapshot = support.plain(loop.call(neo.snapshot))
    loop.call(neo.warm_up)
    assert loop.call(_everything, neo.uri) == before
    assert support.plain(loop.call(neo.snapshot)) == snapshot
    assert warmup.WARM_ID not in loop.call(neo.credentials, [warmup.WARM_ID])


def test_a_serving_store_takes_requests_once_warm(
    loop: anyio.from_thread.BlockingPortal, neo4j_uri: str
) -> None:
    async def go() -> bool:
        store = Neo4jStore(neo4j_uri)
        store.warm_writes = True
        store.ready_wait_s = 600.0  # as `pathways serve` sets it
        await store.open()
        warming = store._warming
        done = warming is not None and warming.done()  # open() waited for it
        await store.close()
        return done

    assert loop.call(go)


def test_a_real_write_during_the_warm_up_does_not_wait_for_it(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    """The warm-up is held inside its transaction, its credential written once and not rolled
    back, while a real write of a credential with a provider, level, skills and a
    prerequisite goes through."""
    loop.call(neo.replace_graph, small_graph)
    real = small_graph.credentials["ie-mig"]
    assert real.provider and real.level and real.prerequisites and real.outcomes
    statements = len(warmup.transactions()[0])
    assert statements == 2
    events: list[str] = []

    async def go() -> None:
        gate = HeldGate(statements)  # before its second statement: the first ran, not rolled back

        warming = asyncio.create_task(warmup.warm_up(neo._session, gate))
        await asyncio.wait_for(gate.held.wait(), 120)
        events.append("warm-up held")
        write = asyncio.create_task(
            neo.upsert_credential(dataclasses.replace(real, title=real.title + " (revised)"))
        )
        finished, _ = await asyncio.wait({write}, timeout=120)  # a guard, not a timing
        events.append("real write done" if write in finished else "real write waiting")
        gate.release.set()
        await warming
        await write
        events.append("warm-up done")

    loop.call(go)
    assert events == ["warm-up held", "real write done", "warm-up done"]
    written = loop.call(neo.credential, real.id)
    assert written is not None and written.title == real.title + " (revised)"
    assert warmup.WARM_ID not in loop.call(neo.credentials, [warmup.WARM_ID])
