"""Model values written back as seed records load into the same values."""

from __future__ import annotations

import sys
from pathlib import Path

from pathways.model import Graph
from pathways.seeds import load_dirs
from tests.support.paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from synth import synth_graph
from synth_seeds import write_seed_dir


def _same_records(a: Graph, b: Graph) -> None:
    assert dict(b.credentials) == dict(a.credentials)
    assert [c.extra for c in b.credentials.values()] == [c.extra for c in a.credentials.values()]
    assert sorted(b.recognitions, key=str) == sorted(a.recognitions, key=str)


def test_the_shipped_graph_round_trips_through_seed_files(
    shipped_graph: Graph, tmp_path: Path
) -> None:
    write_seed_dir(shipped_graph, tmp_path)
    _same_records(shipped_graph, load_dirs([tmp_path]))


def test_a_synthetic_graph_round_trips_through_seed_files(tmp_path: Path) -> None:
    graph = synth_graph(n_micro=300, n_quals=20, seed=3)
    write_seed_dir(graph, tmp_path)
    _same_records(graph, load_dirs([tmp_path]))
