"""Validation of a query document: its cost bounded first, then done once per document, kept.

graphql-core's rule for overlapping fields compares every pair of fields that share a
response name, so a document repeating one selection hundreds of times (8 KB, within
the token limit) took seconds.  `measure` counts selections and repeats in one pass,
before any rule runs, and a document over the limits is refused without validating.
What is validated runs in a worker thread (api/parsing.py's, which also measures and
keys a large document), so even the largest document allowed does not hold the event
loop, and the result is kept under a key that ignores comments and layout (the
document's tokens), bounded in entries and in bytes.
"""

from __future__ import annotations

import asyncio
import math
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TokenKind,
    print_ast,
)
from strawberry.extensions import SchemaExtension

from pathways.api.compat import FRAGMENT_WORK, aborted, core_schema, validate_document
from pathways.api.limits import (
    MAX_ERRORS,
    MAX_NUMBER_DIGITS,
    MAX_REPEATS,
    MAX_SELECTIONS,
    refusal,
)
from pathways.api.parsing import DOCUMENT_WORK, document_length, off_loop_if_large

DOCUMENT_CACHE = 512
"""Distinct documents whose validation result is kept; clients repeat a handful of them."""

DOCUMENT_CACHE_BYTES = 16 * 1024 * 1024
"""Bytes of keys and errors the cache may hold (600 large documents once pinned 360 MB)."""

Key = tuple[GraphQLSchema, str, tuple[tuple[str, str], ...]]


@dataclass
class CacheInfo:
    """How the validation cache has done since the process started."""

    hits: int = 0
    misses: int = 0
    size: int = 0
    bytes: int = 0


@dataclass(frozen=True, slots=True)
class DocumentSize:
    """What validating a document costs: its selections, and its most repeated field."""

    selections: int
    repeated: str
    repeats: int


_results: OrderedDict[Key, tuple[list[GraphQLError], int]] = OrderedDict()
_info = CacheInfo()


def measure(document: DocumentNode, stop_at: int = MAX_SELECTIONS) -> DocumentSize:
    """Selections in the document, and the response name most often selected in one set.

    A set counts the fields of its inline fragments and of the fragments it spreads
    (as graphql-core's overlap rule does); each fragment is counted once, and a
    fragment that spreads itself is cut off (validation refuses it later).  Past
    `stop_at` selections the count stops there, unfinished: the document is refused.
    """
    sets: list[SelectionSetNode] = [
        d.selection_set
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode | FragmentDefinitionNode)
    ]
    selections, seen = 0, 0
    while seen < len(sets) and selections <= stop_at:
        selection_set = sets[seen]
        seen += 1
        selections += len(selection_set.selections)
        sets.extend(
            sel.selection_set
            for sel in selection_set.selections
            if isinstance(sel, FieldNode | InlineFragmentNode) and sel.selection_set
        )
    if selections > stop_at:
        return DocumentSize(selections, "", 0)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    memo: dict[str, Counter[str]] = {}

    def names(selection_set: SelectionSetNode, visiting: frozenset[str]) -> Counter[str]:
        found: Counter[str] = Counter()
        for sel in selection_set.selections:
            if isinstance(sel, FieldNode):
                found[(sel.alias or sel.name).value] += 1
            elif isinstance(sel, InlineFragmentNode):
                found.update(names(sel.selection_set, visiting))
            elif isinstance(sel, FragmentSpreadNode):
                name = sel.name.value
                if name in visiting or name not in fragments:
                    continue
                if name not in memo:
                    memo[name] = names(fragments[name].selection_set, visiting | {name})
                found.update(memo[name])
        return found

    repeated, repeats = "", 0
    owners = {id(f.selection_set): name for name, f in fragments.items()}
    for selection_set in sets:
        owner = owners.get(id(selection_set))
        counts = names(selection_set, frozenset() if owner is None else frozenset({owner}))
        if counts:
            name, count = counts.most_common(1)[0]
            if count > repeats:
                repeated, repeats = name, count
    return DocumentSize(selections, repeated, repeats)


def number_errors(document: DocumentNode) -> list[GraphQLError]:
    """The refusal of a literal number no argument can take: too many digits, or infinite.

    graphql-core hands an Int literal to int() (over 4,300 digits: a ValueError) and a
    Float literal to float() (1e309: infinity); neither is a number a client means.
    """
    token = document.loc.start_token if document.loc else None
    while token is not None:
        value = token.value or ""
        if token.kind is TokenKind.INT and len(value.lstrip("-")) > MAX_NUMBER_DIGITS:
            return [
                refusal(
                    f"The query writes an integer of {len(value)} digits; no argument takes "
                    f"more than {MAX_NUMBER_DIGITS}.",
                    "number",
                    MAX_NUMBER_DIGITS,
                )
            ]
        if token.kind is TokenKind.FLOAT and (
            len(value) > 2 * MAX_NUMBER_DIGITS or not math.isfinite(float(value))
        ):
            return [
                refusal(
                    f"The query writes the number {value[:40]}, too large for any argument.",
                    "number",
                    MAX_NUMBER_DIGITS,
                )
            ]
        token = token.next
    return []


