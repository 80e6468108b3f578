"""Helpers for the Neo4j store tests: a loop to call both stores on, and deep comparison."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import anyio.from_thread

from pathways.errors import PathwaysError
from pathways.store.base import SearchFilter, SearchKey

T = TypeVar("T")


def plain(value: object) -> object:
    """A value as plain data, fields excluded from == (labels, extra ...) included."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return (type(value).__name__, fields)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(plain(v) for v in value)  # type: ignore[type-var]
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


class Both:
    """The embedded store and the Neo4j store, asked the same thing on one event loop."""

    def __init__(self, portal: anyio.from_thread.BlockingPortal, memory: Any, neo4j: Any) -> None:
        self.portal = portal
        self.memory = memory
        self.neo4j = neo4j

    def ask(self, method: str, *args: Any) -> tuple[object, object]:
        """The plain answers (or raised PathwaysError) of both stores."""
        return self._answer(self.memory, method, args), self._answer(self.neo4j, method, args)

    def _answer(self, store: Any, method: str, args: tuple[Any, ...]) -> object:
        try:
            return plain(self.portal.call(getattr(store, method), *args))
        except PathwaysError as err:
            return ("raised", type(err).__name__, err.message, err.extensions)

    def same(self, method: str, *args: Any) -> object:
        """Assert both stores answer alike; the answer."""
        mem, neo = self.ask(method, *args)
        assert neo == mem, f"{method}{args}"
        return mem

    def call(self, fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        """Run one coroutine function on the loop."""
        return self.portal.call(fn, *args)

    def searches_alike(self, texts: Iterable[str], country: str | None = None) -> None:
        """Assert both stores answer each search alike: its first page of two, and the
        next one from a cursor inside a band of ties or past it."""
        for text in texts:
            flt = SearchFilter(text=text, country=country)
            self.same("search", flt, 2, None)
            page = self.portal.call(self.memory.search, flt, 2, None)
            if page.more:
                last, score = page.items[-1]
                self.same("search", flt, 2, SearchKey(score, last.id))


def portal() -> Iterator[anyio.from_thread.BlockingPortal]:
    """A blocking portal for a module-scoped fixture."""
    with anyio.from_thread.start_blocking_portal() as p:
        yield p
