"""What the Neo4j store tests share: a loop to call the store from, and an opened store."""

from __future__ import annotations

from collections.abc import Iterator

import anyio.from_thread
import pytest

from pathways.model import Graph
from pathways.store.neo4j import Neo4jStore
from tests.support import neo4j_stores as support


@pytest.fixture(scope="module")
def loop() -> Iterator[anyio.from_thread.BlockingPortal]:
    """An event loop in a thread, one per test module."""
    yield from support.portal()


@pytest.fixture(scope="module")
def neo(
    loop: anyio.from_thread.BlockingPortal, neo4j_uri: str, small_graph: Graph
) -> Iterator[Neo4jStore]:
    """A Neo4jStore on the session server, left holding the small graph afterwards."""
    store = Neo4jStore(neo4j_uri)
    loop.call(store.open)
    try:
        yield store
    finally:
        loop.call(store.replace_graph, small_graph)  # what the contract suite expects
        loop.call(store.close)
