"""Where the shipped seed graph and the Cypher catalog live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _resource(installed: str, checkout: str) -> Path:
    inside = _PKG / installed
    if inside.is_dir():
        return inside
    return _PKG.parent.parent / checkout


def shipped_seeds() -> Path:
    """The directory of the shipped graph (graph_seeds/)."""
    return _resource("_graph_seeds", "graph_seeds")


def queries_dir() -> Path:
    """The directory of the Cypher catalog (queries/)."""
    return _resource("_queries", "queries")
