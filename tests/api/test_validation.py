"""Validation: its cost bounded before it starts, its cache keyed on the parsed document."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLError
from graphql.validation.validate import ValidationAbortedError
from starlette.testclient import TestClient

from pathways.api import validation
from pathways.api.limits import MAX_REPEATS, MAX_SELECTIONS

ISSUE_EXAMPLE = "{ " + "frameworks { code } " * 495 + "}"

REPEATED = "{ " + "frameworks { code } " * 40 + "}"

ELEVEN_FRAGMENTS = (
    " ".join(f"fragment F{i} on Query {{ frameworks {{ code }} }}" for i in range(11))
    + " { "
    + " ".join(f"...F{i}" for i in range(11))
    + " }"
)

INLINE = "{ " + "... on Query { frameworks { code } } " * 11 + "}"

MANY = "{ " + " ".join(f"a{i}: frameworks {{ code name }}" for i in range(110)) + " }"

UNUSED = "query Q($r: ID) { frameworks { code } }"

ERRORS = "{ " + " ".join(f"nothing{i}" for i in range(150)) + " }"


def post(client: TestClient, query: str) -> dict[str, Any]:
    body: dict[str, Any] = client.post("/graphql", json={"query": query}).json()
    return body


@pytest.mark.parametrize("query", [REPEATED, ELEVEN_FRAGMENTS, INLINE])
def test_a_field_repeated_in_one_place_is_refused_before_validating(
    client: TestClient, query: str
) -> None:
    err = post(client, query)["errors"]
    assert len(err) == 1
    assert err[0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "limit": "repeats",
        "maximum": MAX_REPEATS,
    }
    assert "'frameworks'" in err[0]["message"]


@pytest.mark.parametrize("query", [MANY, ISSUE_EXAMPLE])
def test_too_many_selections_are_refused_naming_the_limit(client: TestClient, query: str) -> None:
    err = post(client, query)["errors"]
    assert [e["extensions"] for e in err] == [
        {"code": "BAD_USER_INPUT", "limit": "selections", "maximum": MAX_SELECTIONS}
    ]
    assert str(MAX_SELECTIONS) in err[0]["message"]


def test_the_same_field_a_few_times_is_still_allowed(client: TestClient) -> None:
    body = post(client, "{ " + "frameworks { code } " * MAX_REPEATS + "}")
    assert "errors" not in body


def test_comments_and_layout_do_not_defeat_the_cache(client: TestClient) -> None:
    post(client, "{ frameworks { code name } }")
    before = validation.cache_info()
    for n in range(5):
        post(client, f"#{n}\n{{frameworks\n  {{ code   name }} # trailing {n}\n}}")
    after = validation.cache_info()
    assert after.hits == before.hits + 5
    assert after.misses == before.misses


def test_the_cache_is_bounded_in_entries_and_bytes(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validation, "DOCUMENT_CACHE", 8)
    monkeypatch.setattr(validation, "DOCUMENT_CACHE_BYTES", 20_000)
    for n in range(30):
        post(client, f'{{ credential(id: "{n}-{"x" * 3000}") {{ id }} }}')
        info = validation.cache_info()
        assert info.size <= 8
        assert 0 < info.bytes <= 20_000
    for n in range(30):
        post(client, f'{{ a{n}: credential(id: "ie-mig") {{ id }} }}')
        assert validation.cache_info().size <= 8


def test_an_unused_variable_is_a_validation_error(client: TestClient) -> None:
    err = post(client, UNUSED)["errors"]
    assert "never used" in err[0]["message"]
    assert err[0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_a_document_with_too_many_errors_says_what_to_do(client: TestClient) -> None:
    err = post(client, ERRORS)["errors"]
    assert len(err) == 101
    last = err[-1]
    assert "aborted" not in last["message"].lower()
    assert "first 100" in last["message"] and "send it again" in last["message"]
    assert last["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_fragment_work_past_graphql_cores_budget_says_what_to_do() -> None:
    error = validation._actionable(ValidationAbortedError("Validation aborted."))
    assert "fragment" in error.message and "aborted" not in error.message.lower()
    assert error.extensions is not None and error.extensions["limit"] == "fragments"
    plain = GraphQLError("Cannot query field 'x' on type 'Query'.")
    assert validation._actionable(plain) is plain


def test_measure_counts_fragments_once_and_survives_a_fragment_cycle() -> None:
    from graphql import parse

    doc = parse(
        "fragment A on Query { ...B frameworks { code } } fragment B on Query { ...A } { ...A }"
    )
    size = validation.measure(doc)
    assert size.repeated == "frameworks" and size.repeats == 1
