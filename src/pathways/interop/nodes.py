"""Expanded JSON-LD as a graph of nodes: references resolved, values by language.

Readers never look at a document's own keys: they ask for full property IRIs on
expanded nodes, so whatever compaction, aliasing or nesting a document used, the
same IRI finds the same value.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_MAX_DEPTH = 64
"""Deepest nesting indexed; a deeper document is refused before it is read."""


class Node:
    """One JSON-LD node object, its properties looked up by full IRI."""

    __slots__ = ("_data", "_index")

    def __init__(self, data: dict[str, Any], index: dict[str, Node]) -> None:
        self._data = data
        self._index = index

    @property
    def id(self) -> str | None:
        """The node's @id, or None for a blank node without one."""
        ident = self._data.get("@id")
        return ident if isinstance(ident, str) else None

    @property
    def types(self) -> tuple[str, ...]:
        """The node's @type IRIs."""
        types = self._data.get("@type", [])
        return tuple(t for t in types if isinstance(t, str))

    def has_type(self, *iris: str) -> bool:
        """True when any of `iris` is among the node's types."""
        return any(t in iris for t in self.types)

    def has(self, prop: str) -> bool:
        """True when the property has any value."""
        return bool(self._data.get(prop))

    def properties(self) -> tuple[str, ...]:
        """Every property IRI the node carries (keywords left out)."""
        return tuple(k for k in self._data if not k.startswith("@"))

    def _raw(self, prop: str) -> list[Any]:
        values = self._data.get(prop, [])
        out: list[Any] = []
        for value in values:
            if isinstance(value, dict) and "@list" in value:
                out.extend(value["@list"])
            else:
                out.append(value)
        return out

    def nodes(self, prop: str) -> list[Node]:
        """The node values of a property; a bare reference resolves to the full node."""
        out: list[Node] = []
        for value in self._raw(prop):
            if not isinstance(value, dict) or "@value" in value:
                continue
            ident = value.get("@id")
            full = self._index.get(ident) if isinstance(ident, str) else None
            out.append(full if full is not None else Node(value, self._index))
        return out

    def node(self, prop: str) -> Node | None:
        """The first node value of a property, or None."""
        found = self.nodes(prop)
        return found[0] if found else None

    def ids(self, prop: str) -> list[str]:
        """The IRIs a property points at (node references and IRI-typed values)."""
        out: list[str] = []
        for value in self._raw(prop):
            if isinstance(value, dict):
                ident = value.get("@id")
                if isinstance(ident, str):
                    out.append(ident)
                elif isinstance(value.get("@value"), str):
                    out.append(value["@value"])
        return out

    def literals(self, prop: str) -> list[tuple[object, str | None]]:
        """The literal values of a property with their language tags."""
        out: list[tuple[object, str | None]] = []
        for value in self._raw(prop):
            if isinstance(value, dict) and "@value" in value:
                lang = value.get("@language")
                out.append((value["@value"], lang if isinstance(lang, str) else None))
        return out

    def literal(self, prop: str) -> object | None:
        """The first literal value of a property, or None."""
        found = self.literals(prop)
        return found[0][0] if found else None

    def text(self, prop: str) -> str | None:
        """The first non-empty text of a property, or None."""
        for value, _lang in self.literals(prop):
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    def texts(self, prop: str) -> dict[str, str]:
        """A property's texts by language (lower-case primary subtag; '' when untagged)."""
        out: dict[str, str] = {}
        for value, lang in self.literals(prop):
            if isinstance(value, str) and value.strip():
                out.setdefault(short_language(lang) if lang else "", value.strip())
        return out


def short_language(tag: str) -> str:
    """The primary subtag of a BCP 47 tag, lower case: 'en-US' -> 'en'."""
    return tag.split("-", 1)[0].strip().lower()


def pick_text(texts: dict[str, str], language: str | None) -> tuple[str, str | None] | None:
    """The text in `language`, else English, else untagged, else any; with its language."""
    for lang in (language, "en", ""):
        if lang is not None and lang in texts:
            return texts[lang], lang or None
    for lang, value in texts.items():
        return value, lang or None
    return None


class NodeIndex:
    """Every node of an expanded document, by @id where it has one."""

    def __init__(self, expanded: list[dict[str, Any]]) -> None:
        self.by_id: dict[str, Node] = {}
        self.roots: list[Node] = []
        merged: dict[str, dict[str, Any]] = {}
        for top in expanded:
            graph = top.get("@graph") if isinstance(top, dict) else None
            items = graph if isinstance(graph, list) else [top]
            for item in items:
                if isinstance(item, dict):
                    self.roots.append(Node(item, self.by_id))
                    self._collect(item, merged, 0)
        for ident, data in merged.items():
            self.by_id[ident] = Node(data, self.by_id)
        self.roots = [self.by_id.get(r.id, r) if r.id else r for r in self.roots]

    def _collect(self, data: dict[str, Any], merged: dict[str, dict[str, Any]], depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise ValueError("nested too deeply")
        ident = data.get("@id")
        if isinstance(ident, str) and len(data) > 1:
            into = merged.setdefault(ident, {"@id": ident})
            for key, value in data.items():
                if key == "@id":
                    continue
                if key not in into:
                    into[key] = value
        for key, values in data.items():
            if key.startswith("@") and key not in ("@graph", "@list", "@included"):
                continue
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, dict) and "@value" not in value:
                    self._collect(value, merged, depth + 1)

    def all(self) -> Iterator[Node]:
        """Every identified node, then the unidentified roots."""
        yield from self.by_id.values()
        yield from (r for r in self.roots if r.id is None)
