"""readDocument, documentEquivalents, importDocument and Credential.document over HTTP in process."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from starlette.testclient import TestClient

from pathways.model import Graph
from tests.support.interop import PERSONAL, document
from tests.support.writes import EDITOR_KEY, OFFICER_KEY, gql, writing_client

READ = """
query Read($d: JSON!, $f: DocumentFormat) {
  readDocument(document: $d, format: $f) {
    format warnings
    credentials { id kind title language country ects hours level { framework code }
                  outcomes { text skills { id } } assessment participation qualityAssurance }
    qualityReports { credential { id } score missing }
    providers { id name country }
    skills { id label }
  }
}
"""
EQUIVALENTS = """
query Eq($d: JSON!, $c: String) {
  documentEquivalents(document: $d, country: $c, first: 3) {
    credential { id country } score basis level { detail } workload { detail }
  }
}
"""
IMPORT = """
mutation Import($d: JSON!) { importDocument(document: $d) { id title provider { id } } }
"""
DOCUMENT = 'query($f: DocumentFormat!) { credential(id: "ie-mig") { document(format: $f) } }'
COUNT = "{ credentials(first: 0) { totalCount } }"


@pytest.fixture
def client(small_graph: Graph) -> Any:
    with writing_client(small_graph) as c:
        yield c


def test_read_an_issued_europass_credential(client: TestClient) -> None:
    body = gql(client, READ, {"d": document("elm_issued_credential.jsonld")})
    reading = body["data"]["readDocument"]
    assert reading["format"] == "ELM"
    first = reading["credentials"][0]
    assert (first["title"], first["country"], first["ects"]) == ("Heat pump installation", "IE", 10)
    assert first["level"] == {"framework": "IE-NFQ", "code": "6"}
    assert first["participation"] == "BLENDED"
    assert len(reading["qualityReports"]) == len(reading["credentials"]) == 3
    assert reading["qualityReports"][0]["credential"]["id"] == first["id"]
    assert reading["providers"] == [
        {
            "id": "ie-corcaigh-institute-of-technology",
            "name": "Corcaigh Institute of Technology",
            "country": "IE",
        }
    ]
    assert {"id": reading["skills"][0]["id"], "label": "install heat pump"} == reading["skills"][0]


def test_reading_stores_nothing(client: TestClient) -> None:
    before = gql(client, COUNT)["data"]["credentials"]["totalCount"]
    gql(client, READ, {"d": document("ctdl_graph.json")})
    gql(client, EQUIVALENTS, {"d": document("ctdl_graph.json")})
    assert gql(client, COUNT)["data"]["credentials"]["totalCount"] == before


def test_bad_documents_are_bad_user_input(client: TestClient) -> None:
    for doc, words in (
        ({"hello": "world"}, "none of the formats"),
        ({"@context": "https://example.org/mine", "name": "x"}, "https://example.org/mine"),
        ({"@type": "ceterms:Course", "ceterms:ctid": "ce-1"}, "title"),
    ):
        body = gql(client, READ, {"d": doc})
        (error,) = body["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert words in error["message"]


def test_equivalents_of_a_pasted_credential_in_a_country(client: TestClient) -> None:
    body = gql(client, EQUIVALENTS, {"d": document("elm_issued_credential.jsonld"), "c": "IE"})
    matches = body["data"]["documentEquivalents"]
    assert all(m["credential"]["country"] == "IE" and m["basis"] == "COMPUTED" for m in matches)
    assert [m["score"] for m in matches] == sorted((m["score"] for m in matches), reverse=True)


def test_credential_document_in_each_format(client: TestClient) -> None:
    for fmt, marker in (("ELM", "edc-ap"), ("OB3", "Achievement"), ("CTDL", "ceterms:")):
        doc = gql(client, DOCUMENT, {"f": fmt})["data"]["credential"]["document"]
        assert marker in str(doc)
        read = gql(client, READ, {"d": doc})["data"]["readDocument"]
        assert read["credentials"][0]["id"] == "ie-mig"


def test_import_needs_the_editor_role(client: TestClient) -> None:
    doc = document("ctdl_record.json")
    assert gql(client, IMPORT, {"d": doc})["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    body = gql(client, IMPORT, {"d": doc}, key=OFFICER_KEY)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_import_stores_every_credential_of_the_document(client: TestClient) -> None:
    before = gql(client, COUNT)["data"]["credentials"]["totalCount"]
    body = gql(client, IMPORT, {"d": document("ctdl_graph.json")}, key=EDITOR_KEY)
    stored = body["data"]["importDocument"]
    assert len(stored) == 4 and stored[0]["title"] == "Solar PV installer certificate"
    assert stored[0]["provider"] is None  # a provider the graph lacks is kept by name only
    assert gql(client, COUNT)["data"]["credentials"]["totalCount"] == before + 4
    again = gql(client, READ, {"d": document("ctdl_graph.json")})["data"]["readDocument"]
    assert [c["id"] for c in again["credentials"]] == [c["id"] for c in stored]


def test_import_is_all_or_nothing(client: TestClient) -> None:
    before = gql(client, COUNT)["data"]["credentials"]["totalCount"]
    cycle = {
        "@context": "https://credreg.net/ctdl/schema/context/json",
        "@graph": [
            {
                "@id": f"urn:example:{me}",
                "@type": "ceterms:Course",
                "ceterms:name": {"en": f"Course {me}"},
                "ceterms:prerequisite": {
                    "@type": "ceterms:ConditionProfile",
                    "ceterms:targetLearningOpportunity": f"urn:example:{other}",
                },
            }
            for me, other in (("a", "b"), ("b", "a"))
        ],
    }
    body = gql(client, IMPORT, {"d": cycle}, key=EDITOR_KEY)
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "cycle" in error["message"]
    assert gql(client, COUNT)["data"]["credentials"]["totalCount"] == before


def test_a_five_megabyte_document_is_refused_by_the_body_limit(client: TestClient) -> None:
    doc = document("ob3_achievement.json") | {"description": "x" * 5_000_000}
    r = client.post("/graphql", json={"query": READ, "variables": {"d": doc}})
    assert r.status_code == 413


@pytest.mark.parametrize("name", ["elm_issued_credential.jsonld", "ob3_credential.json"])
def test_nothing_personal_in_any_response_or_log_line(
    client: TestClient, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    doc = document(name)
    texts = [
        client.post("/graphql", json={"query": q, "variables": {"d": doc}}, headers=h).text
        for q, h in (
            (READ, {}),
            (EQUIVALENTS, {}),
            (IMPORT, {"Authorization": f"Bearer {EDITOR_KEY}"}),
        )
    ]
    stored = gql(client, "{ credentials(first: 100) { edges { node { id title } } } }")
    texts.append(str(stored))
    assert '"importDocument"' in texts[2] and '"errors"' not in texts[2]
    logged = [r.getMessage() for r in caplog.records]
    assert logged  # the request log lines were captured
    for text in [*texts, *logged]:
        assert not [p for p in PERSONAL if p in text], text[:300]