def size_errors(document: DocumentNode) -> list[GraphQLError]:
    """The refusal of a document too costly to validate, or nothing."""
    numbers = number_errors(document)
    if numbers:
        return numbers
    size = measure(document)
    if size.selections > MAX_SELECTIONS:
        return [
            refusal(
                f"The query has {size.selections} selections; at most {MAX_SELECTIONS} are "
                "allowed. Split it into several requests.",
                "selections",
                MAX_SELECTIONS,
            )
        ]
    if size.repeats > MAX_REPEATS:
        return [
            refusal(
                f"The query selects '{size.repeated[:80]}' {size.repeats} times in one place; "
                f"at most {MAX_REPEATS} are allowed. Select each field once.",
                "repeats",
                MAX_REPEATS,
            )
        ]
    return []


def document_key(document: DocumentNode) -> str:
    """The document's tokens without comments or layout: equal for the same document."""
    loc = document.loc
    if loc is None:
        return print_ast(document)
    parts = []
    token = loc.start_token.next
    while token is not None and token.kind is not TokenKind.EOF:
        if token.kind is not TokenKind.COMMENT:
            parts.append(f"{token.kind.value}\x00{token.value or ''}")
        token = token.next
    return "\x01".join(parts)


def _checked(document: DocumentNode) -> tuple[list[GraphQLError], str]:
    """The document's refusal by size (or nothing), and its key when it is not refused."""
    refused = size_errors(document)
    return refused, "" if refused else document_key(document)


def _rule_key(rule: Any) -> tuple[str, str]:
    # strawberry builds the depth and alias limit rules anew for every request, as new
    # classes; with this process's fixed limits their module and name identify them.
    return (str(rule.__module__), str(rule.__qualname__))


def _validate(
    schema: GraphQLSchema, document: DocumentNode, rules: Sequence[Any]
) -> list[GraphQLError]:
    return [_actionable(e) for e in validate_document(schema, document, rules)]


def _actionable(error: GraphQLError) -> GraphQLError:
    """graphql-core's "Validation aborted." said so that a client knows what to change."""
    why = aborted(error)
    if why == "errors":
        return GraphQLError(
            f"The query has more than {MAX_ERRORS} errors; these are the first {MAX_ERRORS}. "
            "Fix them and send it again to see the rest.",
            extensions={"code": "GRAPHQL_VALIDATION_FAILED"},
        )
    if why == "fragments":
        return refusal(
            "The query's fragments spread each other too often, or nest too deeply, to be "
            "checked. Spread each fragment fewer times, or write the fields out.",
            "fragments",
            FRAGMENT_WORK,
        )
    return error


def _cost(key: Key, errors: Sequence[GraphQLError]) -> int:
    return len(key[1]) + sum(200 + len(e.message) for e in errors)


async def validate(
    schema: GraphQLSchema, document: DocumentNode, rules: Sequence[Any]
) -> list[GraphQLError]:
    """graphql-core's validation of `document` (off the loop), or the kept result."""
    refused, text = await off_loop_if_large(document_length(document), partial(_checked, document))
    if refused:
        return refused
    key: Key = (schema, text, tuple(_rule_key(r) for r in rules))
    found = _results.get(key)
    if found is not None:
        _results.move_to_end(key)
        _info.hits += 1
        return list(found[0])
    _info.misses += 1
    loop = asyncio.get_running_loop()
    errors = await loop.run_in_executor(DOCUMENT_WORK, _validate, schema, document, rules)
    cost = _cost(key, errors)
    if cost <= DOCUMENT_CACHE_BYTES:
        old = _results.pop(key, None)
        _info.bytes -= old[1] if old else 0
        _results[key] = (errors, cost)
        _info.bytes += cost
        while len(_results) > DOCUMENT_CACHE or _info.bytes > DOCUMENT_CACHE_BYTES:
            _info.bytes -= _results.popitem(last=False)[1][1]
    return list(errors)


def cache_info() -> CacheInfo:
    """A copy of the cache's counters."""
    return CacheInfo(_info.hits, _info.misses, len(_results), _info.bytes)


class CachedValidation(SchemaExtension):
    """Validate with a bound and a cache, keeping refusals set earlier.

    strawberry's own ValidationCache overwrites errors that an earlier extension set
    (a refused role, an ambiguous operation), and keys on rule classes that its limiters
    create anew per request, so it never hits; this one does neither.
    """

    async def on_validate(self) -> AsyncIterator[None]:
        ec = self.execution_context
        if ec.pre_execution_errors is None and ec.graphql_document is not None:
            ec.pre_execution_errors = await validate(
                core_schema(ec), ec.graphql_document, ec.validation_rules
            )
        yield
