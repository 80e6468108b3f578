"""Heavy plans run off the event loop under one deadline per request, shared by its aliases."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest

from pathways.api import limits
from pathways.model import Graph
from pathways.service import Service
from pathways.store.memory import MemoryStore
from tests.support.asgi import asgi_client, health_while
from tests.support.heavy import NEEDED, PARTS, PLANS


async def heavy_service(graph: Graph, workers: int = 2, processes: bool = False) -> Service:
    """The small graph plus a credits rule over PARTS uneven credentials (seconds to prove)."""
    service = Service(MemoryStore(graph), heavy_workers=workers, heavy_processes=processes)
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


@pytest.mark.parametrize("workers", [1, 2])  # 1: what `pathways serve` runs on two cores
def test_healthz_answers_while_a_heavy_plan_is_computed(small_graph: Graph, workers: int) -> None:
    async def main() -> tuple[list[str], Any]:
        service = await heavy_service(small_graph, workers)
        # by 50 ms the plans are being searched
        return await health_while(service, PLANS, lambda: asyncio.sleep(0.05))

    order, body = asyncio.run(main())
    assert not body.get("errors"), body
    assert order == ["healthz", "query"]


@pytest.mark.parametrize("processes", [False, True])  # True: plans as `pathways serve` runs them
def test_every_alias_draws_on_the_same_request_deadline(
    small_graph: Graph, monkeypatch: pytest.MonkeyPatch, processes: bool
) -> None:
    monkeypatch.setattr(limits, "REQUEST_SECONDS", 0.0)

    async def main() -> Any:
        async with asgi_client(await heavy_service(small_graph, processes=processes)) as client:
            return (await client.post("/graphql", json={"query": PLANS})).json()

    body = asyncio.run(main())
    assert not body.get("errors"), body
    for plan in body["data"].values():
        assert plan["optimal"] is False
        assert "time budget of 0 s" in plan["explanation"][1]
