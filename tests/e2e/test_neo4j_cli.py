"""`pathways load --backend neo4j`, then `query` and `serve` on Neo4j answer as the embedded store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from tests.support.documents import PLAN, REACHABLE
from tests.support.paths import ROOT, SMALL_SEEDS
from tests.support.server import Served

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

DOCUMENTS: list[tuple[str, dict[str, object]]] = [
    (PLAN, {"t": "ie-welding-cert", "h": []}),
    (PLAN, {"t": "ie-welding-cert", "h": ["ee-keevitus"], "a": 2}),
    (REACHABLE, {"h": ["ie-safety", "ee-joonised"]}),
    ('{ credential(id: "ie-mig") { id title stacksInto { id } } }', {}),
    ('{ equivalents(credential: "ee-keevitus", first: 20) { credential { id } score basis } }', {}),
    ('{ compare(a: "ee-keevitus", b: "ie-mig") { score basis substantialDifferences } }', {}),
]


def _pathways(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pathways", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def neo4j_env(neo4j_uri: str) -> Iterator[dict[str, str]]:
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "NEO4J_DATABASE": "neo4j"}
    env.pop("NEO4J_USER", None)
    env.pop("NEO4J_PASSWORD", None)
    loaded = _pathways("load", "--backend", "neo4j", str(SMALL_SEEDS), "--replace", env=env)
    assert loaded.returncode == 0, loaded.stderr
    assert "loaded 8 credentials" in loaded.stdout
    assert "credentials: 8/8" in loaded.stderr  # progress goes to stderr
    yield env


def test_load_without_replace_refuses_a_loaded_database(neo4j_env: dict[str, str]) -> None:
    again = _pathways("load", "--backend", "neo4j", str(SMALL_SEEDS), env=neo4j_env)
    assert again.returncode != 0
    assert "--replace" in again.stderr


@pytest.mark.parametrize(("document", "variables"), DOCUMENTS)
def test_query_on_neo4j_matches_embedded(
    neo4j_env: dict[str, str], document: str, variables: dict[str, object]
) -> None:
    args = ["query", document, "--variables", json.dumps(variables)]
    embedded = _pathways(*args, "--seeds", str(SMALL_SEEDS), env=neo4j_env)
    on_neo4j = _pathways(*args, "--backend", "neo4j", env=neo4j_env)
    assert embedded.returncode == 0, embedded.stderr
    assert on_neo4j.returncode == 0, on_neo4j.stderr
    assert json.loads(on_neo4j.stdout) == json.loads(embedded.stdout)


def test_serve_on_neo4j(neo4j_env: dict[str, str]) -> None:
    served = Served(["--backend", "neo4j"], env=neo4j_env)
    try:
        health = httpx.get(f"{served.url}/healthz").json()
        assert health["backend"] == "neo4j"
        assert health["detail"] == "8 credentials"
        document, variables = DOCUMENTS[1]
        answer = httpx.post(
            f"{served.url}/graphql", json={"query": document, "variables": variables}
        )
        embedded = _pathways(
            "query",
            document,
            "--variables",
            json.dumps(variables),
            "--seeds",
            str(SMALL_SEEDS),
            env=neo4j_env,
        )
        assert answer.json() == json.loads(embedded.stdout)
    finally:
        served.stop()
