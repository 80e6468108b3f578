"""Abuse limits: how big and deep a request may be before it is refused, cheaply and clearly.

The numbers are generous for every query the contract describes (the deepest
useful one, a stacking plan's alternatives' steps' credential's outcomes' skills'
label, is 7 levels) and small enough that no single request can hold the server.
Every refusal is BAD_USER_INPUT (the client can fix it by asking less) with
`extensions.limit` naming the limit and `extensions.maximum` its value; over HTTP
they are request errors, so `application/graphql-response+json` answers 400.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from pathways.api.compat import limit_of
from pathways.domain import budget as deadlines
from pathways.service import MAX_PAGE, MAX_SEARCH, REQUEST_SECONDS

MAX_DEPTH = 10
"""Deepest selection nesting (introspection fields are not counted, so GraphiQL works)."""

MAX_ALIASES = 30
"""Most aliases in one document: enough to ask for a few dozen credentials at once."""

MAX_TOKENS = 2000
"""Most lexical tokens in one document (graphql-core stops parsing there); the full
introspection query GraphiQL sends is about 250."""

MAX_SELECTIONS = 300
"""Most selections (fields and fragments) in one document; GraphiQL's introspection has 90.
Validation costs grow with them, so they are counted before validating."""

MAX_REPEATS = 10
"""Most times one response name may be selected in one selection set (fragments included):
graphql-core compares every such pair, so 495 repeats took seconds to validate."""

MAX_NUMBER_DIGITS = 50
"""Longest integer (in digits) a request may write, in JSON or in the query; GraphQL's Int
has 10, and Python refuses to read integers of over 4,300 digits (a 500 before)."""

MAX_ERRORS = 100
"""Validation errors reported for one document (graphql-core stops there)."""

MAX_BODY_BYTES = 256 * 1024
"""Largest request body (or GET query string) accepted; larger gets HTTP 413."""

MAX_REQUEST_HEAD = 4 * MAX_BODY_BYTES
"""Largest request line and headers the server reads (uvicorn's h11 setting), so that a
query string over MAX_BODY_BYTES gets a 413 from the view, not a reset connection."""

PAGE_SIZE = MAX_PAGE
"""Largest `first` of a list query (service.MAX_PAGE), refused with BAD_USER_INPUT above it."""

SEARCH_LENGTH = MAX_SEARCH
"""Longest `search` text (service.MAX_SEARCH): fuzzy matching a huge text holds the server."""

_MESSAGES = {
    "depth": "The query nests deeper than {max} levels; ask for less at once.",
    "aliases": "The query uses more than {max} aliases; split it into several requests.",
    "tokens": "The query is longer than {max} tokens; split it into several requests.",
}


def refusal(message: str, limit: str, maximum: int) -> GraphQLError:
    """A request refused for going over `limit`: BAD_USER_INPUT naming the limit and its value."""
    return GraphQLError(
        message, extensions={"code": "BAD_USER_INPUT", "limit": limit, "maximum": maximum}
    )


def limited(error: GraphQLError) -> GraphQLError:
    """A limit error from a strawberry limiter or the parser as BAD_USER_INPUT; others as is."""
    found = limit_of(error)
    if found is None:
        return error
    name, maximum = found
    return GraphQLError(
        _MESSAGES[name].format(max=maximum),
        error.nodes,
        error.source,
        error.positions,
        extensions={"code": "BAD_USER_INPUT", "limit": name, "maximum": maximum},
    )


class LimitCodes(SchemaExtension):
    """Give the limiters' errors a code and a plain message (listed before ErrorCodes)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [limited(e) for e in result.errors]


class RequestDeadline(SchemaExtension):
    """One deadline per operation (service.REQUEST_SECONDS) shared by all its heavy work."""

    def on_operation(self) -> Iterator[None]:
        with deadlines.within(deadlines.Deadline.unstarted(REQUEST_SECONDS)):
            yield


def limit_extensions() -> list[Callable[[], SchemaExtension]]:
    """Factories of the limiters (a fresh instance per request), LimitCodes first."""
    return [
        LimitCodes,
        RequestDeadline,
        partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),
        partial(QueryDepthLimiter, max_depth=MAX_DEPTH),
        partial(MaxAliasesLimiter, max_alias_count=MAX_ALIASES),
    ]
