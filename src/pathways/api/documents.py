"""Resolvers of the documents API: readDocument, documentEquivalents, importDocument."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from pathways.api.auth import check_role
from pathways.api.mutations import _with_field
from pathways.api.types.catalogue import CredentialType, Info
from pathways.api.types.documents import DocumentReadingType
from pathways.api.types.equivalence import MatchType
from pathways.errors import SeedValidationError
from pathways.interop import service as documents
from pathways.interop.reading import DocumentFormat as Format

arg = strawberry.argument

DOCUMENT = arg(
    "An ELM v3, Open Badges 3.0 or CTDL JSON-LD document (an issued credential or a "
    "description). Nothing is fetched from the network; contexts must be ones we hold."
)
FORMAT = arg("The document's format; null: detected from its @context and type.")


async def read_document(
    info: Info,
    document: Annotated[JSON, DOCUMENT],
    format: Annotated[Format | None, FORMAT] = None,
) -> DocumentReadingType:
    """The credentials a document holds, with quality reports and warnings; nothing stored."""
    service = info.context.service
    reading = await documents.read(service, document, format)
    reports = await documents.quality_reports(service.store, reading)
    return DocumentReadingType.from_model(reading, reports)


async def document_equivalents(
    info: Info,
    document: Annotated[JSON, DOCUMENT],
    format: Annotated[Format | None, FORMAT] = None,
    country: Annotated[
        str | None, arg("Only candidates of this country (ISO 3166), e.g. the receiving one.")
    ] = None,
    min_score: Annotated[float | None, arg("Leave out matches scoring below this, 0 to 1.")] = 0.0,
    first: Annotated[int | None, arg("Most matches returned.")] = 10,
) -> list[MatchType]:
    """Credentials in the graph comparable to the document's awarded credential, best first."""
    service = info.context.service
    reading = await documents.read(service, document, format)
    matches = await documents.equivalents(
        service,
        reading,
        country,
        0.0 if min_score is None else min_score,
        10 if first is None else first,
    )
    return [MatchType.from_model(m) for m in matches]


async def import_document(
    info: Info,
    document: Annotated[JSON, DOCUMENT],
    format: Annotated[Format | None, FORMAT] = None,
) -> list[CredentialType]:
    """Store every credential a document holds, validated together: all or none (role: editor)."""
    check_role(info.context.role, "importDocument")
    try:
        creds = await documents.import_document(info.context.service, document, format)
    except SeedValidationError as err:
        raise _with_field(err) from None
    return [CredentialType.from_model(c) for c in creds]
