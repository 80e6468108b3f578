"""The starlette application: /graphql, /healthz, and a lifespan that opens the store."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from pathways.api.context import Context
from pathways.api.schema import build_schema
from pathways.service import Service


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI app with a pathways context per request."""

    def __init__(self, service: Service) -> None:
        super().__init__(build_schema(), graphql_ide="graphiql", allow_queries_via_get=True)
        self.service = service

    async def get_context(self, request: Any, response: Any) -> Context:
        """A fresh context (loaders, role) for each request."""
        return Context(service=self.service, request=request)


def create_app(service: Service) -> Starlette:
    """The ASGI application serving `service`."""
    graphql = GraphQLApp(service)

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
            await service.store.close()

    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
