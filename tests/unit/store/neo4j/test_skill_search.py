"""Neo4j search scores skills from the replica's per-load index, or through Lucene past its limit."""

from __future__ import annotations

import dataclasses

import anyio.from_thread
import pytest

from pathways.model import Graph, Skill
from pathways.store.base import SearchFilter
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore, skillsearch
from pathways.store.neo4j import search as neo4j_search
from pathways.store.neo4j.catalog import Q
from pathways.store.neo4j.reads import LoadCache
from tests.support.neo4j_stores import Both
from tests.support.statements import record_queries

pytestmark = pytest.mark.neo4j

# Words of titles and of skill labels (in two languages) of the small graph, and a typo.
TEXTS = ["welding", "weld", "metal parts", "keevitamine", "safety", "blueprints", "older peple"]


def test_skills_are_scored_in_the_replica_and_search_alike(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    small_graph: Graph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loop.call(neo.replace_graph, small_graph)
    neo._loaded.at(object())  # emptied, as a load's switch leaves it
    ran = record_queries(monkeypatch, neo4j_search, skillsearch)
    Both(loop, MemoryStore(small_graph), neo).searches_alike(TEXTS)
    Both(loop, MemoryStore(small_graph), neo).searches_alike(TEXTS, country="IE")
    cache = neo._loaded.at(neo._switches.seen)
    assert cache.skill_index is not None
    assert set(cache.skill_index.nodes) == set(small_graph.skills)
    assert Q.SEARCH_SKILLS in ran  # read once per load: the first search built it


def test_past_the_limit_lucene_shortlists_skills_alike(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    small_graph: Graph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loop.call(neo.replace_graph, small_graph)
    monkeypatch.setattr(skillsearch, "SKILL_INDEX_LIMIT", len(small_graph.skills) - 1)
    Both(loop, MemoryStore(small_graph), neo).searches_alike(TEXTS)
    Both(loop, MemoryStore(small_graph), neo).searches_alike(TEXTS, country="IE")
    assert neo._loaded.at(neo._switches.seen).skill_index is None


def test_a_new_load_s_skill_labels_are_searched(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    before = loop.call(neo.search, SearchFilter(text="soldering"), 5, None)
    assert before.total == 0
    skills = dict(small_graph.skills)
    skills["s:weld"] = Skill("s:weld", {"en": "soldering and weld metal parts"})
    renamed = dataclasses.replace(small_graph, skills=skills)
    loop.call(neo.replace_graph, renamed)
    both = Both(loop, MemoryStore(renamed), neo)
    both.same("search", SearchFilter(text="soldering"), 5, None)
    after = loop.call(neo.search, SearchFilter(text="soldering"), 5, None)
    held = {c.id for c in renamed.credentials.values() for o in c.outcomes if "s:weld" in o.skills}
    assert {c.id for c, _ in after.items} == held


def test_an_index_of_a_replaced_load_does_not_fail_the_read(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    stale = LoadCache()
    index = loop.call(neo._read, stale.skill_search)
    assert index is not None
    # node ids no skill of this load has: what a search sees mid-switch, before the retry
    gone = {sid: node + 10**12 for sid, node in index.nodes.items()}
    stale.skill_index = dataclasses.replace(index, nodes=gone)
    flt = SearchFilter(text="weld")
    page = loop.call(neo._read, lambda tx: neo4j_search.search(tx, flt, 10, None, stale))
    found = {c.id for c, _ in page.items}
    assert "ie-mig" in found  # by its title
    assert "ee-keevitus" not in found  # only through its skill's holders, unread here
