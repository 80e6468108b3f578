"""One contract suite, every store: the same questions must get the same answers.

The stores are async; a session-wide blocking portal (an event loop in a thread) lets
plain test functions call them, and keeps one driver per store for the whole session.
"""

from __future__ import annotations

from collections.abc import Iterator

import anyio.from_thread
import pytest

from pathways.model import Graph
from pathways.store.base import Store
from tests.support.backends import Backend

STORES = ["memory", "neo4j"]


@pytest.fixture(scope="session")
def portal() -> Iterator[anyio.from_thread.BlockingPortal]:
    with anyio.from_thread.start_blocking_portal() as p:
        yield p


def _open_memory(graph: Graph) -> Store:
    from pathways.store.memory import MemoryStore

    return MemoryStore(graph)


@pytest.fixture(scope="session", params=STORES)
def backend(
    request: pytest.FixtureRequest, portal: anyio.from_thread.BlockingPortal, small_graph: Graph
) -> Iterator[Backend]:
    if request.param == "memory":
        store = _open_memory(small_graph)
        portal.call(store.open)
    else:
        # tests/support/neo4j_server.py starts scripts/neo4j-local once per session (or skips with a
        # visible reason off CI when Java or Maven is missing) and returns an opened
        # Neo4jStore on this portal's loop, holding exactly `small_graph`.
        from tests.support.neo4j_server import open_neo4j_store

        store = open_neo4j_store(request, portal, small_graph)
    try:
        yield Backend(request.param, store, portal)
    finally:
        portal.call(store.close)
