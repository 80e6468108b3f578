"""GraphQL over HTTP (graphql.github.io/graphql-over-http/draft): media types, status codes."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from starlette.testclient import TestClient

from pathways.api.http import GRAPHQL_RESPONSE, negotiate
from pathways.model import Graph
from tests.support.writes import writing_client

JSON = "application/json"
NEW = {"Accept": GRAPHQL_RESPONSE}
OK = '{ credential(id: "ee-keevitus") { title } }'
PARSE_ERROR = "{ credential(id: "
INVALID = "{ credential { id } }"
FIELD_ERROR = '{ crosswalk(framework: "NOPE", level: "1", to: "EQF") { viaEqf } }'
TWO_OPS = 'query A { framework(code: "EQF") { code } } query B { credential(id: "ie-mig") { id } }'
MUTATION = (
    'mutation { upsertCredential(input: {id: "x", kind: UNIT, title: "t", country: "IE"}) { id } }'
)


@pytest.fixture
def client(small_graph: Graph) -> Any:
    with writing_client(small_graph) as c:
        yield c


def _media(r: Any) -> str:
    return str(r.headers["content-type"])


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        (JSON, JSON),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, {JSON}", GRAPHQL_RESPONSE),
        (f"{JSON}, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE};q=0.5, {JSON}", JSON),
        (f"{GRAPHQL_RESPONSE}, */*;q=0.1", GRAPHQL_RESPONSE),
        (f"{JSON};q=0.9, {GRAPHQL_RESPONSE};q=1.0", GRAPHQL_RESPONSE),
        ("text/html, */*;q=0.8", JSON),
        ("text/plain", None),
        (f"{GRAPHQL_RESPONSE};q=0, {JSON};q=0", None),
        ("application/xml, text/*", None),
    ],
)
def test_accept_negotiation(accept: str | None, chosen: str | None) -> None:
    assert negotiate(accept) == chosen


def test_new_media_type_when_accepted(client: TestClient) -> None:
    r = client.post("/graphql", json={"query": OK}, headers=NEW)
    assert r.status_code == 200
    assert _media(r) == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert r.json() == {"data": {"credential": {"title": "MIG/MAG keevitus"}}}


def test_legacy_json_for_a_client_that_asks_for_nothing_particular(client: TestClient) -> None:
    for headers in ({"Accept": "*/*"}, {"Accept": ""}, {"Accept": JSON}):
        r = client.post("/graphql", json={"query": OK}, headers=headers)
        assert r.status_code == 200 and _media(r) == f"{JSON}; charset=utf-8"
    assert "keevitus" in r.content.decode("utf-8")


def test_unacceptable_accept_is_406(client: TestClient) -> None:
    r = client.post("/graphql", json={"query": OK}, headers={"Accept": "text/plain"})
    assert r.status_code == 406


@pytest.mark.parametrize(
    ("query", "code"),
    [(PARSE_ERROR, "GRAPHQL_PARSE_FAILED"), (INVALID, "GRAPHQL_VALIDATION_FAILED")],
)
def test_request_errors_are_400_with_new_media_and_200_with_json(
    client: TestClient, query: str, code: str
) -> None:
    r = client.post("/graphql", json={"query": query}, headers=NEW)
    assert r.status_code == 400 and _media(r).startswith(GRAPHQL_RESPONSE)
    assert "data" not in r.json() and r.json()["errors"][0]["extensions"]["code"] == code
    legacy = client.post("/graphql", json={"query": query}, headers={"Accept": JSON})
    assert legacy.status_code == 200 and "data" not in legacy.json()


def test_variable_coercion_failure_is_a_request_error(client: TestClient) -> None:
    q = "query($f: Int) { credentials(first: $f) { totalCount } }"
    r = client.post("/graphql", json={"query": q, "variables": {"f": "x"}}, headers=NEW)
    assert r.status_code == 400 and "data" not in r.json()


def test_once_execution_started_errors_are_200_with_data(client: TestClient) -> None:
    r = client.post("/graphql", json={"query": FIELD_ERROR}, headers=NEW)
    assert r.status_code == 200
    assert r.json()["data"] is None and r.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


@pytest.mark.parametrize(
    "content_type",
    [
        None,
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/json; charset=latin-1",
        "application/graphql",
    ],
)
def test_unsupported_content_type_is_415(client: TestClient, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    r = client.post("/graphql", content=f'{{"query": "{OK}"}}'.encode(), headers=headers)
    assert r.status_code == 415


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "Application/JSON"])
def test_json_content_types_are_accepted(client: TestClient, content_type: str) -> None:
    r = client.post(
        "/graphql",
        content=b'{"query": "{ frameworks { code } }"}',
        headers={"Content-Type": content_type},
    )
    assert r.status_code == 200 and r.json()["data"]["frameworks"]


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        b'[{"query": "{ frameworks { code } }"}]',
        b"42",
        b'"{ frameworks { code } }"',
        b"{}",
        b'{"query": null}',
        b'{"query": 7}',
        b'{"query": "{ frameworks { code } }", "variables": [1]}',
        b'{"query": "{ frameworks { code } }", "operationName": 3}',
        b'{"query": "{ frameworks { code } }", "extensions": "x"}',
        b'\xff\xfe{"query": 1}',
    ],
)
def test_malformed_requests_are_400_with_an_error_body(client: TestClient, body: bytes) -> None:
    for accept in (NEW, {"Accept": JSON}):
        r = client.post("/graphql", content=body, headers={"Content-Type": JSON} | accept)
        assert r.status_code == 400, body
        assert r.json()["errors"][0]["message"]


def test_get_is_for_queries_and_a_mutation_over_get_is_405(client: TestClient) -> None:
    r = client.get("/graphql", params={"query": MUTATION}, headers=NEW)
    assert r.status_code == 405 and r.headers["allow"] == "POST"
    ok = client.get(
        "/graphql",
        params={
            "query": "query($c: String!) { framework(code: $c) { code } }",
            "variables": '{"c": "EQF"}',
        },
        headers=NEW,
    )
    assert ok.status_code == 200 and ok.json()["data"]["framework"]["code"] == "EQF"


def test_get_without_a_query_from_a_program_is_400(client: TestClient) -> None:
    assert client.get("/graphql", headers=NEW).status_code == 400


def test_other_methods_are_405(client: TestClient) -> None:
    r = client.put("/graphql", json={"query": OK})
    assert r.status_code == 405 and "POST" in r.headers["allow"]
    head = client.head("/graphql")
    assert head.status_code == 405 and "POST" in head.headers["allow"]


def test_operation_name_selects_the_operation(client: TestClient) -> None:
    for name, key in (("A", "framework"), ("B", "credential")):
        for send in (
            lambda n: client.post(
                "/graphql", json={"query": TWO_OPS, "operationName": n}, headers=NEW
            ),
            lambda n: client.get(
                "/graphql", params={"query": TWO_OPS, "operationName": n}, headers=NEW
            ),
        ):
            r = send(name)
            assert r.status_code == 200 and list(r.json()["data"]) == [key]


@pytest.mark.parametrize("name", [None, "C"])
def test_missing_or_unknown_operation_name_is_a_request_error(
    client: TestClient, name: str | None
) -> None:
    r = client.post("/graphql", json={"query": TWO_OPS, "operationName": name}, headers=NEW)
    assert r.status_code == 400 and "data" not in r.json()


def test_graphiql_still_served_to_a_browser(client: TestClient) -> None:
    r = client.get("/graphql", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "graphiql" in r.text.lower()


def test_metrics_count_requests_by_operation_and_outcome(client: TestClient) -> None:
    def count() -> float:
        for line in client.get("/metrics").text.splitlines():
            if line.startswith(
                'pathways_graphql_requests_total{operation="compare",outcome="error"}'
            ):
                return float(line.rsplit(" ", 1)[1])
        return 0.0

    before = count()
    client.post("/graphql", json={"query": '{ compare(a: "nope", b: "ie-mig") { score } }'})
    assert count() == before + 1
    text = client.get("/metrics").text
    assert "pathways_graphql_request_duration_seconds_bucket" in text


def test_each_request_is_one_json_log_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "pathways.access")
    client.post("/graphql", json={"query": "query Q " + OK}, headers=NEW)
    client.post("/graphql", content=b"x", headers={"Content-Type": "text/plain"})
    client.post("/graphql", json={"query": FIELD_ERROR})
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "pathways.access"]
    assert [(x["operationName"], x["status"], x["outcome"], x["codes"]) for x in lines] == [
        ("Q", 200, "ok", []),
        (None, 415, "rejected", ["UNSUPPORTED_MEDIA_TYPE"]),
        (None, 200, "error", ["NOT_FOUND"]),
    ]
    assert all(x["durationMs"] >= 0 and x["method"] == "POST" for x in lines)
    assert lines[0]["fields"] == ["credential"] and lines[0]["operationType"] == "query"
