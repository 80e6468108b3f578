"""The starlette application: /graphql, /healthz, the pages, and a lifespan that opens the store."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pathways.api.auth import KEYS_ENV, ApiKeys
from pathways.api.context import Context
from pathways.api.documents_http import document_routes, linked_data
from pathways.api.http import GraphQLHTTP
from pathways.api.observability import metrics
from pathways.api.schema import build_schema
from pathways.service import Service
from pathways.web import graphiql_page, not_found, server_error
from pathways.web import routes as page_routes


class GraphQLApp(GraphQLHTTP):
    """Strawberry's ASGI app with a pathways context per request."""

    def __init__(self, service: Service, api_keys: ApiKeys | None = None) -> None:
        super().__init__(build_schema(), graphql_ide="graphiql", allow_queries_via_get=True)
        self.service = service
        self.api_keys = api_keys or ApiKeys()

    async def get_context(self, request: Any, response: Any) -> Context:
        """A fresh context (loaders, role) for each request."""
        role = self.api_keys.role_of(request.headers.get("authorization"))
        return Context(service=self.service, request=request, role=role)

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from vendored files (strawberry's own page loads them from a CDN)."""
        return await graphiql_page(request)


def create_app(service: Service, api_keys: ApiKeys | None = None) -> Starlette:
    """The ASGI application serving `service`; writes need one of `api_keys` (default: env)."""
    keys = api_keys if api_keys is not None else ApiKeys.parse(os.environ.get(KEYS_ENV, ""))
    graphql = GraphQLApp(service, keys)

    async def healthz(_request: Request) -> Response:
        health = await service.store.health()
        body = {
            "status": "ok" if health.ok else "unavailable",
            "backend": health.backend,
            "detail": health.detail,
        }
        return JSONResponse(body, status_code=200 if health.ok else 503)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await service.store.open()
        try:
            yield
        finally:
            service.close()
            await service.store.close()

    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
            *document_routes(service),
            *page_routes(service, linked_data=linked_data(service)),
        ],
        exception_handlers={404: not_found, 500: server_error},
        lifespan=lifespan,
    )
