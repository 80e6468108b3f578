"""The commit warm-up and what the write warm-up does before planning: the graph, its
version, search and listing stay as they were, readers never see a warm-up node, and a
real write during the warm-up goes through."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import anyio.from_thread
import pytest
from neo4j import AsyncGraphDatabase

from pathways.model import Graph
from pathways.store.base import SearchFilter
from pathways.store.neo4j import Neo4jStore, reads, warmup
from pathways.store.neo4j import store as store_module
from tests.support import neo4j_stores as support
from tests.support.gates import HeldGate

pytestmark = pytest.mark.neo4j

WARM_NODES = "MATCH (w:PathwaysWarmUp) RETURN count(w) AS n"
ALL_NODES = "MATCH (n) RETURN count(n) AS n"
GRAPH_LABELS = {"Credential", "Framework", "Level", "Provider", "Skill", "Token", "OutcomeKey"}


async def _one(uri: str, statement: str, params: dict[str, Any] | None = None) -> Any:
    async with AsyncGraphDatabase.driver(uri) as driver:
        records, _summary, _keys = await driver.execute_query(statement, params, database_="neo4j")
        return records[0]["n"] if records else None


def _seen(loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore) -> dict[str, object]:
    """What readers see: the graph, its version, a search, a listing, the health count."""
    return {
        "graph": support.plain(loop.call(neo.snapshot)),
        "version": loop.call(neo._read, reads.graph_version),
        "search": support.plain(loop.call(neo.search, SearchFilter(text="welding"), 20, None)),
        "listing": support.plain(loop.call(neo.search, SearchFilter(), 50, None)),
        "country": support.plain(loop.call(neo.search, SearchFilter(country="IE"), 50, None)),
        "health": loop.call(neo.health).detail,
    }


def test_the_warm_up_leaves_what_readers_see_as_it_was(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    before = _seen(loop, neo)
    nodes = loop.call(_one, neo.uri, ALL_NODES)
    loop.call(neo.warm_up)  # rolled-back writes, validation reads, committed warm-up
    assert _seen(loop, neo) == before
    assert loop.call(_one, neo.uri, ALL_NODES) == nodes
    assert loop.call(_one, neo.uri, WARM_NODES) == 0


def test_readers_never_see_a_warm_up_node_and_a_real_write_goes_through(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    """The commit warm-up is held after its first transaction committed its nodes."""
    loop.call(neo.replace_graph, small_graph)
    before = _seen(loop, neo)
    real = small_graph.credentials["ie-mig"]
    seen: dict[str, object] = {}
    held_view: dict[str, object] = {}

    async def go() -> None:
        gate = HeldGate(2)  # the nodes are committed, their removal not yet run

        warming = asyncio.create_task(warmup.warm_commits(neo._session, gate))
        await asyncio.wait_for(gate.held.wait(), 120)
        seen["warm nodes"] = await _one(neo.uri, WARM_NODES)
        # while held, before the real write: what readers see is the graph as it was
        held_view.update(
            graph=support.plain(await neo.snapshot()),
            health=(await neo.health()).detail,
        )
        write = asyncio.create_task(
            neo.upsert_credential(dataclasses.replace(real, title=real.title + " (revised)"))
        )
        finished, _ = await asyncio.wait({write}, timeout=120)  # a guard, not a timing
        seen["write"] = "done" if write in finished else "waiting"
        gate.release.set()
        await warming
        await write

    loop.call(go)
    assert seen == {"warm nodes": 2, "write": "done"}
    assert held_view == {"graph": before["graph"], "health": before["health"]}
    assert loop.call(_one, neo.uri, WARM_NODES) == 0
    written = loop.call(neo.credential, real.id)
    assert written is not None and written.title == real.title + " (revised)"


def test_a_warm_up_left_behind_by_a_stopped_replica_is_removed(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore
) -> None:
    stale = warmup.STALE_S + 60
    loop.call(
        _one,
        neo.uri,
        "CREATE (:PathwaysWarmUp {key: 'left', at: datetime() - duration({seconds: $s})})"
        " CREATE (:PathwaysWarmUp {key: 'starting', at: datetime()}) RETURN 0 AS n",
        {"s": stale},
    )
    loop.call(warmup.warm_commits, neo._session)
    # the stale one goes; one another replica is warming with right now stays
    left = "MATCH (w:PathwaysWarmUp) RETURN collect(w.key) AS n"
    assert loop.call(_one, neo.uri, left) == ["starting"]
    loop.call(_one, neo.uri, "MATCH (w:PathwaysWarmUp) DELETE w RETURN 0 AS n")


def test_the_writes_are_warmed_before_the_validation_reads(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rolled-back write may create a name the graph lacked (a relationship type, a
    property key); a read planned before that is planned again on first use."""
    order: list[str] = []
    writes, reads_ = warmup.warm_up, store_module.neighbourhood

    async def recording_writes(*args: Any) -> None:
        order.append("writes")
        await writes(*args)

    async def recording_reads(*args: Any, **kwargs: Any) -> Any:
        order.append("reads")
        return await reads_(*args, **kwargs)

    monkeypatch.setattr(warmup, "warm_up", recording_writes)
    monkeypatch.setattr(store_module, "neighbourhood", recording_reads)
    loop.call(neo.warm_up)
    assert order[0] == "writes" and "reads" in order and "writes" not in order[1:]


def test_a_load_leaves_the_index_statistics_up_to_date(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)

    async def lagging() -> list[object]:
        async with AsyncGraphDatabase.driver(neo.uri) as driver:
            records, _s, _k = await driver.execute_query(
                "CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data",
                database_="neo4j",
            )
        return [
            (ix["labels"], ix["properties"], ix["updatesSinceEstimation"])
            for ix in records[0]["data"]["indexes"]
            if set(ix.get("labels") or ()) & GRAPH_LABELS and ix["updatesSinceEstimation"]
        ]

    # the load asked for the samples before it returned
    assert loop.call(lagging) == []
