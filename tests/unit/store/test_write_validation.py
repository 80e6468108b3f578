"""Writes validate against what they name, with the same verdict as against the whole graph."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.errors import SeedValidationError
from pathways.model import Graph
from pathways.seeds.dump import credential_record
from pathways.seeds.inputs import credential_references
from pathways.service import Service
from pathways.store.journal import JournaledStore
from pathways.store.memory import MemoryStore
from tests.support.write_checks import (
    long_cycle_write,
    records,
    requirement_cycle_write,
    validated,
    write_graph,
)

GRAPH = write_graph()
STORE = MemoryStore(GRAPH)


def _no_snapshot(store: MemoryStore) -> MemoryStore:
    async def refuse() -> Graph:
        raise AssertionError("a write read the whole graph")

    store.snapshot = refuse  # type: ignore[method-assign]
    return store


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_the_neighbourhood_gives_the_verdict_the_whole_graph_gives(data: st.DataObject) -> None:
    record = data.draw(records(GRAPH))
    hood = asyncio.run(STORE.neighbourhood(credential_references(record)))
    assert validated(record, hood.graph, hood.near) == validated(record, GRAPH)
    # and it is a small part of the graph, not a copy of it
    assert len(hood.graph.credentials) < len(GRAPH.credentials) // 4


def test_a_cycle_through_several_credentials_is_found_by_the_bounded_traversal() -> None:
    record = long_cycle_write(GRAPH)
    hood = asyncio.run(STORE.neighbourhood(credential_references(record)))
    verdict = validated(record, hood.graph, hood.near)
    assert verdict == validated(record, GRAPH)
    assert verdict[0] == "problems"
    assert "prerequisite cycle" in str(verdict[1])


def test_a_cycle_through_a_requirement_rule_is_found_too() -> None:
    record = requirement_cycle_write(GRAPH)
    hood = asyncio.run(STORE.neighbourhood(credential_references(record)))
    verdict = validated(record, hood.graph, hood.near)
    assert verdict == validated(record, GRAPH)
    assert "cycle of requirements" in str(verdict)


def _cycle_write(graph: Graph) -> dict[str, Any]:
    """An existing credential made to need one that (transitively) needs it."""
    for cred in graph.credentials.values():
        for pre in cred.prerequisites:
            record = credential_record(graph.credentials[pre])
            record["prerequisites"] = [cred.id]
            return record
    raise AssertionError("the graph has no prerequisites")


@pytest.mark.parametrize("journaled", [False, True])
def test_writes_through_the_service_never_read_the_whole_graph(
    journaled: bool, tmp_path: Path
) -> None:
    store = JournaledStore(GRAPH, tmp_path) if journaled else MemoryStore(GRAPH)
    service = Service(_no_snapshot(store))
    good = credential_record(next(iter(GRAPH.credentials.values())))
    good["id"] = "brand-new"
    good["outcomes"] = [{"text": "Weld a joint"}]

    async def go() -> None:
        await store.open()
        try:
            await service.upsert_credential(good)
            assert (await store.credential("brand-new")) is not None
            rec = {"from": "brand-new", "to": "m00001", "decision": "FULL", "by": "x"}
            rec["date"] = "2025-01-01"
            await service.record_recognition(rec)
            bad = _cycle_write(GRAPH)
            with pytest.raises(SeedValidationError) as caught:
                await service.upsert_credential(bad)
            assert [p.problem for p in caught.value.problems] == [
                p
                for _f, p, _i in validated(bad, GRAPH)[1]  # type: ignore[index]
            ]
            assert "prerequisite cycle" in caught.value.problems[0].problem
            with pytest.raises(SeedValidationError) as unknown:
                await service.record_recognition({**rec, "to": "m00zz1"})
            assert "is not a credential in the graph" in unknown.value.problems[0].problem
        finally:
            await store.close()

    asyncio.run(go())


def test_the_index_of_hand_set_outcome_ids_follows_writes() -> None:
    store = MemoryStore(GRAPH)
    first = next(iter(GRAPH.credentials.values()))
    record = credential_record(first)
    record["outcomes"] = [{"id": "another-hand-set", "text": "Weld"}]

    async def go() -> None:
        await Service(_no_snapshot(store)).upsert_credential(record)
        other = {**credential_record(first), "id": "late", "outcomes": []}
        for oid, clash in (("another-hand-set", True), ("hand-set-outcome-7", False)):
            other["outcomes"] = [{"id": oid, "text": "Weld"}]
            hood = await store.neighbourhood(credential_references(other))
            verdict = validated(other, hood.graph, hood.near)
            assert (verdict[0] == "problems") is clash, verdict

    asyncio.run(go())
