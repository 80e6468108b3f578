"""The app in-process over httpx's ASGI transport, for tests that need a request in flight
while another is answered (TestClient answers one at a time)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx

from pathways.app import create_app
from pathways.service import Service


@asynccontextmanager
async def asgi_client(service: Service) -> AsyncIterator[httpx.AsyncClient]:
    """An async client of the app over `service`; the service is closed afterwards."""
    transport = httpx.ASGITransport(app=create_app(service))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
    finally:
        service.close()


async def health_while(
    service: Service,
    query: str,
    busy: Callable[[], Awaitable[object]],
    release: Callable[[], object] = lambda: None,
) -> tuple[list[str], Any]:
    """POST `query`; once `busy()` says it is at its slow part, GET /healthz (which must be
    200), then `release()` it.  Which answered first ('healthz', 'query'), and the query's body."""
    order: list[str] = []
    async with asgi_client(service) as client:

        async def ask() -> Any:
            r = await client.post("/graphql", json={"query": query})
            order.append("query")
            return r.json()

        running = asyncio.ensure_future(ask())
        try:
            await busy()
            health = await client.get("/healthz")
            order.append("healthz")
            assert health.status_code == 200
        finally:
            release()
        return order, await running
