"""The write warm-up plans every write statement and leaves the database as it was."""

from __future__ import annotations

import anyio.from_thread
import pytest
from neo4j import AsyncGraphDatabase

from pathways.model import Graph
from pathways.store.neo4j import Neo4jStore, loading, warmup
from pathways.store.neo4j.catalog import Q
from tests.support import neo4j_stores as support

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
    writes = {Q.MERGE_CREDENTIALS, Q.MERGE_RECOGNITIONS, Q.BUMP_VERSION}
    assert writes | set(loading.LINK_QUERIES.values()) <= warmed
    # each link statement gets pairs to run on, so it runs and is planned, not skipped
    assert all(params for steps in warmup.transactions() for _name, params in steps[:-1])


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


def test_a_serving_store_warms_in_the_background(
    loop: anyio.from_thread.BlockingPortal, neo4j_uri: str
) -> None:
    async def go() -> None:
        store = Neo4jStore(neo4j_uri)
        store.warm_writes = True
        await store.open()
        warming = store._warming
        assert warming is not None and not warming.done()  # open() did not wait for it
        await warming
        await store.close()

    loop.call(go)
