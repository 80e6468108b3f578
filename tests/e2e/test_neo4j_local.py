"""scripts/neo4j-local serves a real Neo4j 5.26 that the Python driver can query."""

from __future__ import annotations

import pytest
from neo4j import GraphDatabase

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_bolt_answers_cypher(neo4j_uri: str) -> None:
    with GraphDatabase.driver(neo4j_uri) as driver:
        records, _summary, _keys = driver.execute_query("RETURN 1 AS one")
        assert [r["one"] for r in records] == [1]
        agent = driver.get_server_info().agent
    assert agent.startswith("Neo4j/5.26.")
