"""The API through starlette's TestClient: transport, IDE, health, error codes and masking."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.testclient import TestClient

from pathways.app import create_app
from pathways.model import Framework, Graph
from pathways.service import Service
from pathways.store.memory import MemoryStore

CREDENTIAL = 'query { credential(id: "ie-mig") { id title provider { name } } }'
CROSSWALK_BAD = '{ crosswalk(framework: "NOPE", level: "1", to: "EQF") { viaEqf } }'


def test_post_query(client: TestClient) -> None:
    r = client.post("/graphql", json={"query": CREDENTIAL})
    assert r.status_code == 200
    assert r.json() == {
        "data": {
            "credential": {
                "id": "ie-mig",
                "title": "MIG welding of steel plate",
                "provider": {"name": "Galway Technical Institute"},
            }
        }
    }


def test_get_query_with_variables(client: TestClient) -> None:
    r = client.get(
        "/graphql",
        params={
            "query": "query($id: ID!) { credential(id: $id) { id } }",
            "variables": '{"id": "ee-keevitus"}',
        },
    )
    assert r.status_code == 200
    assert r.json()["data"]["credential"]["id"] == "ee-keevitus"


def test_browser_gets_graphiql(client: TestClient) -> None:
    r = client.get("/graphql", headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert "graphiql" in r.text.lower()


def test_healthz(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["backend"] == "memory"


def test_not_found_carries_code(client: TestClient) -> None:
    body = client.post("/graphql", json={"query": CROSSWALK_BAD}).json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "NOPE" in body["errors"][0]["message"]


def test_validation_error_has_code(client: TestClient) -> None:
    body = client.post("/graphql", json={"query": "{ credential { id } }"}).json()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_bad_variable_is_bad_user_input(client: TestClient) -> None:
    body = client.post(
        "/graphql",
        json={
            "query": "query($f: Int) { credentials(first: $f) { totalCount } }",
            "variables": {"f": "many"},
        },
    ).json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


class _BrokenStore(MemoryStore):
    """A store whose framework listing fails the way a bug would."""

    async def frameworks(self) -> Sequence[Framework]:
        raise RuntimeError("boom at /srv/secret/path.py line 12")


def test_unexpected_errors_are_masked(small_graph: Graph) -> None:
    with TestClient(create_app(Service(_BrokenStore(small_graph)))) as c:
        body = c.post("/graphql", json={"query": "{ frameworks { code } }"}).json()
    err = body["errors"][0]
    assert err["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert "secret" not in str(body) and "boom" not in str(body)


def test_validation_is_cached_and_gives_the_same_answer(client: TestClient) -> None:
    from pathways.api.validation import cache_info

    query = {"query": "{ credential { id } __typename }"}
    first = client.post("/graphql", json=query).json()
    hits = cache_info().hits
    again = client.post("/graphql", json=query).json()
    assert cache_info().hits == hits + 1
    assert first == again
    assert again["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    ok = {"query": '{ credential(id: "ie-mig") { id } }'}
    assert client.post("/graphql", json=ok).json() == client.post("/graphql", json=ok).json()
