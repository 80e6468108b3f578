"""A store that refuses whole-graph reads: proof that a request reads only what it needs."""

from __future__ import annotations

from typing import Any, cast

from pathways.model import Graph
from pathways.store.base import Store


class WholeGraphRead(AssertionError):
    """Raised when a request asks the store for the whole graph."""


class NoScanStore:
    """Every call goes to the wrapped store, except `snapshot`, which fails the test."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.backend = store.backend

    async def snapshot(self) -> Graph:
        """Fail: the request under test read the whole graph."""
        raise WholeGraphRead("snapshot() called: the request read the whole graph")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def no_scan(store: Store) -> Store:
    """`store` with whole-graph reads refused."""
    return cast(Store, NoScanStore(store))
