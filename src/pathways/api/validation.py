"""Validation of a query document, done once per distinct document and kept."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

DOCUMENT_CACHE = 512
"""Distinct documents whose validation result is kept; clients repeat a handful of them."""

Key = tuple[GraphQLSchema, str | DocumentNode, tuple[tuple[str, str], ...]]


@dataclass
class CacheInfo:
    """How the validation cache has done since the process started."""

    hits: int = 0
    misses: int = 0
    size: int = 0


_results: OrderedDict[Key, list[GraphQLError]] = OrderedDict()
_info = CacheInfo()


def _rule_key(rule: Any) -> tuple[str, str]:
    # strawberry builds the depth and alias limit rules anew for every request, as new
    # classes; with this process's fixed limits their module and name identify them.
    return (str(rule.__module__), str(rule.__qualname__))


def validate(
    schema: GraphQLSchema, document: DocumentNode, rules: Sequence[Any], text: str | None = None
) -> list[GraphQLError]:
    """graphql-core's validation of `document`, from the cache when it was seen before.

    `text`, the query the document was parsed from, keys the cache more cheaply than the
    document's structural hash.
    """
    key: Key = (schema, document if text is None else text, tuple(_rule_key(r) for r in rules))
    found = _results.get(key)
    if found is not None:
        _results.move_to_end(key)
        _info.hits += 1
        return list(found)
    _info.misses += 1
    errors = list(validate_document(schema, document, tuple(rules)))
    _results[key] = errors
    if len(_results) > DOCUMENT_CACHE:
        _results.popitem(last=False)
    return list(errors)


def cache_info() -> CacheInfo:
    """A copy of the cache's counters."""
    return CacheInfo(_info.hits, _info.misses, len(_results))


class CachedValidation(SchemaExtension):
    """Validate with a cache (a few ms a request), keeping refusals set earlier.

    strawberry's own ValidationCache overwrites errors that an earlier extension set
    (a refused role, an ambiguous operation), and keys on rule classes that its limiters
    create anew per request, so it never hits; this one does neither.
    """

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.pre_execution_errors is None and ec.graphql_document is not None:
            ec.pre_execution_errors = validate(
                ec.schema._schema, ec.graphql_document, ec.validation_rules, ec.query
            )
        yield
