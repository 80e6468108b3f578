"""Neo4j loads: small transactions into a staged copy, one switch, and clear memory errors."""

from __future__ import annotations

import asyncio

import anyio.from_thread
import pytest

from pathways.errors import StoreOutOfMemory, StoreUnavailable
from pathways.model import Graph
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore
from tests.support import neo4j_stores as support

pytestmark = pytest.mark.neo4j

LEFTOVERS = (
    "MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'Staged' OR l STARTS WITH 'Retired')"
    " RETURN count(n) AS n"
)


async def _leftovers(store: Neo4jStore) -> int:
    async with store._session() as session:
        record = await (await session.run(LEFTOVERS)).single(strict=True)
        return int(record["n"])


def test_readers_see_the_old_graph_or_the_new_one_never_half_a_load(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    neo4j_uri: str,
    small_graph: Graph,
    shipped_graph: Graph,
) -> None:
    loop.call(neo.replace_graph, small_graph)
    reader = Neo4jStore(neo4j_uri)
    seen: set[str] = set()
    messages: list[str] = []

    async def go() -> None:
        await reader.open()
        done = asyncio.Event()

        async def poll() -> None:
            while not done.is_set():
                seen.add((await reader.health()).detail)
                await asyncio.sleep(0.01)

        poller = asyncio.create_task(poll())
        try:
            await neo.load_graph(shipped_graph, replace=True, progress=messages.append)
        finally:
            done.set()
            await poller
            seen.add((await reader.health()).detail)
            await reader.close()

    loop.call(go)
    counts = {f"{len(g.credentials)} credentials" for g in (small_graph, shipped_graph)}
    assert seen <= counts and f"{len(shipped_graph.credentials)} credentials" in seen
    # many transactions, one switch, nothing left behind
    assert sum(m.startswith("links") for m in messages) >= 1
    assert "switching the new graph live (one transaction)" in messages
    assert loop.call(_leftovers, neo) == 0
    both = support.Both(loop, MemoryStore(shipped_graph), neo)
    for cid in sorted(shipped_graph.credentials)[:20]:
        both.same("planning_context", cid, [])
        both.same("equivalence_context", cid, None, 20)


def test_a_failed_load_leaves_the_graph_as_it_was_and_the_next_drops_what_it_staged(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    small_graph: Graph,
    shipped_graph: Graph,
) -> None:
    loop.call(neo.replace_graph, small_graph)
    before = support.plain(loop.call(neo.snapshot))
    seen: list[str] = []

    def interrupt(message: str) -> None:
        seen.append(message)
        if message.startswith("links"):  # nodes are written, relationships half-way
            raise RuntimeError(message)

    async def failing() -> None:
        await neo.load_graph(shipped_graph, replace=True, progress=interrupt)

    with pytest.raises(RuntimeError):
        loop.call(failing)
    assert any(m.startswith("credentials") for m in seen)
    assert support.plain(loop.call(neo.snapshot)) == before
    assert loop.call(_leftovers, neo) > 0  # the staged half, invisible to every read
    assert loop.call(neo.health).detail == f"{len(small_graph.credentials)} credentials"
    loop.call(neo.replace_graph, shipped_graph)
    assert loop.call(_leftovers, neo) == 0
    mem, db = loop.call(MemoryStore(shipped_graph).snapshot), loop.call(neo.snapshot)
    assert support.plain(db.credentials) == support.plain(mem.credentials)


def test_running_out_of_memory_is_not_reported_as_an_outage(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore
) -> None:
    # A real one: a list larger than the server's transaction memory pool (70 % of heap).
    async def go() -> None:
        async with neo._session() as session:
            result = await session.run("UNWIND range(1, 400000000) AS i RETURN collect(i) AS xs")
            await result.consume()

    with pytest.raises(StoreOutOfMemory, match="ran out of memory") as caught:
        loop.call(go)
    assert not isinstance(caught.value, StoreUnavailable)
    assert caught.value.code == "STORE_OUT_OF_MEMORY"
    assert "NEO4J_LOCAL_HEAP" in caught.value.message
