"""Importing a document reads the providers and skills it names, never the whole graph."""

from __future__ import annotations

from typing import Any

import anyio

from pathways.interop.service import import_document
from pathways.model import Credential, Graph
from pathways.service import Service
from pathways.store.base import Store
from pathways.store.memory import MemoryStore
from tests.support.interop import document
from tests.support.no_scan import no_scan

WRITE = "query($id: ID!, $f: DocumentFormat!) { credential(id: $id) { document(format: $f) } }"


def _import(store: Store, doc: dict[str, Any]) -> list[Credential]:
    return anyio.run(import_document, Service(store), doc, None)


def _written(graph: Graph, ident: str, fmt: str) -> dict[str, Any]:
    from pathways.cli import run_query

    service = Service(MemoryStore(graph))
    out = anyio.run(run_query, service, WRITE, {"id": ident, "f": fmt})
    doc: dict[str, Any] = out["data"]["credential"]["document"]
    return doc


def test_import_never_reads_the_whole_graph(small_graph: Graph) -> None:
    docs = [
        document("ctdl_graph.json"),
        document("elm_issued_credential.jsonld"),
        _written(small_graph, "ie-mig", "ELM"),  # a known provider and skills: kept
    ]
    for doc in docs:
        guarded, plain = MemoryStore(small_graph), MemoryStore(small_graph)
        stored = _import(no_scan(guarded), doc)
        assert stored == _import(plain, doc)
        for cred in stored:
            assert anyio.run(guarded.credential, cred.id) == cred
    mig = _import(no_scan(MemoryStore(small_graph)), docs[2])[0]
    assert mig.provider == small_graph.credentials["ie-mig"].provider
    assert [o.skills for o in mig.outcomes] == [
        o.skills for o in small_graph.credentials["ie-mig"].outcomes
    ]
