"""Neo4j loads: small transactions into a staged copy, a batched switch, clear memory errors."""

from __future__ import annotations

import asyncio
import operator
from dataclasses import replace

import anyio.from_thread
import pytest

from pathways.errors import BadUserInput, StoreOutOfMemory, StoreUnavailable
from pathways.model import Graph
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore, switch
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
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Tiny batches: the switch takes many transactions, each leaving the labels mixed,
    # and the reader polls between them.
    monkeypatch.setattr(switch, "SWITCH_BATCH", 7)
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
    # a reader answers the old count, the new one, or (if the switch outlasts its wait)
    # the retryable error, never a count of a half-relabelled graph
    answered = {d for d in seen if not d.startswith("Neo4j is switching")}
    assert answered <= counts and f"{len(shipped_graph.credentials)} credentials" in seen
    # many transactions, a switch in many batches, nothing left behind
    assert sum(m.startswith("links") for m in messages) >= 1
    assert sum(m.startswith("switching: retired") for m in messages) > 5
    assert sum(m.startswith("switching: made live") for m in messages) > 5
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


@pytest.mark.parametrize("stop_at", ["switching: retired", "switching: made live"])
def test_a_switch_interrupted_mid_way_is_refused_to_readers_and_writes_and_finished_next(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    neo4j_uri: str,
    small_graph: Graph,
    shipped_graph: Graph,
    monkeypatch: pytest.MonkeyPatch,
    stop_at: str,
) -> None:
    monkeypatch.setattr(switch, "SWITCH_BATCH", 7)
    monkeypatch.setattr(switch, "SWITCH_WAIT_S", 0.2)
    loop.call(neo.replace_graph, small_graph)

    def interrupt(message: str) -> None:
        if message.startswith(stop_at):  # committed to the new graph, labels half-moved
            raise RuntimeError(message)

    async def failing() -> None:
        await neo.load_graph(shipped_graph, replace=True, progress=interrupt)

    with pytest.raises(RuntimeError):
        loop.call(failing)
    reader = Neo4jStore(neo4j_uri)
    loop.call(reader.open)
    try:
        health = loop.call(reader.health)
        assert not health.ok and "switching" in health.detail
        with pytest.raises(StoreUnavailable, match="switching") as caught:
            loop.call(reader.snapshot)
        assert caught.value.extensions["switching"] is True
        some = next(iter(small_graph.credentials.values()))
        with pytest.raises(StoreUnavailable, match="switching"):
            loop.call(reader.upsert_credential, replace(some, title="written mid-switch"))
        # the next load finishes the switch first: the interrupted load's graph is live
        with pytest.raises(BadUserInput, match="already holds"):
            loop.call(neo.load_graph, small_graph)
        assert loop.call(_leftovers, neo) == 0
        mem, db = loop.call(MemoryStore(shipped_graph).snapshot), loop.call(reader.snapshot)
        assert support.plain(db.credentials) == support.plain(mem.credentials)
        pair = operator.attrgetter("from_id", "to_id")
        assert support.plain(sorted(db.recognitions, key=pair)) == support.plain(
            sorted(mem.recognitions, key=pair)
        )
    finally:
        loop.call(reader.close)


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
