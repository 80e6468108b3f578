"""Equivalence reach on Neo4j: the same candidates and matches as the embedded store."""

from __future__ import annotations

import anyio.from_thread
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways.domain.equivalence.reach import Reach
from pathways.model import Credential, Graph
from pathways.service import Service
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore
from tests.support import neo4j_stores as support
from tests.support import reach_graphs
from tests.support.neo4j_stores import Both

pytestmark = pytest.mark.neo4j


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_reach_agrees_with_the_embedded_store(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph, data: st.DataObject
) -> None:
    graph = reach_graphs.graph(small_graph, data)
    loop.call(neo.replace_graph, graph)
    both = Both(loop, MemoryStore(graph), neo)
    a = data.draw(st.sampled_from(sorted(graph.credentials)))
    country = data.draw(st.sampled_from([None, "EE", "IE"]))
    reach = Reach(data.draw(st.sampled_from([0.0, 0.5, 0.7])), data.draw(st.integers(1, 5)))
    both.same("equivalence_context", a, country, 200, reach)
    mem, neo4j = (
        support.plain(
            loop.call(Service(store).equivalents, a, country, reach.min_score, reach.first)
        )
        for store in (both.memory, neo)
    )
    assert neo4j == mem


def test_a_write_changes_what_is_reached(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    service = Service(neo)
    asked = small_graph.credentials["ee-keevitus"]
    before = loop.call(service.equivalents, asked.id, None, 0.3, 100)
    bare = Credential(
        "zz-bare",
        asked.kind,
        "Unrelated words only",
        "IE",
        level=asked.level,
        ects=asked.ects,
        quality_assurance=asked.quality_assurance,
    )
    loop.call(neo.upsert_credential, bare)  # after the shape counts were read and kept
    after = loop.call(service.equivalents, asked.id, None, 0.3, 100)
    assert "zz-bare" not in [m.credential.id for m in before]
    assert "zz-bare" in [m.credential.id for m in after]
