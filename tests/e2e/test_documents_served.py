"""Documents against a real `pathways serve`: an import is journaled, nothing personal is logged."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.interop import PERSONAL, document
from tests.support.paths import SMALL_SEEDS
from tests.support.server import Served

EDITOR = "e2e-documents-editor"
READ = "query($d: JSON!) { readDocument(document: $d) { credentials { id title } warnings } }"
IMPORT = "mutation($d: JSON!) { importDocument(document: $d) { id title } }"
EQUIVALENTS = "query($d: JSON!) { documentEquivalents(document: $d) { credential { id } } }"
TITLE = "query($id: ID!) { credential(id: $id) { title } }"


def serve(data_dir: Path) -> Served:
    return Served(
        ["--seeds", str(SMALL_SEEDS), "--data-dir", str(data_dir), "--log-level", "debug"],
        env={"PATHWAYS_API_KEYS": f"editor:{EDITOR}"},
    )


def post(url: str, query: str, variables: dict[str, object], key: str | None = None) -> str:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    r = httpx.post(
        f"{url}/graphql", json={"query": query, "variables": variables}, headers=headers, timeout=60
    )
    assert r.status_code == 200, r.text
    return r.text


def test_an_imported_europass_credential_survives_a_restart_and_nothing_personal_leaks(
    tmp_path: Path,
) -> None:
    issued = document("elm_issued_credential.jsonld")
    server = serve(tmp_path)
    try:
        answers = [
            post(server.url, READ, {"d": issued}),
            post(server.url, EQUIVALENTS, {"d": issued}),
            post(server.url, IMPORT, {"d": issued}, key=EDITOR),
            post(server.url, READ, {"d": document("ob3_credential.json")}),
        ]
        r = httpx.get(
            f"{server.url}/credentials/ie-heat-pump-installation-1d96d3",
            headers={"accept": "application/ld+json"},
            timeout=60,
        )
        answers.append(r.text)
    finally:
        log = server.stop()
    assert '"importDocument"' in answers[2] and "Heat pump installation" in answers[2]
    assert r.status_code == 200
    assert "graphql" in log  # the request log lines are there to be searched
    for text in (*answers, log):
        assert not [p for p in PERSONAL if p in text]
    journal = "".join(
        p.read_text("utf-8", errors="replace") for p in tmp_path.rglob("*") if p.is_file()
    )
    assert "Heat pump installation" in journal
    assert not [p for p in PERSONAL if p in journal]

    again = serve(tmp_path)
    try:
        body = post(again.url, TITLE, {"id": "ie-heat-pump-installation-1d96d3"})
    finally:
        again.stop()
    assert "Heat pump installation" in body
