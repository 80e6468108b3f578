"""The recognition desk (`/recognise`): a credential's equivalents in a country, by criterion."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from pathways.errors import BadUserInput
from pathways.service import Service
from pathways.web.render import page

CANDIDATES = 10
"""Rows the desk shows: recorded decisions first, then the best computed matches."""

MAX_ID = 200
"""Longest credential id accepted before it is looked up."""


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
    }
    if cred_id:
        cred = await service.require_credential(cred_id)
        matches = await service.equivalents(cred.id, country or None, 0.0, CANDIDATES)
        recognitions = {r.to_id: r for r in await service.store.recognitions_from(cred.id)}
        context.update(cred=cred, matches=matches, recognitions=recognitions)
    return page(request, "recognise.html", context)
