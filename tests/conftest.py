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
