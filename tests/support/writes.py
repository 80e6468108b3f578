"""Shared pieces of the write tests: keys, documents and a client that can write."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from pathways.api.auth import ApiKeys
from pathways.app import create_app
from pathways.model import Graph
from pathways.service import Service
from pathways.store.memory import MemoryStore

EDITOR_KEY = "ed-key-1"
EDITOR_KEY_2 = "ed-key-2"
OFFICER_KEY = "ro-key-1"
KEYS = f"editor:{EDITOR_KEY}, editor:{EDITOR_KEY_2},recognition_officer:{OFFICER_KEY}"

FIELDS = """
    id kind title country language ects hours hoursDerived assessment participation
    qualityAssurance validFrom validUntil hasRequirements
    provider { id } level { framework code }
    outcomes { id text language skills { id } }
    prerequisites { id }
"""

UPSERT = f"mutation Upsert($input: CredentialInput!) {{ upsertCredential(input: $input) {{ {FIELDS} }} }}"

READ_BACK = f"query($id: ID!) {{ credential(id: $id) {{ {FIELDS} }} }}"

RECORD = """
mutation Record($input: RecognitionInput!) {
  recordRecognition(input: $input) { from { id } to { id } decision ects by date }
}
"""

CREDENTIAL = "query($id: ID!) { credential(id: $id) { id title ects prerequisites { id } } }"

RECOGNITIONS = "query($id: ID!) { credential(id: $id) { recognitions { to { id } decision } } }"


def bearer(key: str) -> dict[str, str]:
    """The Authorization header for a key."""
    return {"Authorization": f"Bearer {key}"}


def new_credential(**fields: Any) -> dict[str, Any]:
    """A valid CredentialInput for the small graph, with `fields` over the defaults."""
    base: dict[str, Any] = {
        "id": "ie-new",
        "kind": "MICRO_CREDENTIAL",
        "title": "Pipe welding",
        "country": "IE",
    }
    return base | fields


def writing_client(graph: Graph) -> TestClient:
    """A TestClient over a fresh in-memory copy of `graph` that knows KEYS."""
    return TestClient(create_app(Service(MemoryStore(graph)), ApiKeys.parse(KEYS)))


def gql(
    client: TestClient,
    query: str,
    variables: dict[str, Any] | None = None,
    key: str | None = None,
) -> dict[str, Any]:
    """POST a document, assert the transport succeeded, return the JSON body."""
    r = client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers=bearer(key) if key else {},
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def mig_draft() -> dict[str, Any]:
    """A complete draft micro-credential of the shipped graph's Irish welding family."""
    return new_credential(
        id="ie-draft-mig",
        title="MIG welding for beginners",
        provider="gti",
        level={"framework": "IE-NFQ", "code": "5"},
        ects=5,
        outcomes=[{"text": "Weld steel plate with MIG/MAG", "skills": ["s:weld"]}],
    )


def broken_draft() -> dict[str, Any]:
    """A draft with four problems: unknown provider, level, prerequisite and skill."""
    return new_credential(
        id="ie-draft-bad",
        title="Something",
        provider="nobody",
        level={"framework": "IE-NFQ", "code": "99"},
        prerequisites=["ie-safety", "missing-one"],
        outcomes=[{"text": "Weld steel", "skills": ["s:weld", "s:unknown"]}],
    )
