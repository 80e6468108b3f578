"""Large documents are parsed, measured and keyed off the event loop; errors stay the same."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from graphql import DocumentNode, GraphQLError
from starlette.testclient import TestClient

from pathways.api import parsing, validation
from pathways.model import Graph
from pathways.service import Service
from pathways.store.memory import MemoryStore
from tests.support.asgi import health_while

TRIVIAL = "{ frameworks { code } }"

PADDING = "#" + "x" * parsing.ON_LOOP_CHARS + "\n"
"""A comment that makes any document large (comments are not tokens: no limit counts them)."""

LARGE = PADDING + TRIVIAL

BROKEN = "{ frameworks { code }"

NEW_MEDIA = {"Accept": "application/graphql-response+json"}


def test_the_loop_answers_while_a_large_document_is_parsed(
    small_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsing_started, release = threading.Event(), threading.Event()
    real_parse = parsing.parse

    def held_parse(*args: Any, **kwargs: Any) -> DocumentNode:
        parsing_started.set()
        release.wait(30)
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(parsing, "parse", held_parse)

    async def parse_started() -> None:
        started = await asyncio.to_thread(parsing_started.wait, 30)
        assert started, "the large document was never parsed off the loop"

    order, body = asyncio.run(
        health_while(Service(MemoryStore(small_graph)), LARGE, parse_started, release.set)
    )
    assert body["data"]["frameworks"]
    assert order == ["healthz", "query"]


def test_only_a_large_document_leaves_the_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: dict[str, list[str]] = {"parse": [], "measure": []}
    real_parse, real_size = parsing.parse, validation.size_errors

    def spy_parse(*args: Any, **kwargs: Any) -> DocumentNode:
        threads["parse"].append(threading.current_thread().name)
        return real_parse(*args, **kwargs)

    def spy_size(document: DocumentNode) -> list[GraphQLError]:
        threads["measure"].append(threading.current_thread().name)
        return real_size(document)

    monkeypatch.setattr(parsing, "parse", spy_parse)
    monkeypatch.setattr(validation, "size_errors", spy_size)
    assert client.post("/graphql", json={"query": TRIVIAL}).json()["data"]["frameworks"]
    assert threads["parse"] == []  # strawberry parsed it, on the loop
    assert [n.startswith("pathways-documents") for n in threads["measure"]] == [False]
    assert client.post("/graphql", json={"query": LARGE}).json()["data"]["frameworks"]
    assert [n.startswith("pathways-documents") for n in threads["parse"]] == [True]
    assert [n.startswith("pathways-documents") for n in threads["measure"][1:]] == [True]


@pytest.mark.parametrize("operation", [None, "Named"])
def test_a_large_document_that_does_not_parse_is_refused_as_a_short_one_is(
    client: TestClient, operation: str | None
) -> None:
    answers = []
    for padding in ("#short\n", PADDING):
        payload = {"query": padding + BROKEN, "operationName": operation}
        r = client.post("/graphql", json=payload, headers=NEW_MEDIA)
        assert r.status_code == 400, r.text
        answers.append(r.json())
    short, large = answers
    assert "data" not in large
    assert large == short
    assert large["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
    assert large["errors"][0]["locations"] == [{"line": 2, "column": len(BROKEN) + 1}]
