"""Abuse limits: depth, aliases, tokens, page size and body size, each refused cleanly."""

from __future__ import annotations

import json
from typing import Any

import pytest
from graphql import get_introspection_query
from starlette.testclient import TestClient

from pathways.api.limits import (
    MAX_ALIASES,
    MAX_BODY_BYTES,
    MAX_DEPTH,
    MAX_TOKENS,
    PAGE_SIZE,
    SEARCH_LENGTH,
)
from pathways.model import Graph
from tests.support.writes import EDITOR_KEY, UPSERT, bearer, new_credential, writing_client

NEW_MEDIA = {"Accept": "application/graphql-response+json"}


def nested(levels: int) -> str:
    """A query of exactly `levels` levels: credential, then prerequisites inside each other."""
    inner = "id"
    for _ in range(levels - 1):
        inner = f"prerequisites {{ {inner} }}"
    return f'{{ credential(id: "ie-mig") {{ {inner} }} }}'


def aliased(count: int) -> str:
    """A query with `count` aliases."""
    return "{ " + " ".join(f'a{n}: credential(id: "ie-mig") {{ id }}' for n in range(count)) + " }"


def _post(client: TestClient, query: str, **extra: Any) -> Any:
    return client.post("/graphql", json={"query": query}, **extra)


def _limit_error(response: Any, limit: str, maximum: int) -> str:
    body = response.json()
    assert "data" not in body
    err = body["errors"][0]
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "limit": limit, "maximum": maximum}
    assert str(maximum) in err["message"]
    return str(err["message"])


@pytest.fixture
def client(small_graph: Graph) -> Any:
    with writing_client(small_graph) as c:
        yield c


def test_depth_up_to_the_limit_is_answered(client: TestClient) -> None:
    body = _post(client, nested(MAX_DEPTH)).json()
    assert "errors" not in body
    assert body["data"]["credential"]["prerequisites"][0]["prerequisites"] == []


def test_deeper_than_the_limit_is_refused(client: TestClient) -> None:
    r = _post(client, nested(MAX_DEPTH + 1))
    assert r.status_code == 200
    _limit_error(r, "depth", MAX_DEPTH)
    assert _post(client, nested(MAX_DEPTH + 1), headers=NEW_MEDIA).status_code == 400


def test_aliases_up_to_the_limit_are_answered_and_beyond_refused(client: TestClient) -> None:
    assert len(_post(client, aliased(MAX_ALIASES)).json()["data"]) == MAX_ALIASES
    _limit_error(_post(client, aliased(MAX_ALIASES + 1)), "aliases", MAX_ALIASES)


def test_too_many_tokens_are_refused_before_parsing_finishes(client: TestClient) -> None:
    long = "{ " + " ".join("frameworks { code }" for _ in range(MAX_TOKENS // 4)) + " }"
    r = _post(client, long, headers=NEW_MEDIA)
    assert r.status_code == 400
    _limit_error(r, "tokens", MAX_TOKENS)


def test_graphiql_introspection_fits_in_every_limit(client: TestClient) -> None:
    body = _post(client, get_introspection_query(descriptions=True)).json()
    assert "errors" not in body and body["data"]["__schema"]["queryType"]["name"] == "Query"


def test_page_size_beyond_the_limit_is_bad_user_input(client: TestClient) -> None:
    q = "query($n: Int) { credentials(first: $n) { totalCount } }"
    ok = client.post("/graphql", json={"query": q, "variables": {"n": PAGE_SIZE}}).json()
    assert ok["data"]["credentials"]["totalCount"] > 0
    body = client.post("/graphql", json={"query": q, "variables": {"n": PAGE_SIZE + 1}}).json()
    err = body["errors"][0]
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    assert err["extensions"]["maximum"] == PAGE_SIZE


def test_a_search_text_beyond_the_limit_is_bad_user_input(client: TestClient) -> None:
    q = "query($s: String) { credentials(search: $s) { totalCount } }"
    ok = client.post("/graphql", json={"query": q, "variables": {"s": "w" * SEARCH_LENGTH}})
    assert "errors" not in ok.json()
    long = {"s": "welding " * (SEARCH_LENGTH // 8 + 1)}
    err = client.post("/graphql", json={"query": q, "variables": long}).json()["errors"][0]
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    assert err["extensions"]["maximum"] == SEARCH_LENGTH


def test_a_body_over_the_limit_is_413(client: TestClient) -> None:
    padding = " " * MAX_BODY_BYTES
    r = client.post(
        "/graphql",
        content=json.dumps({"query": "{ frameworks { code } }"}) + padding,
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 413
    assert str(MAX_BODY_BYTES) in r.json()["errors"][0]["message"]


def test_a_streamed_body_over_the_limit_is_413_without_content_length(
    client: TestClient,
) -> None:
    chunks = (
        [b'{"query": "{ frameworks { code } }"', b" " * (MAX_BODY_BYTES // 2)]
        + [b" " * (MAX_BODY_BYTES // 2)] * 2
        + [b"}"]
    )
    r = client.post("/graphql", content=iter(chunks), headers={"Content-Type": "application/json"})
    assert "content-length" not in r.request.headers
    assert r.status_code == 413


def test_a_body_just_under_the_limit_is_served(client: TestClient) -> None:
    body = json.dumps({"query": "{ frameworks { code } }"})
    body += " " * (MAX_BODY_BYTES - len(body))
    r = client.post("/graphql", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["data"]["frameworks"]


def test_json_nested_too_deeply_is_a_bad_request_not_a_crash(client: TestClient) -> None:
    deep = '{"query": "{ frameworks { code } }", "variables": {"x": ' + "[" * 50_000
    deep += "]" * 50_000 + "}}"
    r = client.post("/graphql", content=deep, headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    assert r.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_a_deeply_nested_rule_is_bad_user_input(client: TestClient) -> None:
    rule: dict[str, Any] = {"credential": "ie-mig"}
    for _ in range(100):
        rule = {"all": [rule]}
    r = client.post(
        "/graphql",
        headers=bearer(EDITOR_KEY),
        json={"query": UPSERT, "variables": {"input": new_credential(requirements=rule)}},
    )
    err = r.json()["errors"][0]
    assert err["extensions"]["code"] == "BAD_USER_INPUT" and "deeper" in err["message"]


def test_limit_errors_leak_nothing_internal(client: TestClient) -> None:
    for query in (nested(MAX_DEPTH + 3), aliased(MAX_ALIASES + 5)):
        text = _post(client, query).text
        assert "Traceback" not in text and "site-packages" not in text and ".py" not in text
