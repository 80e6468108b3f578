"""Neo4j caps search's titles in the id order a replica keeps per load, writes since included."""

from __future__ import annotations

import dataclasses

import anyio.from_thread
import pytest

from pathways.model import Graph
from pathways.store.base import SearchFilter
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore
from pathways.store.neo4j import search as neo4j_search
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
