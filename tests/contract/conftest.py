"""One contract suite, every store: the same questions must get the same answers.

The stores are async; a session-wide blocking portal (an event loop in a thread) lets
plain test functions call them, and keeps one driver per store for the whole session.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio.from_thread
import pytest

from pathways.cli import run_query
from pathways.model import Graph
from pathways.service import Service
from pathways.store.base import Store

T = TypeVar("T")

STORES = ["memory", "neo4j"]


@dataclass
class Backend:
    """A store loaded with the small graph, and a way to call it from sync tests."""

    name: str
    store: Store
    portal: anyio.from_thread.BlockingPortal

    def call(self, fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        """Run an async callable on the store's loop."""
        return self.portal.call(fn, *args)

    def gql(self, document: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Execute a GraphQL document in-process; the JSON-normalised result."""
        out = self.portal.call(run_query, Service(self.store), document, variables)
        return json.loads(json.dumps(out))


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
        # tests/neo4j_server.py starts scripts/neo4j-local once per session (or skips with a
        # visible reason off CI when Java or Maven is missing) and returns an opened
        # Neo4jStore on this portal's loop, holding exactly `small_graph`.
        from tests.support.neo4j_server import open_neo4j_store

        store = open_neo4j_store(request, portal, small_graph)
    try:
        yield Backend(request.param, store, portal)
    finally:
        portal.call(store.close)
