"""The listing's totals on Neo4j come from counters that loads and writes keep: they must
equal the embedded store's counts after loads, writes that move a credential between
facets, a rolled-back write and a replacing load."""

from __future__ import annotations

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
from pathways.store.neo4j import Neo4jStore
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
