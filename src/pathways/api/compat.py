"""The internals of strawberry, cross-web and graphql-core that the API relies on, in one place.

Tested with strawberry-graphql 0.341 (with cross-web 0.9), starlette 1.10 and graphql-core
3.3; pyproject pins strawberry below 0.400 and starlette from 1.0.  An upgrade that moves
any of these breaks here, and only here.  What each name is for is said beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from cross_web.request._starlette import StarletteRequestAdapter
from graphql import DocumentNode, GraphQLError, GraphQLSchema
from graphql.validation import validation_context
from graphql.validation.validate import ValidationAbortedError
from starlette.requests import Request
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.schema.name_converter import NameConverter
from strawberry.schema.schema import validate_document as _strawberry_validate
from strawberry.types.base import get_object_definition
from strawberry.types.execution import ExecutionContext

TESTED = {
    "strawberry-graphql": "0.341",
    "cross-web": "0.9",
    "starlette": "1.10",
    "graphql-core": "3.3",
}
"""The versions this module was written against."""


def core_schema(ec: ExecutionContext) -> GraphQLSchema:
    """graphql-core's schema behind a strawberry execution (a private attribute)."""
    schema: GraphQLSchema = ec.schema._schema
    return schema


_NAMES = NameConverter()
"""strawberry's default naming, the schema's: an explicit `name=`, else camelCase."""


def graphql_names(value: object) -> dict[str, str] | None:
    """The GraphQL name of each field of a strawberry object, by Python name; None for a
    value that is no strawberry object."""
    definition = get_object_definition(value)
    if definition is None:
        return None
    return {f.python_name: _NAMES.get_graphql_name(f) for f in definition.fields}


def validate_document(
    schema: GraphQLSchema, document: DocumentNode, rules: Sequence[Any]
) -> list[GraphQLError]:
    """strawberry's validation: graphql-core's plus its own rules (not exported by it)."""
    return list(_strawberry_validate(schema, document, tuple(rules)))


TOO_MANY_ERRORS = "Too many validation errors"

FRAGMENT_WORK: int = validation_context.MAX_FRAGMENT_WORK
"""graphql-core's budget for fragment spreads and variable uses shared between operations."""


def aborted(error: GraphQLError) -> str | None:
    """Why graphql-core stopped validating: 'errors' (too many) or 'fragments', else None.

    It says "Validation aborted." both when fragments spread each other past its work
    budget and when they nest past the recursion limit, and a longer message at its
    error limit; only the class and the message tell these apart.
    """
    if not isinstance(error, ValidationAbortedError):
        return None
    return "errors" if error.message.startswith(TOO_MANY_ERRORS) else "fragments"


LIMIT_MESSAGES = (
    (re.compile(r"exceeds maximum operation depth of (\d+)"), "depth"),
    (re.compile(r"aliases found\. Allowed: (\d+)"), "aliases"),
    (re.compile(r"Document contains more than (\d+) tokens"), "tokens"),
)
"""How strawberry's limiters and graphql-core's parser word a limit, and which limit it is."""


def limit_of(error: GraphQLError) -> tuple[str, int] | None:
    """The limit (name, maximum) a strawberry limiter or the parser refused with, or None."""
    for pattern, name in LIMIT_MESSAGES:
        if m := pattern.search(error.message):
            return name, int(m.group(1))
    return None


_COERCION = re.compile(
    r"^Variable '\$[^']*' (has invalid value|has invalid default value|expected value of type"
    r"|got invalid value|of required type|of non-null type)"
)


def is_variable_error(error: GraphQLError) -> bool:
    """graphql-core's coercion of a variable's value failed (the client sent a bad value).

    Validation speaks of variables too ("Variable '$r' is never used"): those are
    mistakes in the document, not in the values, and do not match.
    """
    return _COERCION.match(error.message) is not None


def is_syntax_error(error: GraphQLError) -> bool:
    """graphql-core's parser refused the document."""
    return error.message.startswith("Syntax Error")


class RequestAdapter(StarletteRequestAdapter):
    """strawberry's view of a starlette request, with the request itself in public.

    The view's parse hook receives only the adapter, whose own reference to the
    request is private; this one keeps it as `request`.
    """

    def __init__(self, request: Request) -> None:
        super().__init__(request)
        self.request = request


def is_wrong_operation_type(error: BaseException) -> bool:
    """strawberry refused the operation's type (a mutation over GET); it says so only in the
    cause of the HTTP error it raises."""
    return isinstance(error.__cause__, InvalidOperationTypeError)
