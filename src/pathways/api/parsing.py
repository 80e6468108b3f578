"""Work proportional to a query document's size, done off the event loop for large ones.

graphql-core lexes a document one character at a time in Python: the largest body
allowed (256 KB of one string literal) took most of a second to parse, and a
2,000-token document 15 ms, all of it on the loop that answers every other client.
A document longer than ON_LOOP_CHARS is parsed on DOCUMENT_WORK's thread instead,
and so are its measuring and cache key before validation (api/validation.py).
Short documents, nearly all of them, stay on the loop: for them the hop to a
thread would cost more than it spares.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    NameNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    parse,
)
from strawberry.extensions import SchemaExtension

ON_LOOP_CHARS = 2000
"""Longest document handled on the event loop (about 3 ms to parse, measure and key)."""

DOCUMENT_WORK = ThreadPoolExecutor(1, "pathways-documents")
"""One thread for parsing and validating large documents: each is bounded by the limits."""

T = TypeVar("T")


def is_large(length: int) -> bool:
    """Whether a document of `length` characters is handled off the loop."""
    return length > ON_LOOP_CHARS


def document_length(document: DocumentNode) -> int:
    """Characters of the source a parsed document came from (0 when it has no location)."""
    return document.loc.end if document.loc is not None else 0


async def off_loop_if_large(length: int, fn: Callable[[], T]) -> T:
    """`fn()` on DOCUMENT_WORK for a large document, inline on the loop for a short one."""
    if not is_large(length):
        return fn()
    return await asyncio.get_running_loop().run_in_executor(DOCUMENT_WORK, fn)


def stand_in(operation_name: str | None) -> DocumentNode:
    """A document with one query of the asked name, standing in for one that failed to parse.

    strawberry reads the operation's type from the document before validating; a
    refusal already set (`pre_execution_errors`) then ends the request, unvalidated.
    """
    name = NameNode(value=operation_name) if operation_name is not None else None
    typename = FieldNode(name=NameNode(value="__typename"), directives=(), arguments=())
    query = OperationDefinitionNode(
        operation=OperationType.QUERY,
        name=name,
        variable_definitions=(),
        directives=(),
        selection_set=SelectionSetNode(selections=(typename,)),
    )
    return DocumentNode(definitions=(query,))


class ParseOffLoop(SchemaExtension):
    """Parse a large document on DOCUMENT_WORK; strawberry parses the others as usual.

    A syntax or token-limit error found there is the request's error, as when strawberry
    parses (the same GraphQLError): raised from this hook it would skip the other
    extensions' after-operation steps, so it is set as the refusal instead.
    """

    async def on_parse(self) -> AsyncIterator[None]:
        ec = self.execution_context
        query = ec.query
        if ec.graphql_document is None and query is not None and is_large(len(query)):
            try:
                ec.graphql_document = await off_loop_if_large(
                    len(query), partial(parse, query, **ec.parse_options)
                )
            except GraphQLError as error:
                ec.pre_execution_errors = [error]
                ec.graphql_document = stand_in(ec.operation_name)
        yield
