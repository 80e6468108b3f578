"""Each skill's holders, which Neo4j search ranks by: packed by loads and at open, kept by writes."""

from __future__ import annotations

import dataclasses

import anyio.from_thread
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.errors import StoreUnavailable
from pathways.model import Credential, Graph, Outcome
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore, holders
from tests.support.neo4j_stores import Both

pytestmark = pytest.mark.neo4j

HOLDERS = """
MATCH (s:Skill)
RETURN s.id AS skill, s.held AS held, s.held_plus AS plus, s.held_minus AS minus,
       [(s)<-[:HAS_SKILL]-(c:Credential) | c.id] AS linked,
       [(s)<-[:HAS_SKILL]-(c:Credential) | id(c)] AS nodes
"""
# Words of titles and of skill labels (in two languages) of the small graph.
TEXTS = ["welding", "weld", "metal parts", "keevitamine", "safety", "blueprints", "older people"]


def _holders(neo: Neo4jStore, loop: anyio.from_thread.BlockingPortal) -> dict[str, object]:
    """Per skill: its kept holders (sorted node ids, or None while not packed) and what its
    links say (node ids, credential ids)."""

    async def read() -> dict[str, object]:
        async with neo._connected().session() as session:
            rows = await (await session.run(HOLDERS)).data()
        return {
            r["skill"]: (
                None
                if r["held"] is None
                else sorted(set(holders.unpack(r["held"], r["plus"], r["minus"]).tolist())),
                sorted(r["nodes"]),
                sorted(r["linked"]),
            )
            for r in rows
        }

    return loop.call(read)


def _kept_right(found: dict[str, object]) -> None:
    for skill, (kept, nodes, _) in found.items():  # type: ignore[misc]
        assert kept == nodes, skill


def _rewrite(graph: Graph, data: st.DataObject) -> Credential:
    """A credential of the graph (or a new one) with a drawn set of skills."""
    base = graph.credentials[data.draw(st.sampled_from(sorted(graph.credentials)))]
    new_id = data.draw(st.sampled_from([base.id, f"{base.id}-v2"]))
    skills = data.draw(st.lists(st.sampled_from(sorted(graph.skills)), max_size=3, unique=True))
    outcomes = (Outcome(f"{new_id}#n0", "Does things", "en", tuple(skills)),) if skills else ()
    return dataclasses.replace(base, id=new_id, outcomes=outcomes)


@settings(max_examples=6, deadline=None)
@given(data=st.data())
def test_writes_that_add_and_drop_skills_keep_holders_and_search_alike(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph, data: st.DataObject
) -> None:
    loop.call(neo.replace_graph, small_graph)
    both = Both(loop, MemoryStore(small_graph), neo)
    _kept_right(_holders(neo, loop))
    graph = small_graph
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        cred = _rewrite(graph, data)
        for store in (both.memory, both.neo4j):
            both.call(store.upsert_credential, cred)
        graph = both.call(both.memory.snapshot)
        found = _holders(neo, loop)
        _kept_right(found)
        for skill, (_, _, linked) in found.items():  # type: ignore[misc]
            holders = [c.id for c in graph.credentials.values() if skill in _skills_of(c)]
            assert linked == sorted(holders), skill
    both.searches_alike(TEXTS)


def _skills_of(cred: Credential) -> set[str]:
    return {s for o in cred.outcomes for s in o.skills}


def test_a_write_keeps_its_changes_beside_the_packed_holders(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)

    async def packed() -> dict[str, bytes]:
        async with neo._connected().session() as session:
            rows = await (await session.run("MATCH (s:Skill) RETURN s.id AS s, s.held AS h")).data()
        return {r["s"]: r["h"] for r in rows}

    before = loop.call(packed)
    assert all(isinstance(h, bytes) for h in before.values()), before
    mig = small_graph.credentials["ie-mig"]
    held = sorted(_skills_of(mig))
    dropped, kept = held[0], held[1:]
    outcomes = (Outcome("ie-mig#n0", "Care", "en", (*kept, "s:care")),)
    loop.call(neo.upsert_credential, dataclasses.replace(mig, outcomes=outcomes))
    # a write does not rewrite what is packed, however many hold the skill
    assert loop.call(packed) == before
    found = _holders(neo, loop)
    _kept_right(found)
    assert "ie-mig" not in found[dropped][2]  # type: ignore[index]
    assert "ie-mig" in found["s:care"][2]  # type: ignore[index]


def test_a_refused_write_leaves_holders_as_they_were(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    before = _holders(neo, loop)
    mig = small_graph.credentials["ie-mig"]
    moved = dataclasses.replace(mig, outcomes=(Outcome("ie-mig#n0", "Care", "en", ("s:care",)),))

    async def during_a_switch(statement: str) -> None:
        async with neo._connected().session() as session:
            await (await session.run(statement)).consume()

    # A load's switch under way: the write runs its statements, then refuses and rolls back.
    loop.call(during_a_switch, "MERGE (s:PathwaysMeta {key: 'switch'}) SET s.phase = 'retire'")
    try:
        with pytest.raises(StoreUnavailable):
            loop.call(neo.upsert_credential, moved)
    finally:
        loop.call(during_a_switch, "MATCH (s:PathwaysMeta {key: 'switch'}) REMOVE s.phase")
    assert _holders(neo, loop) == before
    _kept_right(before)


def test_a_graph_loaded_before_holders_searches_alike_and_gets_them_when_opened(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, neo4j_uri: str, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)

    async def forget() -> None:
        async with neo._connected().session() as session:
            await (await session.run("MATCH (s:Skill) REMOVE s.held")).consume()

    loop.call(forget)
    assert all(kept is None for kept, _, _ in _holders(neo, loop).values())  # type: ignore[misc]
    both = Both(loop, MemoryStore(small_graph), neo)
    both.searches_alike(TEXTS)  # search falls back to the links
    # a write meanwhile leaves a skill without holders so: the backfill builds them
    mig = small_graph.credentials["ie-mig"]
    loop.call(neo.upsert_credential, dataclasses.replace(mig, title="MIG welding, revised"))
    assert all(kept is None for kept, _, _ in _holders(neo, loop).values())  # type: ignore[misc]
    other = Neo4jStore(neo4j_uri)
    loop.call(other.open)
    try:
        found = _holders(neo, loop)
        assert all(kept is not None for kept, _, _ in found.values())  # type: ignore[misc]
        _kept_right(found)
    finally:
        loop.call(other.close)
