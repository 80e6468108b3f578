"""Shared fixtures: where the seed graphs are, and the graphs loaded once per session."""

from __future__ import annotations

import pytest
from hypothesis import settings

from pathways.model import Graph
from tests.support.paths import SHIPPED_SEEDS, SMALL_SEEDS

# A property run is judged by its answers, never by its speed: on a loaded shared machine
# Hypothesis's per-example deadline (200 ms) fails correct code.
settings.register_profile("pathways", deadline=None)
settings.load_profile("pathways")


@pytest.fixture(scope="session")
def small_graph() -> Graph:
    """The hand-made test graph with known answers."""
    from pathways.seeds import load_dirs

    return load_dirs([SMALL_SEEDS])


@pytest.fixture(scope="session")
def shipped_graph() -> Graph:
    """The shipped graph_seeds/."""
    from pathways.seeds import load_dirs

    return load_dirs([SHIPPED_SEEDS])


# --- Neo4j (owned by the Neo4j backend work; keep this block separate) -------------
# The session fixture `neo4j_uri` starts scripts/neo4j-local once per session; see
# tests/support/neo4j_server.py for the skip rule (and its CI=true exception).
pytest_plugins = ["tests.support.neo4j_server"]
