"""Neo4j writes validate against what they name: never a snapshot, same verdicts as before."""

from __future__ import annotations

from typing import Any

import anyio.from_thread
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.errors import SeedValidationError
from pathways.model import Graph
from pathways.seeds.dump import credential_record
from pathways.seeds.inputs import credential_references
from pathways.service import Service
from pathways.store.neo4j import Neo4jStore, reads
from tests.support.write_checks import (
    long_cycle_write,
    records,
    requirement_cycle_write,
    validated,
    write_graph,
)

pytestmark = pytest.mark.neo4j

GRAPH = write_graph()


@pytest.fixture(scope="module")
def neo(loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore) -> Neo4jStore:
    """The opened store (conftest), holding the graph the write checks name."""
    loop.call(neo.replace_graph, GRAPH)
    return neo


@pytest.fixture(autouse=True)
def no_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    async def refuse(_tx: Any) -> Graph:
        raise AssertionError("a write read the whole graph")

    monkeypatch.setattr(reads, "snapshot", refuse)


def _verdict(loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, record: Any) -> object:
    hood = loop.call(neo.neighbourhood, credential_references(record))
    return validated(record, hood.graph, hood.near)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_the_neighbourhood_gives_the_verdict_the_whole_graph_gives(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, data: st.DataObject
) -> None:
    record = data.draw(records(GRAPH))
    assert _verdict(loop, neo, record) == validated(record, GRAPH)


def test_a_cycle_through_several_credentials_is_found_in_cypher(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore
) -> None:
    record = long_cycle_write(GRAPH)
    verdict = _verdict(loop, neo, record)
    assert verdict == validated(record, GRAPH)
    assert "prerequisite cycle" in str(verdict)


def test_a_cycle_through_a_requirement_rule_is_found_in_cypher(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore
) -> None:
    record = requirement_cycle_write(GRAPH)
    verdict = _verdict(loop, neo, record)
    assert verdict == validated(record, GRAPH)
    assert "cycle of requirements" in str(verdict)


def test_first_writes_of_replicas_never_read_the_whole_graph(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, neo4j_uri: str
) -> None:
    replicas = [Neo4jStore(neo4j_uri), Neo4jStore(neo4j_uri)]
    for store in replicas:
        loop.call(store.open)
    try:
        base = credential_record(GRAPH.credentials["m00010"])
        base["outcomes"] = [{"text": "Weld a joint", "skills": ["synth-skill-0001"]}]
        for n, store in enumerate([*replicas, *replicas]):
            # each write follows one through the other replica: never a refetch
            record = {**base, "id": f"replica-write-{n}", "prerequisites": ["m00003"]}
            loop.call(Service(store).upsert_credential, record)
            assert store._cached is None
        rec = {"from": "replica-write-0", "to": "m00001", "decision": "FULL", "by": "x"}
        loop.call(Service(replicas[1]).record_recognition, {**rec, "date": "2025-02-01"})
        bad = {**base, "id": "m00003", "prerequisites": ["replica-write-1"]}
        with pytest.raises(SeedValidationError) as caught:
            loop.call(Service(replicas[0]).upsert_credential, bad)
        assert [p.problem for p in caught.value.problems] == [
            "prerequisite cycle: m00003 -> replica-write-1 -> m00003"
        ]
    finally:
        for store in replicas:
            loop.call(store.close)
