"""A store under test with a way to call it, and to query it, from plain test functions."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio.from_thread

from pathways.cli import run_query
from pathways.service import Service
from pathways.store.base import Store

T = TypeVar("T")


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
