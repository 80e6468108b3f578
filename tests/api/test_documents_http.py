"""GET /credentials/{id} for JSON-LD clients: ELM by default, OB3 and CTDL on request."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from pathways.interop.read import read_document
from pathways.interop.reading import DocumentFormat

LD = {"accept": "application/ld+json"}


@pytest.mark.parametrize(
    ("query", "fmt"),
    [
        ("", DocumentFormat.ELM),
        ("?format=ob3", DocumentFormat.OB3),
        ("?format=ctdl", DocumentFormat.CTDL),
    ],
)
def test_a_credential_as_each_format(client: TestClient, query: str, fmt: DocumentFormat) -> None:
    r = client.get(f"/credentials/ie-mig{query}", headers=LD)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/ld+json")
    assert "accept" in r.headers["vary"].lower()
    reading = read_document(r.json())
    assert reading.format is fmt
    assert (reading.credentials[0].id, reading.credentials[0].title) == (
        "ie-mig",
        "MIG welding of steel plate",
    )


def test_browsers_still_get_the_page(client: TestClient) -> None:
    r = client.get("/credentials/ie-mig", headers={"accept": "text/html,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")


def test_unknown_id_and_format(client: TestClient) -> None:
    r = client.get("/credentials/no-such", headers=LD)
    assert r.status_code == 404 and r.json()["error"]["code"] == "NOT_FOUND"
    r = client.get("/credentials/ie-mig?format=xml", headers=LD)
    assert r.status_code == 400 and "elm, ob3, ctdl" in r.json()["error"]["message"]


def test_recognitions_as_transfer_value_profiles(client: TestClient) -> None:
    r = client.get("/credentials/ee-keevitus/recognitions", headers=LD)
    assert r.status_code == 200
    profiles = r.json()["@graph"]
    assert profiles and all(p["@type"] == "ceterms:TransferValueProfile" for p in profiles)
    assert all(
        p["ceterms:transferValueFrom"] == ["urn:pathways:credential:ee-keevitus"] for p in profiles
    )
