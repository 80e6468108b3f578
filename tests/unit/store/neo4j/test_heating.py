"""A serving replica heats the database's search paths until they stop getting faster."""

from __future__ import annotations

import asyncio
import logging

import anyio.from_thread
import pytest

from pathways.model import Graph
from pathways.store.neo4j import Neo4jStore, heating
from pathways.store.neo4j.heating import HEAT_BATCH, HEAT_ENOUGH_MS, HEAT_MAX, HEAT_PATIENCE


class Scripted:
    """A search whose every call takes the next batch's scripted ms on a fake clock."""

    def __init__(self, batches: list[float]) -> None:
        self.now = 0.0
        self.batches = batches
        self.asked: list[str] = []
        self.pauses = 0

    def clock(self) -> float:
        return self.now

    async def search(self, text: str) -> None:
        batch = min(len(self.asked) // HEAT_BATCH, len(self.batches) - 1)
        self.now += self.batches[batch] / 1000
        self.asked.append(text)

    async def pause(self) -> None:
        self.pauses += 1


def _heat(script: Scripted, texts: list[str], budget_s: float = 1e9) -> heating.Heated:
    return asyncio.run(
        heating.heat(script.search, texts, script.pause, budget_s=budget_s, clock=script.clock)
    )


def test_heating_stops_once_batches_stop_getting_faster() -> None:
    # a fresh server: the gains come in steps, with batches between them that gain little
    script = Scripted([128, 63, 60, 57, 47, 44, 45, 42, 42, 41, 40, 40, 30])
    heated = _heat(script, ["a", "b c", "d e f"])
    # each of 63 to 44 gains over 3% on the best before it, 45 does not, 42 does
    # (0.97 * 44 = 42.68), then 42, 41 and 40 do not: three in a row
    assert heated.medians == (128, 63, 60, 57, 47, 44, 45, 42, 42, 41, 40)
    assert heated.searches == 11 * HEAT_BATCH == len(script.asked) == script.pauses
    assert script.asked[:4] == ["a", "b c", "d e f", "a"]  # the texts in turn, again


def test_a_warm_server_gets_patience_plus_one_batches() -> None:
    heated = _heat(Scripted([40, 41, 40, 39]), ["a"])
    assert len(heated.medians) == HEAT_PATIENCE + 1


def test_heating_stops_at_its_budget() -> None:
    # batches of HEAT_BATCH searches at 100, then 50 ms: the budget ends inside the second
    heated = _heat(Scripted([100, 50, 25, 12.5]), ["a"], budget_s=HEAT_BATCH * 0.125)
    assert heated.medians == (100, 50)
    assert heated.seconds == pytest.approx(HEAT_BATCH * 0.15)


def test_heating_stops_at_its_most_searches() -> None:
    heated = _heat(Scripted([900.0 * 0.96**i for i in range(40)]), ["a"])
    assert heated.searches == HEAT_MAX  # each batch still gains 4%


def test_searches_fast_enough_end_heating() -> None:
    # a small graph: the first batch is already faster than heating could matter
    heated = _heat(Scripted([HEAT_ENOUGH_MS - 1, 5, 2]), ["a"])
    assert heated.medians == (HEAT_ENOUGH_MS - 1,)


def test_nothing_to_search_heats_nothing() -> None:
    assert _heat(Scripted([10]), []).searches == 0


def test_searches_are_the_first_words_of_titles() -> None:
    texts = ["welding of steel plate\nkeevitamine", "", "care of older people", "safety first"]
    assert heating.queries(texts) == ["welding", "care of older", "safety"]


@pytest.mark.neo4j
def test_a_serving_replica_heats_with_words_of_the_graph(
    loop: anyio.from_thread.BlockingPortal,
    neo: Neo4jStore,
    neo4j_uri: str,
    small_graph: Graph,
    caplog: pytest.LogCaptureFixture,
) -> None:
    loop.call(neo.replace_graph, small_graph)
    texts = loop.call(neo._read_now, heating.sample)
    titles = {
        w
        for c in small_graph.credentials.values()
        for t in c.titles.values()
        for w in t.lower().split()
    }
    assert texts and all(set(t.split()) <= titles for t in texts), texts
    store = Neo4jStore(neo4j_uri)
    store.heat_searches = True
    store.ready_wait_s = 60.0
    with caplog.at_level(logging.INFO, logger="pathways.neo4j"):
        loop.call(store.open)  # returns once warm, heating included
    try:
        heated = [r.getMessage() for r in caplog.records if "heated" in r.getMessage()]
        assert heated and "searches in" in heated[0], caplog.text
    finally:
        loop.call(store.close)
