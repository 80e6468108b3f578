"""Neo4jStore when the database is down: SERVICE_UNAVAILABLE, health says so, then recovery."""

from __future__ import annotations

import anyio.from_thread
import pytest
from neo4j import exceptions as neo

from pathways.errors import StoreUnavailable
from pathways.model import Graph
from pathways.store.neo4j import Neo4jStore
from tests.support.neo4j_server import LocalNeo4j, skip_or_fail_without_tools
from tests.support.server import free_port

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_down_at_start_down_mid_way_and_back(
    tmp_path_factory: pytest.TempPathFactory, small_graph: Graph
) -> None:
    skip_or_fail_without_tools()
    base = tmp_path_factory.mktemp("neo4j-faults")
    server = LocalNeo4j(free_port(), base / "data", base / "neo4j-local.log")
    with anyio.from_thread.start_blocking_portal() as loop:
        store = Neo4jStore(server.uri)
        try:
            # Nothing listens yet: open() still succeeds so the API can start and report.
            loop.call(store.open)
            health = loop.call(store.health)
            assert not health.ok and health.backend == "neo4j"
            assert server.uri in health.detail
            with pytest.raises(StoreUnavailable):
                loop.call(store.credential, "ie-mig")

            server.start()
            loop.call(store.replace_graph, small_graph)  # creates the deferred schema first
            assert loop.call(store.health).ok
            assert loop.call(store.credential, "ie-mig") == small_graph.credentials["ie-mig"]

            server.stop()
            assert not loop.call(store.health).ok
            with pytest.raises(StoreUnavailable) as raised:
                loop.call(store.planning_context, "ie-welding-cert", [])
            assert raised.value.code == "SERVICE_UNAVAILABLE"
            assert isinstance(raised.value.__cause__, neo.DriverError | neo.Neo4jError | OSError)

            server.start()  # same data directory: the graph survived the restart
            assert loop.call(store.health).ok
            ctx = loop.call(store.planning_context, "ie-welding-cert", [])
            assert ctx.target == small_graph.credentials["ie-welding-cert"]
        finally:
            loop.call(store.close)
            server.stop()
