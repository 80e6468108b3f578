"""A serving replica warms the search statements in the background, without waiting for it."""

from __future__ import annotations

import asyncio
from typing import Any

import anyio.from_thread
import pytest

from pathways.store.neo4j import Neo4jStore, idorder, skillsearch
from pathways.store.neo4j import search as neo4j_search
from pathways.store.neo4j.catalog import Q
from pathways.store.neo4j.reads import LoadCache
from tests.support.statements import record_queries

pytestmark = pytest.mark.neo4j

SEARCH_STATEMENTS = {
    Q.SEARCH_SHORTLIST,
    Q.SEARCH_SKILLS,
    Q.SEARCH_TITLES,
    Q.CREDENTIAL_ORDER,
    Q.SEARCH_PAGE,
    Q.SEARCH_PAGE_FILTERED,
    Q.OUT_OF_DATE,
    Q.LIST_ALL,
    Q.LIST_BY_COUNTRY,
    Q.LIST_BY_KIND,
}


def test_warm_up_runs_every_search_and_listing_statement(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = record_queries(monkeypatch, neo4j_search, skillsearch, idorder)
    loop.call(neo._read, lambda tx: neo4j_search.warm(tx, LoadCache()))
    assert ran >= SEARCH_STATEMENTS, SEARCH_STATEMENTS - ran


def test_open_does_not_wait_for_the_warm_up(
    loop: anyio.from_thread.BlockingPortal, neo4j_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = asyncio.Event()

    async def endless(_tx: Any, _loaded: Any = None) -> None:
        started.set()
        await asyncio.Event().wait()

    monkeypatch.setattr(neo4j_search, "warm", endless)
    store = Neo4jStore(neo4j_uri)

    async def open_then_close() -> bool:
        await store.open()  # returns although the warm-up never ends
        await asyncio.wait_for(started.wait(), 60)
        await store.close()  # and closing stops it
        return True

    assert loop.call(open_then_close)
