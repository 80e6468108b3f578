"""designCheck and the document questions read what they name, never the whole graph."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from pathways.model import (
    AllRule,
    Credential,
    CredentialRule,
    Graph,
    Rule,
)
from pathways.quality_service import _draft_planning, draft_closure
from tests.support.backends import Backend
from tests.support.documents import DESIGN
from tests.support.interop import document
from tests.support.no_scan import WholeGraphRead, no_scan
from tests.support.writes import broken_draft, mig_draft, new_credential

DRAFTS: list[dict[str, Any]] = [
    mig_draft(),
    broken_draft(),
    new_credential(
        id="ie-draft-cert",
        kind="QUALIFICATION",
        title="Welding certificate, draft",
        requirements={
            "all": [
                {"credential": "ie-safety"},
                {"any": [{"credential": "ie-mig"}, {"credential": "ie-tig"}]},
                {"credits": 3, "from": ["ie-drawing", "ee-joonised"]},
            ]
        },
    ),
    # the draft of a stored credential: its id is read with the rest
    new_credential(id="ie-welding-cert", kind="QUALIFICATION", title="Welding, revised",
                   requirements={"all": [{"credential": "ie-safety"}]}),
]  # fmt: skip


def test_store_refuses_the_whole_graph(backend: Backend) -> None:
    with pytest.raises(WholeGraphRead):
        backend.call(no_scan(backend.store).snapshot)


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda d: str(d["id"]))
def test_design_check_never_reads_the_whole_graph(backend: Backend, draft: dict[str, Any]) -> None:
    guarded = Backend(backend.name, no_scan(backend.store), backend.portal)
    out = guarded.gql(DESIGN, {"input": draft})
    assert "errors" not in out, out.get("errors")
    assert out == backend.gql(DESIGN, {"input": draft})
    assert out["data"]["designCheck"]["credential"]["id"] == draft["id"]


def _drafts(graph: Graph) -> list[Credential]:
    """Drafts naming each stored credential alone, all of them, and each stored rule,
    under a new id and under a stored one."""
    ids = sorted(graph.credentials)
    rules: list[Rule] = [CredentialRule(i) for i in ids]
    rules += [AllRule(tuple(CredentialRule(i) for i in ids))]
    rules += [c.requirements for c in graph.credentials.values() if c.requirements is not None]
    base = graph.credentials[ids[0]]
    return [replace(base, id=own, requirements=rule) for rule in rules for own in ("zz-new", *ids)]


def test_draft_planning_reads_what_the_whole_graph_walk_finds(backend: Backend) -> None:
    graph = backend.call(backend.store.snapshot)
    guarded = no_scan(backend.store)
    for draft in _drafts(graph):
        ctx = backend.call(_draft_planning, guarded, draft)
        whole = draft_closure(draft, graph.credentials, graph.recognitions)
        assert ctx.credentials == whole.credentials, draft
        assert ctx.credentials[draft.id] is draft
        assert ctx.recognitions == whole.recognitions, draft


READ = """
query($d: JSON!) {
  readDocument(document: $d) {
    format warnings
    credentials { id title provider { id } level { framework code } outcomes { skills { id } } }
    qualityReports { score missing }
    providers { id name country }
  }
}"""
EQUIVALENTS = """
query($d: JSON!, $c: String) {
  documentEquivalents(document: $d, country: $c, first: 10) { credential { id } score basis }
}"""
WRITE = "query($id: ID!, $f: DocumentFormat!) { credential(id: $id) { document(format: $f) } }"


def _documents(backend: Backend) -> list[dict[str, Any]]:
    written = [
        backend.gql(WRITE, {"id": ident, "f": fmt})["data"]["credential"]["document"]
        for ident, fmt in (("ee-keevitus", "ELM"), ("ie-mig", "CTDL"), ("ie-care", "OB3"))
    ]
    return [*written, document("elm_issued_credential.jsonld"), document("ctdl_graph.json")]


def test_document_questions_never_read_the_whole_graph(backend: Backend) -> None:
    guarded = Backend(backend.name, no_scan(backend.store), backend.portal)
    for doc in _documents(backend):
        read = guarded.gql(READ, {"d": doc})
        assert "errors" not in read, read.get("errors")
        assert read == backend.gql(READ, {"d": doc})
        for country in (None, "IE", "EE"):
            found = guarded.gql(EQUIVALENTS, {"d": doc, "c": country})
            assert "errors" not in found, found.get("errors")
            assert found == backend.gql(EQUIVALENTS, {"d": doc, "c": country})
