"""What a replica keeps per load for search (the id order that caps titles, skills' packed
holders) serves it as the embedded store answers, writes since included."""

from __future__ import annotations

import asyncio
import dataclasses

import anyio.from_thread
import pytest

from pathways.model import Graph
from pathways.store.base import SearchFilter
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore
from pathways.store.neo4j import search as neo4j_search
from pathways.store.neo4j.catalog import Q
from pathways.store.neo4j.reads import LoadCache
from pathways.store.neo4j.switch import Mark
from pathways.store.search import scoring
from tests.support.neo4j_stores import Both

pytestmark = pytest.mark.neo4j

TEXTS = ["welding", "weld metal", "safety", "keevitamine", "care older people", "blueprints"]


@pytest.mark.parametrize("cap", [1, 2, 5])
def test_credentials_written_after_the_order_was_kept_are_capped_by_their_ids(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    small_graph: Graph,
    monkeypatch: pytest.MonkeyPatch,
    cap: int,
) -> None:
    loop.call(neo.replace_graph, small_graph)
    both = Both(loop, MemoryStore(small_graph), neo)
    both.searches_alike(TEXTS)  # the replica reads and keeps the load's id order
    kept = neo._loaded.order
    assert kept is not None
    # copies whose ids sort before, between and after the load's, sharing their titles
    for base in sorted(small_graph.credentials.values(), key=lambda c: c.id)[:6]:
        for new_id in (f"0-{base.id}", f"{base.id}-b", f"zz-{base.id}"):
            copy = dataclasses.replace(base, id=new_id, prerequisites=(), requirements=None)
            for store in (both.memory, both.neo4j):
                both.call(store.upsert_credential, copy)
    monkeypatch.setattr(scoring, "SHORTLIST_LIMIT", cap)
    monkeypatch.setattr(neo4j_search, "SHORTLIST_LIMIT", cap)
    both.searches_alike(TEXTS)
    both.searches_alike(TEXTS, country="IE")
    for text in TEXTS:
        both.same("search", SearchFilter(text=text, as_of="2025-06-01"), 3, None)
    # the writes were ranked from their ids: the order read for the load is still the one kept
    assert neo._loaded.order is kept
    assert len(kept.nodes) == len(small_graph.credentials)


def test_kept_holders_are_read_once_and_writes_since_still_count(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    small_graph: Graph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loop.call(neo.replace_graph, small_graph)
    both = Both(loop, MemoryStore(small_graph), neo)
    both.searches_alike(TEXTS)
    kept = dict(neo._loaded.held)
    assert kept and all(isinstance(h, bytes) for h in kept.values())
    asked: list[list[list[object]]] = []
    real = neo4j_search._single

    async def spy(tx: object, name: Q, **params: object) -> dict[str, object]:
        if name is Q.SEARCH_TITLES:
            asked.append(params["skills"])  # type: ignore[arg-type]
        return await real(tx, name, **params)  # type: ignore[arg-type]

    monkeypatch.setattr(neo4j_search, "_single", spy)
    # credentials that take and drop skills after the holders were kept
    creds = sorted(small_graph.credentials.values(), key=lambda c: c.id)
    with_skills = [c for c in creds if any(o.skills for o in c.outcomes)]
    dropped = dataclasses.replace(with_skills[0], outcomes=())
    taken = dataclasses.replace(
        creds[-1], id="0-takes-skills", outcomes=with_skills[1].outcomes, requirements=None
    )
    for cred in (dropped, taken):
        for store in (both.memory, both.neo4j):
            both.call(store.upsert_credential, cred)
    both.searches_alike(TEXTS)
    flags = [need for skills in asked for _, need in skills]
    assert flags and not any(flags), "kept holders were read again"
    assert neo._loaded.held == kept


def test_what_a_read_began_before_the_cache_was_emptied_is_not_kept(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    cache = LoadCache().at(Mark(1, None))

    async def read_across_a_switch() -> None:
        async with neo._connected().session() as session:
            epoch = cache.epoch
            reading = asyncio.ensure_future(cache.id_order(session))
            await asyncio.sleep(0)  # the read is under way
            cache.at(Mark(2, None))  # a switch empties the cache meanwhile
            assert len((await reading).nodes) == len(small_graph.credentials)
            cache.keep_held(epoch, 7, b"\x00" * 8)

    loop.call(read_across_a_switch)
    assert cache.order is None and cache.held == {}
