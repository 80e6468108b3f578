"""Heavy plans run off the event loop under one deadline per request, shared by its aliases."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import httpx
import pytest

from pathways.api import limits
from pathways.app import create_app
from pathways.model import Graph
from pathways.service import Service
from pathways.store.memory import MemoryStore

PARTS = 30
NEEDED = 60.05

PLANS = (
    "{ "
    + " ".join(
        f'p{i}: stackingPlan(target: "heavy", alternatives: 2) {{ optimal explanation }}'
        for i in range(3)
    )
    + " }"
)


async def heavy_service(graph: Graph) -> Service:
    """The small graph plus a credits rule over PARTS uneven credentials (seconds to prove)."""
    service = Service(MemoryStore(graph))
    rng = random.Random(3)
    for i in range(PARTS):
        part = {"id": f"part-{i}", "kind": "UNIT", "title": f"Part {i}", "country": "IE"}
        await service.upsert_credential(part | {"ects": round(rng.uniform(1, 9), 1)})
    sources = [f"part-{i}" for i in range(PARTS)]
    await service.upsert_credential(
        {
            "id": "heavy",
            "kind": "QUALIFICATION",
            "title": "Heavy",
            "country": "IE",
            "requirements": {"credits": NEEDED, "from": sources},
        }
    )
    return service


def test_healthz_answers_while_a_heavy_plan_is_computed(small_graph: Graph) -> None:
    order: list[str] = []

    async def main() -> None:
        service = await heavy_service(small_graph)
        transport = httpx.ASGITransport(app=create_app(service))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:

            async def plans() -> Any:
                r = await client.post("/graphql", json={"query": PLANS})
                order.append("plans")
                return r.json()

            running = asyncio.ensure_future(plans())
            await asyncio.sleep(0.05)  # the plans are being searched by now
            health = await client.get("/healthz")
            order.append("healthz")
            assert health.status_code == 200
            body = await running
            assert not body.get("errors"), body
        service.close()

    asyncio.run(main())
    assert order == ["healthz", "plans"]


def test_every_alias_draws_on_the_same_request_deadline(
    small_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "REQUEST_SECONDS", 0.0)

    async def main() -> Any:
        service = await heavy_service(small_graph)
        transport = httpx.ASGITransport(app=create_app(service))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            r = await client.post("/graphql", json={"query": PLANS})
        service.close()
        return r.json()

    body = asyncio.run(main())
    assert not body.get("errors"), body
    for plan in body["data"].values():
        assert plan["optimal"] is False
        assert "time budget of 0 s" in plan["explanation"][1]
