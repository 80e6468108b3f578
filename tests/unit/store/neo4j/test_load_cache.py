"""What a replica keeps per load for `equivalents` (levels, skills) follows the loads, and
the warm-up asks the question once so the first request finds it planned and kept."""

from __future__ import annotations

import dataclasses

import anyio.from_thread
import pytest

from pathways.domain.equivalence.reach import Reach
from pathways.model import Graph, Skill
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore, reads
from pathways.store.neo4j.catalog import Q
from tests.support.neo4j_stores import Both
from tests.support.statements import record_queries

pytestmark = pytest.mark.neo4j


def _renamed(graph: Graph) -> Graph:
    """`graph` with every skill relabelled and every level's descriptors changed."""
    skills = {sid: Skill(sid, {"en": f"renamed {sid}"}) for sid in graph.skills}
    frameworks = {
        code: dataclasses.replace(
            fw,
            levels=tuple(
                dataclasses.replace(lv, descriptors={"knowledge": f"changed {lv.code}"})
                for lv in fw.levels
            ),
        )
        for code, fw in graph.frameworks.items()
    }
    return dataclasses.replace(graph, skills=skills, frameworks=frameworks)


def _with_skills(graph: Graph) -> list[str]:
    return sorted(cid for cid, c in graph.credentials.items() if any(o.skills for o in c.outcomes))


def test_levels_and_skills_kept_per_load_follow_a_replacing_load(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    ids = _with_skills(small_graph)[:5]
    both = Both(loop, MemoryStore(small_graph), neo)
    for cid in ids:
        both.same("equivalence_context", cid, None, 200, Reach(0.0, 5))
    assert neo._loaded.levels is not None and neo._loaded.skills  # kept for the next ones
    renamed = _renamed(small_graph)
    loop.call(neo.replace_graph, renamed)
    both = Both(loop, MemoryStore(renamed), neo)
    for cid in ids:
        both.same("equivalence_context", cid, None, 200, Reach(0.0, 5))


def test_the_warm_up_asks_equivalents_once(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    small_graph: Graph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loop.call(neo.replace_graph, small_graph)
    neo._shapes, neo._loaded = reads.ShapeCounts(), reads.LoadCache()
    ran = record_queries(monkeypatch, reads)
    loop.call(neo._warm_equivalents)
    assert Q.EQUIVALENCE_CONTEXT in ran
    assert neo._shapes.counts is not None
    assert neo._loaded.levels is not None
