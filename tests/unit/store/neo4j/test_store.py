"""Neo4jStore answers every Store question exactly as the embedded store does (shipped graph)."""

from __future__ import annotations

from collections.abc import Iterator

import anyio.from_thread
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.domain.candidates import DEFAULT_LIMIT
from pathways.model import CredentialKind, Graph, rule_credentials
from pathways.store.base import SearchFilter, SearchKey
from pathways.store.memory import MemoryStore
from tests.support import neo4j_stores as support
from tests.support.neo4j_stores import Both

pytestmark = pytest.mark.neo4j

COUNTRIES = [None, "IE", "EE", "ES", "DK", "FR", "ie", "XX"]


@pytest.fixture(scope="module")
def both(
    loop: anyio.from_thread.BlockingPortal, neo4j_uri: str, shipped_graph: Graph, small_graph: Graph
) -> Iterator[Both]:
    from pathways.store.neo4j import Neo4jStore

    neo = Neo4jStore(neo4j_uri)
    loop.call(neo.open)
    loop.call(neo.replace_graph, shipped_graph)
    try:
        yield Both(loop, MemoryStore(shipped_graph), neo)
    finally:
        # Between modules the session database holds the small graph (the contract suite's).
        loop.call(neo.replace_graph, small_graph)
        loop.call(neo.close)


def test_health_counts_the_credentials(both: Both, shipped_graph: Graph) -> None:
    health = both.call(both.neo4j.health)
    assert health.ok
    assert health.backend == "neo4j"
    assert health.detail == f"{len(shipped_graph.credentials)} credentials"


def test_snapshot_is_the_loaded_graph(both: Both) -> None:
    mem = both.call(both.memory.snapshot)
    neo = both.call(both.neo4j.snapshot)
    assert support.plain(neo.frameworks) == support.plain(mem.frameworks)
    assert support.plain(neo.providers) == support.plain(mem.providers)
    assert support.plain(neo.skills) == support.plain(mem.skills)
    assert support.plain(neo.credentials) == support.plain(mem.credentials)
    key = lambda r: (r.from_id, r.to_id)  # noqa: E731
    assert support.plain(sorted(neo.recognitions, key=key)) == support.plain(
        sorted(mem.recognitions, key=key)
    )


def test_lookups(both: Both, shipped_graph: Graph) -> None:
    both.same("frameworks")
    for code in [*shipped_graph.frameworks, "NOPE"]:
        both.same("framework", code)
    ids = [*shipped_graph.credentials, "no-such-id"]
    for cid in ids:
        both.same("credential", cid)
        both.same("stacks_into", cid)
        both.same("recognitions_from", cid)
    both.same("credentials", ids)
    both.same("credentials", [])
    both.same("stacks_into_many", ids)
    both.same("recognitions_from_many", ids)
    both.same("stacks_into_many", [])
    both.same("providers", [*shipped_graph.providers, "nobody"])
    both.same("skills", [*shipped_graph.skills, "no-skill"])


def test_planning_context(both: Both, shipped_graph: Graph) -> None:
    recs = shipped_graph.recognitions
    for cred in shipped_graph.credentials.values():
        named = (
            list(dict.fromkeys(rule_credentials(cred.requirements))) if cred.requirements else []
        )
        both.same("planning_context", cred.id, [])
        both.same("planning_context", cred.id, named[:2])
        foreign = [r.from_id for r in recs if r.to_id in named][:2]
        both.same("planning_context", cred.id, foreign)
    first = next(iter(shipped_graph.credentials))
    both.same("planning_context", "no-such-target", [])
    both.same("planning_context", first, ["no-such-held"])


def test_qualifications_touching(both: Both, shipped_graph: Graph) -> None:
    ids = list(shipped_graph.credentials)
    for cid in ids:
        both.same("qualifications_touching", [cid])
    for start in range(0, len(ids), 7):
        both.same("qualifications_touching", ids[start : start + 7])
    both.same("qualifications_touching", [])
    both.same("qualifications_touching", [ids[0], "no-such-held"])


