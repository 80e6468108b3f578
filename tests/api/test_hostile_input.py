"""No input gives a 500: huge numbers, odd cursors, long ids, foreign encodings."""

from __future__ import annotations

import base64
import json
import urllib.parse
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from pathways.model import Graph
from tests.support.writes import EDITOR_KEY, UPSERT, bearer, new_credential, writing_client

HUGE = "1" * 4301
FIRST = "query($n: Int) { credentials(first: $n) { totalCount } }"
REACH = (
    'query($c: Float) { reachable(held: ["ie-mig"], maxAdditionalCredits: $c) { target { id } } }'
)
AFTER = "query($a: String) { credentials(first: 2, after: $a) { edges { cursor } } }"


def raw_post(client: TestClient, body: str | bytes, media: str = "application/json") -> Any:
    return client.post("/graphql", content=body, headers={"Content-Type": media})


@pytest.mark.parametrize(
    "body",
    [
        '{"query": "{ frameworks { code } }", "variables": {"n": ' + HUGE + "}}",
        '{"query": "{ frameworks { code } }", "extensions": {"deep": [' + HUGE + "]}}",
        '{"query": "{ frameworks { code } }", "variables": {"n": 1e309}}',
        '{"query": "{ frameworks { code } }", "variables": {"n": NaN}}',
    ],
)
def test_an_unusable_json_number_anywhere_in_the_body_is_400(client: TestClient, body: str) -> None:
    r = raw_post(client, body)
    assert r.status_code == 400, r.text
    assert r.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_a_huge_integer_in_get_variables_is_400(client: TestClient) -> None:
    params = urllib.parse.urlencode({"query": FIRST, "variables": '{"n": ' + HUGE + "}"})
    r = client.get(f"/graphql?{params}")
    assert r.status_code == 400, r.text


@pytest.mark.parametrize(
    "query",
    [
        "{ credentials(first: " + HUGE + ") { totalCount } }",
        '{ reachable(held: ["ie-mig"], maxAdditionalCredits: 1e309) { target { id } } }',
        "query($n: Int = " + HUGE + ") { credentials(first: $n) { totalCount } }",
    ],
)
def test_an_unusable_literal_number_is_bad_user_input(client: TestClient, query: str) -> None:
    r = client.post("/graphql", json={"query": query})
    assert r.status_code == 200
    err = r.json()["errors"][0]
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    assert err["extensions"]["limit"] == "number"


@pytest.mark.parametrize("credits", [1e300, -1.0, 10_001.0])
def test_max_additional_credits_out_of_bounds_is_bad_user_input(
    client: TestClient, credits: float
) -> None:
    body = client.post("/graphql", json={"query": REACH, "variables": {"c": credits}}).json()
    err = body["errors"][0]
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    assert err["extensions"]["argument"] == "maxAdditionalCredits"


@pytest.mark.parametrize(
    "query",
    [
        "{ credentials(first: 101) { totalCount } }",
        '{ equivalents(credential: "ie-mig", first: 101) { score } }',
        '{ reachable(held: ["ie-mig"], first: 51) { additionalCredits } }',
    ],
)
def test_first_over_its_maximum_has_one_shape_everywhere(client: TestClient, query: str) -> None:
    err = client.post("/graphql", json={"query": query}).json()["errors"][0]
    assert set(err["extensions"]) == {"code", "argument", "minimum", "maximum"}
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    assert err["extensions"]["argument"] == "first"


def cursor_outcome(client: TestClient, cursor: str) -> str:
    r = client.post("/graphql", json={"query": AFTER, "variables": {"a": cursor}})
    assert r.status_code == 200, r.text
    body = r.json()
    if "errors" in body:
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        return "refused"
    return "ok"


def b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        b64('pw2:[1e400, "ie-mig"]'),  # infinite
        b64("pw2:[" + "9" * 500 + ', "ie-mig"]'),  # an integer float() cannot hold
        b64('pw2:[0.5,"ie-mig"]'),  # not the exact text we write
        b64('pw2:[0.5, "ie-mig", 3]'),
        b64("pw1:²"),  # a superscript two: a digit to isdigit(), not to int()
        "é" * 8,
        "x" * 10_000,
    ],
)
def test_a_cursor_we_did_not_write_is_refused(client: TestClient, cursor: str) -> None:
    assert cursor_outcome(client, cursor) == "refused"


def test_our_own_cursors_are_accepted(client: TestClient) -> None:
    for text in (None, "welding"):
        query = "query($s: String) { credentials(search: $s, first: 1) { edges { cursor } } }"
        body = client.post("/graphql", json={"query": query, "variables": {"s": text}}).json()
        cursor = body["data"]["credentials"]["edges"][0]["cursor"]
        assert cursor_outcome(client, cursor) == "ok"


@given(st.text(max_size=80))
@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_cursor_gives_a_500(client: TestClient, cursor: str) -> None:
    cursor_outcome(client, cursor)


@given(st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_number_for_first_or_credits_gives_a_500(client: TestClient, number: float) -> None:
    for query, name in ((FIRST, "n"), (REACH, "c")):
        r = client.post("/graphql", json={"query": query, "variables": {name: number}})
        assert r.status_code in (200, 400), r.text
        for err in r.json().get("errors", []):
            assert err["extensions"]["code"] in ("BAD_USER_INPUT", "BAD_REQUEST")


def test_not_found_quotes_at_most_80_characters_of_an_id(client: TestClient) -> None:
    long_id = "z" * 5000
    query = "query($id: ID!) { qualityReport(credential: $id) { score } }"
    err = client.post("/graphql", json={"query": query, "variables": {"id": long_id}}).json()
    message = err["errors"][0]["message"]
    assert err["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "z" * 80 not in message and "z" * 70 in message


@pytest.mark.parametrize("ident", ["x" * 201, "tab\there", "rtl\u202eoverride", "lone\ud800"])
def test_a_write_with_an_unusable_id_is_refused(small_graph: Graph, ident: str) -> None:
    with writing_client(small_graph) as c:
        body = json.dumps({"query": UPSERT, "variables": {"input": new_credential(id=ident)}})
        r = c.post(
            "/graphql",
            content=body,
            headers={"Content-Type": "application/json", **bearer(EDITOR_KEY)},
        )
        err = r.json()["errors"][0]
        assert err["extensions"]["code"] == "BAD_USER_INPUT", err
        assert err["extensions"]["problems"][0]["field"] == "id"


def test_a_write_of_an_infinite_workload_is_refused(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        r = c.post(
            "/graphql",
            json={"query": UPSERT, "variables": {"input": new_credential(ects=1e308)}},
            headers=bearer(EDITOR_KEY),
        )
        err = r.json()["errors"][0]
        assert err["extensions"]["code"] == "BAD_USER_INPUT"
        assert err["extensions"]["problems"][0]["field"] == "ects"


def test_a_utf16_body_labelled_json_is_refused(client: TestClient) -> None:
    body = json.dumps({"query": "{ frameworks { code } }"}).encode("utf-16")
    r = raw_post(client, body)
    assert r.status_code in (400, 415), r.text
    assert "data" not in r.json()
