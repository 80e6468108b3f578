"""Neo4jStore writes: the same graph as the embedded store after any writes; atomic loads."""

from __future__ import annotations

import dataclasses

import anyio.from_thread
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.errors import BadUserInput
from pathways.model import (
    AnyRule,
    Credential,
    CredentialRule,
    Decision,
    Graph,
    Outcome,
    Recognition,
)
from pathways.store.base import SearchFilter
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore
from tests.support import neo4j_stores as support
from tests.support.neo4j_stores import Both

pytestmark = pytest.mark.neo4j


def _fresh(loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, graph: Graph) -> Both:
    loop.call(neo.replace_graph, graph)
    return Both(loop, MemoryStore(graph), neo)


def _same_snapshot(both: Both) -> None:
    mem, neo = both.call(both.memory.snapshot), both.call(both.neo4j.snapshot)
    assert support.plain(neo.credentials) == support.plain(mem.credentials)
    key = lambda r: (r.from_id, r.to_id)  # noqa: E731
    assert support.plain(sorted(neo.recognitions, key=key)) == support.plain(
        sorted(mem.recognitions, key=key)
    )


def _compare_everything(both: Both, graph: Graph) -> None:
    ids = sorted(both.call(both.memory.snapshot).credentials)
    _same_snapshot(both)
    for cid in ids:
        both.same("stacks_into", cid)
        both.same("recognitions_from", cid)
        both.same("planning_context", cid, [])
        both.same("planning_context", cid, ids[:2])
        both.same("equivalence_context", cid, None, 50)
        both.same("qualifications_touching", [cid])
    both.same("search", SearchFilter(text="welding"), 20, None)


# --- writes ------------------------------------------------------------------------------


def _edit(graph: Graph, data: st.DataObject) -> Credential:
    draw = data.draw
    ids = sorted(graph.credentials)
    skills = sorted(graph.skills)
    base = graph.credentials[draw(st.sampled_from(ids))]
    new_id = draw(st.sampled_from([base.id, f"{base.id}-v2"]))
    others = [i for i in ids if i != new_id]
    outcomes = tuple(
        Outcome(f"{new_id}#n{k}", text, "en", tuple(sk))
        for k, (text, sk) in enumerate(
            draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(["Weld steel plates", "Read technical drawings", "Care"]),
                        st.lists(st.sampled_from(skills), max_size=2, unique=True),
                    ),
                    max_size=3,
                )
            )
        )
    )
    named = draw(st.lists(st.sampled_from(others), max_size=3, unique=True))
    return dataclasses.replace(
        base,
        id=new_id,
        title=draw(st.sampled_from([base.title, "Welding in practice", "Care work"])),
        outcomes=outcomes,
        prerequisites=tuple(draw(st.lists(st.sampled_from(others), max_size=2, unique=True))),
        requirements=AnyRule(tuple(CredentialRule(n) for n in named), 1) if named else None,
        extra={"note": draw(st.sampled_from(["x", "ÿ ü"])), "n": [1, 2.5, None]},
    )


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_writes_leave_both_stores_alike(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph, data: st.DataObject
) -> None:
    both = _fresh(loop, neo, small_graph)
    graph = small_graph
    both.call(both.neo4j.snapshot)  # primes the snapshot cache our own writes then advance
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        if data.draw(st.booleans()):
            cred = _edit(graph, data)
            for store in (both.memory, both.neo4j):
                both.call(store.upsert_credential, cred)
        else:
            ids = sorted(graph.credentials)
            rec = Recognition(
                data.draw(st.sampled_from(ids)),
                data.draw(st.sampled_from(ids)),
                data.draw(st.sampled_from(list(Decision))),
                "QQI",
                data.draw(st.sampled_from(["2025-01-01", "2026-02-03"])),
                data.draw(st.sampled_from([None, 2.0, 5])),
            )
            for store in (both.memory, both.neo4j):
                both.call(store.record_recognition, rec)
        graph = both.call(both.memory.snapshot)
        _same_snapshot(both)
    _compare_everything(both, graph)


# --- loads -------------------------------------------------------------------------------


def test_load_without_replace_refuses_a_database_that_holds_a_graph(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)

    async def load() -> None:
        await neo.load_graph(small_graph, replace=False)

    with pytest.raises(BadUserInput, match="--replace"):
        loop.call(load)


def test_load_reports_progress_and_replaces(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    small_graph: Graph,
    shipped_graph: Graph,
) -> None:
    loop.call(neo.replace_graph, shipped_graph)
    messages: list[str] = []

    async def load() -> None:
        await neo.load_graph(small_graph, replace=True, progress=messages.append)

    loop.call(load)
    assert f"credentials: {len(small_graph.credentials)}/{len(small_graph.credentials)}" in messages
    assert messages[-1] == f"loaded {len(small_graph.credentials)} credentials"
    assert sorted(loop.call(neo.snapshot).credentials) == sorted(small_graph.credentials)


def test_snapshot_cache_sees_writes_from_another_replica(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, neo4j_uri: str, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    other = Neo4jStore(neo4j_uri)
    loop.call(other.open)
    try:
        assert sorted(loop.call(other.snapshot).credentials) == sorted(small_graph.credentials)
        assert sorted(loop.call(neo.snapshot).credentials) == sorted(small_graph.credentials)
        cred = dataclasses.replace(small_graph.credentials["ie-mig"], id="ie-mig-2", title="New")
        rec = Recognition("ie-tig", "ie-mig", Decision.PARTIAL, "QQI", "2026-01-01", 1.0)
        loop.call(neo.upsert_credential, cred)
        loop.call(neo.record_recognition, rec)
        for store in (neo, other):  # ours advanced its cache, the other one refetches
            seen = loop.call(store.snapshot)
            assert seen.credentials["ie-mig-2"] == cred
            assert rec in seen.recognitions
        loop.call(other.record_recognition, dataclasses.replace(rec, decision=Decision.NONE))
        mine = loop.call(neo.snapshot)
        assert [r.decision for r in mine.recognitions if r.from_id == "ie-tig"] == [Decision.NONE]
    finally:
        loop.call(other.close)