def test_equivalence_context_every_credential(both: Both, shipped_graph: Graph) -> None:
    for cid in shipped_graph.credentials:
        both.same("equivalence_context", cid, None, DEFAULT_LIMIT)
    both.same("equivalence_context", "no-such-id", None, DEFAULT_LIMIT)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_equivalence_context_filters_and_limits(
    both: Both, shipped_graph: Graph, data: st.DataObject
) -> None:
    cid = data.draw(st.sampled_from(sorted(shipped_graph.credentials)))
    country = data.draw(st.sampled_from(COUNTRIES))
    limit = data.draw(st.integers(min_value=-1, max_value=30))
    both.same("equivalence_context", cid, country, limit)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_pair_context(both: Both, shipped_graph: Graph, data: st.DataObject) -> None:
    ids = sorted(shipped_graph.credentials)
    a = data.draw(st.sampled_from([*ids, "no-such-id"]))
    b = data.draw(st.sampled_from([*ids, "no-such-id", a]))
    both.same("pair_context", a, b)


def _words(graph: Graph) -> list[str]:
    return sorted({w for c in graph.credentials.values() for w in c.title.split()})


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_search(both: Both, shipped_graph: Graph, data: st.DataObject) -> None:
    words = _words(shipped_graph)
    text = data.draw(
        st.one_of(
            st.none(),
            st.sampled_from(words),
            st.lists(st.sampled_from(words), min_size=1, max_size=3).map(" ".join),
            st.text(max_size=12),
        )
    )
    flt = SearchFilter(
        text=text,
        country=data.draw(st.sampled_from(COUNTRIES)),
        eqf_level=data.draw(st.sampled_from([None, 1, 3, 4, 5, 6, 8])),
        kind=data.draw(st.sampled_from([None, *CredentialKind])),
    )
    after = data.draw(
        st.one_of(
            st.none(),
            st.builds(
                SearchKey,
                st.sampled_from([None, 1.0, 0.9, 0.81, 0.75]),
                st.sampled_from(sorted(shipped_graph.credentials)),
            ),
        )
    )
    limit = data.draw(st.integers(min_value=0, max_value=40))
    both.same("search", flt, limit, after)


@pytest.mark.parametrize("cap", [1, 3])
def test_search_agrees_when_the_shortlist_is_capped(
    both: Both, shipped_graph: Graph, monkeypatch: pytest.MonkeyPatch, cap: int
) -> None:
    # Lucene would keep its own best; both stores must keep the same owners (most query
    # words, then id), or their answers differ whenever a word is common.
    from pathways.store.neo4j import search as neo4j_search
    from pathways.store.search import scoring

    monkeypatch.setattr(scoring, "SHORTLIST_LIMIT", cap)
    monkeypatch.setattr(neo4j_search, "SHORTLIST_LIMIT", cap)
    words = _words(shipped_graph)
    for text in [*words, " ".join(words[:3]), " ".join(words[-2:])]:
        for country in (None, "IE"):
            page = both.same("search", SearchFilter(text=text, country=country), 5, None)
            assert isinstance(page, tuple)


def test_search_without_filters_pages_by_id(both: Both, shipped_graph: Graph) -> None:
    page = both.same("search", SearchFilter(), 1000, None)
    assert isinstance(page, tuple)
    fields = page[1]
    assert fields["total"] == len(shipped_graph.credentials)


def test_unknown_database_is_unavailable_not_a_crash(
    loop: anyio.from_thread.BlockingPortal, neo4j_uri: str
) -> None:
    from pathways.errors import StoreUnavailable
    from pathways.store.neo4j import Neo4jStore

    store = Neo4jStore(neo4j_uri, database="nosuchdatabase")
    loop.call(store.open)
    try:
        health = loop.call(store.health)
        assert not health.ok
        assert "nosuchdatabase" in health.detail
        with pytest.raises(StoreUnavailable):
            loop.call(store.credential, "ie-mig")
    finally:
        loop.call(store.close)


def test_from_env_reads_the_connection_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathways.store.neo4j import Neo4jStore

    monkeypatch.setenv("NEO4J_URI", "neo4j+s://example.invalid")
    monkeypatch.setenv("NEO4J_DATABASE", "graph")
    monkeypatch.delenv("NEO4J_USER", raising=False)
    store = Neo4jStore.from_env()
    assert (store.uri, store.database) == ("neo4j+s://example.invalid", "graph")
    monkeypatch.delenv("NEO4J_URI")
    monkeypatch.delenv("NEO4J_DATABASE")
    store = Neo4jStore.from_env()
    assert (store.uri, store.database) == ("bolt://127.0.0.1:7687", "neo4j")
