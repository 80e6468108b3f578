"""A real `pathways serve` process under uvicorn on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.support.paths import SMALL_SEEDS
from tests.support.server import Served


@pytest.fixture
def server() -> Iterator[str]:
    with Served(["--seeds", str(SMALL_SEEDS), "--log-level", "warning"]) as served:
        yield served.url


def test_real_server_answers_queries_and_errors(server: str) -> None:
    r = httpx.post(f"{server}/graphql", json={"query": '{ credential(id: "ie-tig") { title } }'})
    assert r.status_code == 200
    assert r.json() == {"data": {"credential": {"title": "TIG welding of stainless steel"}}}
    bad = httpx.post(
        f"{server}/graphql",
        json={"query": '{ crosswalk(framework: "IE-NFQ", level: "9", to: "EQF") { note } }'},
    ).json()
    assert bad["errors"][0]["extensions"]["code"] == "NOT_FOUND"
