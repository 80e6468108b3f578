"""Roles by API key: reads open, writes need the right role, checked before validation."""

from __future__ import annotations

import logging

import pytest

from pathways.api.auth import INVALID_KEY, ApiKeys
from pathways.errors import BadUserInput
from pathways.model import Graph
from tests.support.writes import (
    CREDENTIAL,
    EDITOR_KEY,
    EDITOR_KEY_2,
    KEYS,
    OFFICER_KEY,
    RECORD,
    UPSERT,
    bearer,
    gql,
    new_credential,
    writing_client,
)

RECOGNITION = {
    "from": "ie-tig",
    "to": "ee-keevitus",
    "decision": "FULL",
    "by": "Harno",
    "date": "2025-05-01",
}
INVALID_LITERAL = 'mutation { upsertCredential(input: {id: "x"}) { id } }'
VIA_FRAGMENT = """
mutation { ...W }
fragment W on Mutation { upsertCredential(input: {id: "x", kind: UNIT, title: "t", country: "IE"}) { id } }
"""


def _code(body: dict[str, object]) -> str:
    errors = body["errors"]
    assert isinstance(errors, list)
    return str(errors[0]["extensions"]["code"])


def test_without_a_key_a_write_is_unauthenticated_and_changes_nothing(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        body = gql(c, UPSERT, {"input": new_credential()})
        assert _code(body) == "UNAUTHENTICATED"
        assert "data" not in body
        assert gql(c, CREDENTIAL, {"id": "ie-new"})["data"] == {"credential": None}


@pytest.mark.parametrize("header", ["Bearer nope", "Bearer", "Basic ZWQta2V5LTE=", "ed-key-1"])
def test_unknown_or_malformed_keys_are_unauthenticated(small_graph: Graph, header: str) -> None:
    with writing_client(small_graph) as c:
        r = c.post(
            "/graphql",
            json={"query": UPSERT, "variables": {"input": new_credential()}},
            headers={"Authorization": header},
        )
        assert _code(r.json()) == "UNAUTHENTICATED"
        assert EDITOR_KEY not in r.text


def test_a_key_of_another_role_is_forbidden(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        assert _code(gql(c, UPSERT, {"input": new_credential()}, OFFICER_KEY)) == "FORBIDDEN"
        assert _code(gql(c, RECORD, {"input": RECOGNITION}, EDITOR_KEY)) == "FORBIDDEN"
        refused = gql(c, UPSERT, {"input": new_credential()}, OFFICER_KEY)["errors"][0]
        assert refused["message"] == (
            "'upsertCredential' needs the editor role; this key is a recognition officer's."
        )
        refused = gql(c, RECORD, {"input": RECOGNITION}, EDITOR_KEY)["errors"][0]
        assert refused["message"] == (
            "'recordRecognition' needs the recognition officer role; this key is an editor's."
        )


def test_each_role_does_its_own_write_and_a_role_may_have_several_keys(
    small_graph: Graph,
) -> None:
    with writing_client(small_graph) as c:
        for n, key in enumerate([EDITOR_KEY, EDITOR_KEY_2]):
            body = gql(c, UPSERT, {"input": new_credential(id=f"ie-new-{n}")}, key)
            assert body["data"]["upsertCredential"]["id"] == f"ie-new-{n}"
        body = gql(c, RECORD, {"input": RECOGNITION}, OFFICER_KEY)
        assert body["data"]["recordRecognition"]["decision"] == "FULL"


def test_authorisation_comes_before_input_validation(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        assert _code(gql(c, INVALID_LITERAL)) == "UNAUTHENTICATED"
        assert _code(gql(c, INVALID_LITERAL, key=OFFICER_KEY)) == "FORBIDDEN"
        assert _code(gql(c, UPSERT, {"input": {"id": 5}})) == "UNAUTHENTICATED"
        assert _code(gql(c, INVALID_LITERAL, key=EDITOR_KEY)) == "GRAPHQL_VALIDATION_FAILED"


def test_a_mutation_behind_a_fragment_still_needs_its_role(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        assert _code(gql(c, VIA_FRAGMENT)) == "UNAUTHENTICATED"
        assert _code(gql(c, VIA_FRAGMENT, key=OFFICER_KEY)) == "FORBIDDEN"
        assert gql(c, VIA_FRAGMENT, key=EDITOR_KEY)["data"] == {"upsertCredential": {"id": "x"}}


def test_reads_need_no_key_and_ignore_a_wrong_one(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        for headers in ({}, bearer("wrong")):
            r = c.post(
                "/graphql",
                json={"query": CREDENTIAL, "variables": {"id": "ie-mig"}},
                headers=headers,
            )
            assert r.json()["data"]["credential"]["id"] == "ie-mig"


def test_new_media_type_answers_401_and_403(small_graph: Graph) -> None:
    accept = {"Accept": "application/graphql-response+json"}
    payload = {"query": UPSERT, "variables": {"input": new_credential()}}
    with writing_client(small_graph) as c:
        r = c.post("/graphql", json=payload, headers=accept)
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        r = c.post("/graphql", json=payload, headers=accept | bearer(OFFICER_KEY))
        assert r.status_code == 403
        r = c.post("/graphql", json=payload, headers=accept | bearer(EDITOR_KEY))
        assert r.status_code == 200


def test_keys_are_never_logged(small_graph: Graph, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with writing_client(small_graph) as c:
        gql(c, UPSERT, {"input": new_credential()}, EDITOR_KEY)
        gql(
            c, UPSERT, {"input": new_credential(level={"framework": "NO", "code": "1"})}, EDITOR_KEY
        )
        gql(c, UPSERT, {"input": new_credential()}, OFFICER_KEY)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert '"operationName": "Upsert"' in text
    for key in (EDITOR_KEY, OFFICER_KEY):
        assert key not in text


def test_key_configuration() -> None:
    keys = ApiKeys.parse(KEYS)
    assert keys.role_of(f"Bearer {EDITOR_KEY_2}") == "editor"
    assert keys.role_of(f"bearer  {OFFICER_KEY} ") == "recognition_officer"
    assert keys.role_of(None) is None
    assert keys.role_of("Bearer x") == INVALID_KEY
    assert ApiKeys.parse("").role_of("Bearer anything") == INVALID_KEY
    assert EDITOR_KEY not in repr(keys) and EDITOR_KEY not in str(keys)


@pytest.mark.parametrize("spec", ["editor", "admin:secret-1", "editor:", ":secret-1"])
def test_malformed_key_configuration_is_refused_without_echoing_keys(spec: str) -> None:
    with pytest.raises(BadUserInput) as err:
        ApiKeys.parse(spec)
    assert "secret-1" not in err.value.message
