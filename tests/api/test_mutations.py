"""upsertCredential and recordRecognition: validated as seed records, all or nothing."""

from __future__ import annotations

from typing import Any

import pytest

from pathways.model import Graph
from tests.support.writes import (
    CREDENTIAL,
    EDITOR_KEY,
    OFFICER_KEY,
    READ_BACK,
    RECOGNITIONS,
    RECORD,
    UPSERT,
    gql,
    new_credential,
    writing_client,
)

FULL = new_credential(
    id="ie-pipe",
    language="en",
    provider="gti",
    level={"framework": "IE-NFQ", "code": "6"},
    ects=7.5,
    assessment="practical test",
    participation="BLENDED",
    qualityAssurance="QQI validated programme",
    validFrom="2025-01-01",
    validUntil="2028-12-31",
    outcomes=[
        {"text": "Weld pipe in all positions", "skills": ["s:weld"]},
        {"id": "pipe-o2", "text": "Lire un plan", "language": "fr", "skills": ["s:blueprint"]},
    ],
    prerequisites=["ie-safety"],
    requirements={
        "all": [
            {"credential": "ie-mig"},
            {"any": [{"credential": "ie-tig"}, {"credential": "ie-drawing"}]},
        ]
    },
)

STACKS = "query($id: ID!) { credential(id: $id) { stacksInto { id } } }"


def _error(body: dict[str, Any]) -> dict[str, Any]:
    assert body["data"] is None, body
    err: dict[str, Any] = body["errors"][0]
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    return err


def test_upsert_stores_every_field_of_a_seed_credential(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        got = gql(c, UPSERT, {"input": FULL}, EDITOR_KEY)["data"]["upsertCredential"]
        again = gql(c, READ_BACK, {"id": "ie-pipe"})
        stacks = gql(c, STACKS, {"id": "ie-tig"})["data"]["credential"]["stacksInto"]
    assert got == again["data"]["credential"]
    assert got == {
        "id": "ie-pipe",
        "kind": "MICRO_CREDENTIAL",
        "title": "Pipe welding",
        "country": "IE",
        "language": "en",
        "ects": 7.5,
        "hours": 187.5,
        "hoursDerived": True,
        "assessment": "practical test",
        "participation": "BLENDED",
        "qualityAssurance": "QQI validated programme",
        "validFrom": "2025-01-01",
        "validUntil": "2028-12-31",
        "hasRequirements": True,
        "provider": {"id": "gti"},
        "level": {"framework": "IE-NFQ", "code": "6"},
        "outcomes": [
            {
                "id": "ie-pipe#o1",
                "text": "Weld pipe in all positions",
                "language": "en",
                "skills": [{"id": "s:weld"}],
            },
            {
                "id": "pipe-o2",
                "text": "Lire un plan",
                "language": "fr",
                "skills": [{"id": "s:blueprint"}],
            },
        ],
        "prerequisites": [{"id": "ie-safety"}],
    }
    assert {"id": "ie-pipe"} in stacks


def test_upsert_replaces_an_existing_credential(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        gql(
            c,
            UPSERT,
            {"input": new_credential(id="ie-mig", title="MIG welding II", ects=6)},
            EDITOR_KEY,
        )
        got = gql(c, CREDENTIAL, {"id": "ie-mig"})["data"]["credential"]
    assert got == {"id": "ie-mig", "title": "MIG welding II", "ects": 6.0, "prerequisites": []}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"provider": "nobody"}, "provider"),
        ({"level": {"framework": "IE-NFQ", "code": "9"}}, "level.code"),
        ({"level": {"framework": "XX-NQF", "code": "1"}}, "level.framework"),
        ({"ects": -1}, "ects"),
        ({"validFrom": "2026-01-01", "validUntil": "2025-01-01"}, "validUntil"),
        ({"validFrom": "soon"}, "validFrom"),
        ({"prerequisites": ["ie-nothing"]}, "prerequisites[0]"),
        ({"outcomes": [{"text": "x", "skills": ["s:none"]}]}, "outcomes[0].skills[0]"),
        ({"requirements": {"all": []}}, "requirements.all"),
        ({"requirements": {"credential": "a", "any": []}}, "requirements"),
        ({"requirements": [1, 2]}, "requirements"),
        ({"title": "  "}, "title"),
    ],
)
def test_a_rejected_credential_names_the_field_and_changes_nothing(
    small_graph: Graph, fields: dict[str, Any], field: str
) -> None:
    with writing_client(small_graph) as c:
        err = _error(gql(c, UPSERT, {"input": new_credential(**fields)}, EDITOR_KEY))
        assert err["extensions"]["field"] == field
        assert err["extensions"]["problems"][0]["field"] == field
        assert gql(c, CREDENTIAL, {"id": "ie-new"})["data"]["credential"] is None


def test_a_write_that_would_close_a_prerequisite_cycle_is_refused(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        cycle = new_credential(id="ie-safety", title="Workshop safety", prerequisites=["ie-mig"])
        err = _error(gql(c, UPSERT, {"input": cycle}, EDITOR_KEY))
        assert "cycle" in err["message"] and err["extensions"]["field"] == "prerequisites"
        safety = gql(c, CREDENTIAL, {"id": "ie-safety"})["data"]["credential"]
    assert safety["title"] == "Workshop safety" and safety["prerequisites"] == []


def test_record_recognition_inserts_and_replaces(small_graph: Graph) -> None:
    new = {
        "from": "ie-tig",
        "to": "ee-keevitus",
        "decision": "FULL",
        "by": "Harno",
        "date": "2025-05-01",
    }
    replace = {
        "from": "ee-keevitus",
        "to": "ie-mig",
        "decision": "PARTIAL",
        "ects": 2.5,
        "by": "QQI",
        "date": "2025-06-01",
    }
    with writing_client(small_graph) as c:
        got = gql(c, RECORD, {"input": new}, OFFICER_KEY)["data"]["recordRecognition"]
        assert got == {
            "from": {"id": "ie-tig"},
            "to": {"id": "ee-keevitus"},
            "decision": "FULL",
            "ects": None,
            "by": "Harno",
            "date": "2025-05-01",
        }
        gql(c, RECORD, {"input": replace}, OFFICER_KEY)
        recs = gql(c, RECOGNITIONS, {"id": "ee-keevitus"})["data"]["credential"]["recognitions"]
    assert recs == [{"to": {"id": "ie-mig"}, "decision": "PARTIAL"}]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"from": "nope"}, "from"),
        ({"to": "ie-mig"}, "to"),
        ({"decision": "PARTIAL"}, "ects"),
        ({"date": "01/03/2025"}, "date"),
        ({"by": ""}, "by"),
        ({"ects": -2.0}, "ects"),
    ],
)
def test_a_rejected_recognition_names_the_field_and_changes_nothing(
    small_graph: Graph, fields: dict[str, Any], field: str
) -> None:
    base = {
        "from": "ie-mig",
        "to": "ee-keevitus",
        "decision": "FULL",
        "by": "Harno",
        "date": "2025-05-01",
    }
    with writing_client(small_graph) as c:
        err = _error(gql(c, RECORD, {"input": base | fields}, OFFICER_KEY))
        assert err["extensions"]["field"] == field
        recs = gql(c, RECOGNITIONS, {"id": "ie-mig"})["data"]["credential"]["recognitions"]
    assert recs == []


def test_wrongly_typed_variables_are_bad_user_input(small_graph: Graph) -> None:
    with writing_client(small_graph) as c:
        body = gql(c, UPSERT, {"input": new_credential(kind="DIPLOMA")}, EDITOR_KEY)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "data" not in body
