"""Error codes on every GraphQL error, and masking of everything unexpected."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql.error import GraphQLError
from strawberry.extensions import SchemaExtension

from pathways.api.compat import is_syntax_error, is_variable_error
from pathways.errors import PathwaysError

log = logging.getLogger("pathways.api")

UNEXPECTED = "Unexpected error. It has been logged; please try again or report it."


def _like(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    """A new error at the same place as `error`, with its own message and extensions."""
    return GraphQLError(
        message, error.nodes, error.source, error.positions, error.path, extensions=extensions
    )


def coded(error: GraphQLError) -> GraphQLError:
    """The error with `extensions.code`; unexpected ones masked, never leaking internals."""
    original = error.original_error
    if is_variable_error(error):
        # Variable coercion: the client sent a value of the wrong type.
        return _like(error, error.message, {"code": "BAD_USER_INPUT"})
    if isinstance(original, PathwaysError):
        return _like(error, original.message, {**original.extensions, "code": original.code})
    if original is None:
        # Raised by graphql-core itself: syntax and validation errors, safe to show.
        code = (error.extensions or {}).get("code") or "GRAPHQL_VALIDATION_FAILED"
        if is_syntax_error(error):
            code = "GRAPHQL_PARSE_FAILED"
        return _like(error, error.message, {**(error.extensions or {}), "code": code})
    if isinstance(original, GraphQLError):
        return coded(original)
    log.error("unexpected error in %s", error.path, exc_info=original)
    return _like(error, UNEXPECTED, {"code": "INTERNAL_SERVER_ERROR"})


class ErrorCodes(SchemaExtension):
    """Give every error a code and mask the unexpected ones."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [coded(e) for e in result.errors]
