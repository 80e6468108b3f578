"""The page routes, the static files, and the offline GraphiQL page."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from pathways.service import Service
from pathways.web.catalogue import credential_page, search_page
from pathways.web.plan import plan_page
from pathways.web.recognise import recognise_document_page, recognise_page
from pathways.web.render import guarded, page

Endpoint = Callable[[Request], Awaitable[Response]]
Page = Callable[[Request, Service], Awaitable[Response]]

IMMUTABLE = "public, max-age=31536000, immutable"
"""Vendored files carry their version in their path, so browsers may keep them."""


class Static(StaticFiles):
    """The package's static files; vendored ones cached for good, ours revalidated."""

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        """The file, with a cache lifetime by whether it is vendored."""
        response = super().file_response(full_path, stat_result, scope, status_code)
        vendored = "/vendor/" in str(scope.get("path", ""))
        response.headers["cache-control"] = IMMUTABLE if vendored else "no-cache"
        return response


def prefers_html(request: Request) -> bool:
    """True unless the client asks for JSON or JSON-LD rather than a page."""
    accept = request.headers.get("accept", "").lower()
    return "html" in accept or "json" not in accept


def routes(service: Service, linked_data: Endpoint | None = None) -> list[BaseRoute]:
    """The pages over `service`; `linked_data` answers /credentials/{id} for JSON(-LD) clients."""

    def bind(view: Page) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            return await view(request, service)

        return guarded(endpoint)

    async def credential_view(request: Request, service: Service) -> Response:
        return await credential_page(request, service, documents=linked_data is not None)

    credential_html = bind(credential_view)

    async def credential(request: Request) -> Response:
        # an explicit ?format= asks for the document itself, whatever a browser accepts
        wants_document = "format" in request.query_params and linked_data is not None
        if prefers_html(request) and not wants_document:
            response = await credential_html(request)
            response.headers["vary"] = "Accept"  # the same URL is also a JSON-LD document
            return response
        if linked_data is not None:
            return await linked_data(request)
        return PlainTextResponse("This resource is served as text/html only.", status_code=406)

    return [
        Route("/", bind(search_page), methods=["GET"], name="search"),
        Route("/credentials/{id}", credential, methods=["GET"], name="credential"),
        Route("/plan", bind(plan_page), methods=["GET"], name="plan"),
        Route("/recognise", bind(recognise_page), methods=["GET"], name="recognise"),
        Route("/recognise", bind(recognise_document_page), methods=["POST"]),
        Mount("/static", app=Static(packages=[("pathways.web", "static")]), name="static"),
    ]


async def graphiql_page(request: Request) -> Response:
    """GraphiQL from the vendored files: it works on a network without a CDN."""
    return page(request, "graphiql.html", {})
