"""Where the test inputs are: the small hand-made graph, the shipped graph, reference facts."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SMALL_SEEDS = ROOT / "tests" / "fixtures" / "small"
SHIPPED_SEEDS = ROOT / "graph_seeds"
DATA = ROOT / "tests" / "data"
"""Reference facts the tests check against; tests/data/README.md names their sources."""
