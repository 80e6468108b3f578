"""Shared fixtures: where the seed graphs are, and the graphs loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathways.model import Graph

ROOT = Path(__file__).resolve().parents[1]
SMALL_SEEDS = ROOT / "tests" / "fixtures" / "small"
SHIPPED_SEEDS = ROOT / "graph_seeds"
REFERENCE = ROOT.parent / "shared" / "reference"


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
# tests/neo4j_server.py for the skip rule (and its CI=true exception).
pytest_plugins = ["tests.neo4j_server"]
