"""The recognition desk (`/recognise`): a credential's equivalents in a country, by criterion."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

from pathways.errors import BadUserInput, LimitExceeded
from pathways.interop import service as documents
from pathways.service import Service
from pathways.web.render import page

CANDIDATES = 10
"""Rows the desk shows: recorded decisions first, then the best computed matches."""

MAX_ID = 200
"""Longest credential id accepted before it is looked up."""

MAX_FORM_BYTES = 1_000_000
"""Largest pasted document form accepted (a Europass or OB3 credential is a few KB)."""


def _param(request: Request, name: str, maximum: int) -> str:
    value = request.query_params.get(name, "").strip()
    if len(value) > maximum:
        raise BadUserInput(f"'{name}' may be at most {maximum} characters.", argument=name)
    return value


async def recognise_page(request: Request, service: Service) -> Response:
    """The picker, and once a credential is chosen its candidates as a table."""
    cred_id = _param(request, "credential", MAX_ID)
    country = _param(request, "country", 8).upper()
    countries = sorted({f.country for f in await service.frameworks() if f.country})
    context: dict[str, object] = {
        "cred_id": cred_id,
        "country": country,
        "countries": countries,
        "cred": None,
        "matches": [],
        "recognitions": {},
        "document": "",
        "reading": None,
    }
    if cred_id:
        cred = await service.require_credential(cred_id)
        matches = await service.equivalents(cred.id, country or None, 0.0, CANDIDATES)
        recognitions = {r.to_id: r for r in await service.store.recognitions_from(cred.id)}
        context.update(cred=cred, matches=matches, recognitions=recognitions)
    return page(request, "recognise.html", context)


async def _form(request: Request) -> dict[str, str]:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            raise LimitExceeded(
                f"The document may be at most {MAX_FORM_BYTES // 1000} KB.",
                argument="document",
                maximum=MAX_FORM_BYTES,
            )
        chunks.append(chunk)
    try:
        fields = parse_qs(b"".join(chunks).decode("utf-8"), max_num_fields=10)
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadUserInput("The form could not be read.", argument="document") from exc
    return {k: v[0] for k, v in fields.items() if v}


async def recognise_document_page(request: Request, service: Service) -> Response:
    """A learner's Europass (ELM) or Open Badges 3 document read and compared; nothing stored."""
    form = await _form(request)
    text = form.get("document", "").strip()
    country = form.get("country", "").strip().upper()[:8]
    if not text:
        raise BadUserInput("Paste a document or choose a file first.", argument="document")
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise BadUserInput(
            "The document is not JSON: paste a Europass (ELM) or Open Badges 3 credential "
            "as JSON-LD.",
            argument="document",
        ) from exc
    reading = await documents.read(service, document, None)
    if not reading.credentials:
        raise BadUserInput("The document describes no credential.", argument="document")
    matches = await documents.equivalents(service, reading, country or None, 0.0, CANDIDATES)
    return page(
        request,
        "recognise.html",
        {
            "cred_id": "",
            "country": country,
            "countries": sorted({f.country for f in await service.frameworks() if f.country}),
            "cred": reading.credentials[0],
            "matches": matches,
            "recognitions": {},
            "document": text,
            "reading": reading,
        },
    )
