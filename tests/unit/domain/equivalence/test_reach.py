"""`equivalents` is complete: what a brute force over every credential with `compare` ranks
in the first N at or above minScore is listed, credentials sharing nothing included."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.domain.candidates import ZERO_BAND, shape_key, workload_band
from pathways.domain.equivalence import DEFAULT_POLICY, Match, computed_score
from pathways.domain.equivalence.reach import Reach, reachable_shapes, shape_bounds
from pathways.domain.text import similarity_matrix
from pathways.model import (
    HOURS_PER_ECTS,
    Credential,
    CredentialKind,
    EquivalenceContext,
    Graph,
    level_table,
)
from pathways.seeds import load_dirs
from pathways.service import Service
from pathways.store.memory import MemoryStore
from tests.support import reach_graphs
from tests.support.paths import SMALL_SEEDS

LEVEL_TABLE = level_table(
    lv for f in load_dirs([SMALL_SEEDS]).frameworks.values() for lv in f.levels
)


def _brute(service: Service, a: str, ids: list[str], country: str | None) -> list[Match]:
    found = [asyncio.run(service.compare(a, b)) for b in ids if b != a]
    kept = [m for m in found if country is None or m.credential.country == country]
    return sorted(kept, key=lambda m: (-m.score, m.credential.id))


def test_phrases_share_no_wording() -> None:
    texts = sorted(reach_graphs.PHRASES)
    sim = similarity_matrix(texts, texts)
    off = [sim[i][j] for i in range(len(texts)) for j in range(len(texts)) if i != j]
    assert max(off) < 0.6


@settings(max_examples=150)
@given(data=st.data())
def test_equivalents_lists_what_a_brute_force_ranks_first(
    small_graph: Graph, data: st.DataObject
) -> None:
    graph = reach_graphs.graph(small_graph, data)
    creds = graph.credentials
    service = Service(MemoryStore(graph))
    a = data.draw(st.sampled_from(sorted(creds)))
    country = data.draw(st.sampled_from([None, "EE", "IE"]))
    min_score = data.draw(st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.7]))
    first = data.draw(st.integers(1, 6))
    got = asyncio.run(service.equivalents(a, country, min_score, first))
    brute = [m for m in _brute(service, a, sorted(creds), country) if m.score >= min_score]
    # A score of 0 is no match (the coverage gate zeroes another subject): not promised.
    assert [(m.credential.id, m.score) for m in got if m.score > 0] == [
        (m.credential.id, m.score) for m in brute[:first] if m.score > 0
    ]


def test_an_updated_credential_without_outcomes_is_listed(small_graph: Graph) -> None:
    """Issue 15: it scored in `compare` yet was missing from `equivalents(first: 100)`."""
    service = Service(MemoryStore(small_graph))
    asked = "ee-keevitus"
    mine = small_graph.credentials[asked]
    bare = Credential(
        id="zz-bare",
        kind=mine.kind,
        title="Unrelated words only",
        country="IE",
        level=mine.level,
        ects=mine.ects,
        hours=mine.hours,
        quality_assurance=mine.quality_assurance,
    )
    asyncio.run(service.store.upsert_credential(bare))
    score = asyncio.run(service.compare(asked, "zz-bare")).score
    listed = asyncio.run(service.equivalents(asked, None, 0.3, 100))
    assert score >= 0.3
    assert "zz-bare" in [m.credential.id for m in listed]


@pytest.mark.parametrize(
    ("ects", "hours", "band"),
    [(None, None, None), (0.0, None, ZERO_BAND), (1.0, None, 0), (1.25, None, 1), (None, 125.0, 7)],
)
def test_workload_band(ects: float | None, hours: float | None, band: int | None) -> None:
    cred = Credential("x", CredentialKind.UNIT, "x", "EE", ects=ects, hours=hours)
    assert workload_band(cred) == band


@settings(max_examples=300)
@given(data=st.data(), high=st.floats(0.01, 900, allow_nan=False), by_hours=st.booleans())
def test_shape_bounds_hold_every_member(
    small_graph: Graph, data: st.DataObject, high: float, by_hours: bool
) -> None:
    a = reach_graphs.credential("a", data)
    drawn = reach_graphs.credential("b", data)
    b = (
        replace(drawn, ects=None, hours=high * HOURS_PER_ECTS)
        if by_hours
        else replace(drawn, ects=high, hours=None)
    )
    ctx = EquivalenceContext(a, (b,), LEVEL_TABLE, {}, ())
    _country, kind, qa, _outcomes, framework, code, band = json.loads(shape_key(b))
    low, top = shape_bounds(a, (kind, qa, framework, code, band), LEVEL_TABLE)
    assert low <= computed_score(ctx, a, b, DEFAULT_POLICY.unknown_score) <= top


def test_nothing_is_reached_when_min_score_is_out_of_reach(small_graph: Graph) -> None:
    cred = small_graph.credentials["ee-keevitus"]
    counts = [(shape_key(c), 1) for c in small_graph.credentials.values()]
    counts.append((shape_key(Credential("n", cred.kind, "n", "EE")), 3))
    levels = LEVEL_TABLE
    reach = Reach(0.99, 10)
    assert reachable_shapes(cred, counts, levels, country=None, reach=reach, need=11) == []
    assert reachable_shapes(cred, counts, levels, country=None, reach=Reach(0, 10), need=11)
