"""The JSON-LD side of /credentials/{id}: the credential as an ELM, OB3 or CTDL document.

The page routes (pathways.web) negotiate: a client asking for JSON or JSON-LD rather
than HTML is handed to `linked_data`, which answers ELM by default and OB3 or CTDL
with `?format=ob3|ctdl`.  `/credentials/{id}/recognitions` gives the decisions
recorded from the credential as CTDL TransferValueProfiles.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pathways.errors import NotFound
from pathways.interop import service as documents
from pathways.interop.reading import DocumentFormat
from pathways.service import Service

LD_JSON = "application/ld+json"


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}},
        status_code=status,
        headers={"Vary": "Accept"},
    )


def _format(request: Request) -> DocumentFormat | None:
    name = request.query_params.get("format", "elm").strip().upper()
    return DocumentFormat.__members__.get(name)


def linked_data(service: Service) -> Callable[[Request], Awaitable[Response]]:
    """The JSON-LD answer of /credentials/{id}, for clients that ask for JSON-LD."""

    async def credential(request: Request) -> Response:
        fmt = _format(request)
        if fmt is None:
            return _error(400, "BAD_USER_INPUT", "'format' must be one of elm, ob3, ctdl.")
        ident = request.path_params["id"]
        try:
            doc = await documents.credential_document(service.store, ident, fmt)
        except NotFound as err:
            return _error(404, NotFound.code, err.message)
        return JSONResponse(doc, media_type=LD_JSON, headers={"Vary": "Accept"})

    return credential


def document_routes(service: Service) -> list[Route]:
    """/credentials/{id}/recognitions: recorded decisions as CTDL TransferValueProfiles."""

    async def recognitions(request: Request) -> Response:
        ident = request.path_params["id"]
        try:
            doc = await documents.recognitions_document(service.store, ident)
        except NotFound as err:
            return _error(404, NotFound.code, err.message)
        return JSONResponse(doc, media_type=LD_JSON, headers={"Vary": "Accept"})

    return [Route("/credentials/{id}/recognitions", recognitions, methods=["GET"])]
