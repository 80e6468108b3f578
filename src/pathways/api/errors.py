"""Error codes on every GraphQL error, and masking of everything unexpected."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql.error import GraphQLError
from strawberry.extensions import SchemaExtension

from pathways.errors import PathwaysError

log = logging.getLogger("pathways.api")

UNEXPECTED = "Unexpected error. It has been logged; please try again or report it."


def coded(error: GraphQLError) -> GraphQLError:
    """The error with `extensions.code`; unexpected ones masked, never leaking internals."""
    original = error.original_error
    if error.message.startswith("Variable '$"):
        # Variable coercion: the client sent a value of the wrong type.
        return GraphQLError(
            error.message,
            error.nodes,
            error.source,
            error.positions,
            error.path,
            extensions={"code": "BAD_USER_INPUT"},
        )
    if isinstance(original, PathwaysError):
        extensions = {**original.extensions, "code": original.code}
        return GraphQLError(
            original.message,
            error.nodes,
            error.source,
            error.positions,
            error.path,
            extensions=extensions,
        )
    if original is None:
        # Raised by graphql-core itself: syntax and validation errors, safe to show.
        code = (error.extensions or {}).get("code") or "GRAPHQL_VALIDATION_FAILED"
        if error.message.startswith("Syntax Error"):
            code = "GRAPHQL_PARSE_FAILED"
        return GraphQLError(
            error.message,
            error.nodes,
            error.source,
            error.positions,
            error.path,
            extensions={**(error.extensions or {}), "code": code},
        )
    if isinstance(original, GraphQLError):
        return coded(original)
    log.error("unexpected error in %s", error.path, exc_info=original)
    return GraphQLError(
        UNEXPECTED,
        error.nodes,
        error.source,
        error.positions,
        error.path,
        extensions={"code": "INTERNAL_SERVER_ERROR"},
    )


class ErrorCodes(SchemaExtension):
    """Give every error a code and mask the unexpected ones."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [coded(e) for e in result.errors]
