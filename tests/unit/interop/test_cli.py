"""`pathways import` and `pathways export` in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pathways.cli import main
from pathways.interop.read import read_document
from pathways.interop.reading import DocumentFormat
from pathways.interop.writers import write_document
from pathways.interop.writers.common import facts_from_graph
from pathways.model import AllRule, CredentialRule, Graph
from pathways.seeds import load_dirs, validate_dirs
from tests.support.interop import DOCUMENTS, PERSONAL, names
from tests.support.paths import SHIPPED_SEEDS


@pytest.mark.parametrize("fmt", ["elm", "ob3", "ctdl"])
def test_export_prints_a_document_our_reader_accepts(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", fmt, "ie-gti-mig-welding"]) == 0
    reading = read_document(json.loads(capsys.readouterr().out))
    assert reading.format is DocumentFormat(fmt.upper())
    assert reading.credentials[0].id == "ie-gti-mig-welding"


def test_export_several_and_their_recognitions(capsys: pytest.CaptureFixture[str]) -> None:
    ids = ["ee-voco-mag-keevitus", "ie-gti-mig-welding"]
    assert main(["export", "--format", "ctdl", "--recognitions", *ids]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert len(docs) == 3
    profiles = docs[2]["@graph"]
    assert profiles and {p["@type"] for p in profiles} == {"ceterms:TransferValueProfile"}


def test_export_of_an_unknown_id_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "elm", "no-such-credential"]) == 1
    assert "no-such-credential" in capsys.readouterr().err


def test_a_folder_of_elm_documents_becomes_a_valid_seed_directory(
    tmp_path: Path, shipped_graph: Graph, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "elm"
    folder.mkdir()
    standalone = [
        c.id
        for c in shipped_graph.credentials.values()
        if c.requirements is None and not c.prerequisites
    ]
    assert len(standalone) > 50
    for ident in standalone:
        cred = shipped_graph.credentials[ident]
        doc = write_document(DocumentFormat.ELM, facts_from_graph(cred, shipped_graph))
        (folder / f"{ident}.jsonld").write_text(json.dumps(doc), "utf-8")
    out = tmp_path / "seeds"
    assert main(["import", *sorted(str(p) for p in folder.iterdir()), "--out", str(out)]) == 0
    assert validate_dirs([out]) == []
    graph = load_dirs([out])
    assert sorted(graph.credentials) == sorted(standalone)
    for ident in standalone:
        back, cred = graph.credentials[ident], shipped_graph.credentials[ident]
        assert (back.title, back.workload_ects, back.kind) == (
            cred.title,
            cred.workload_ects,
            cred.kind,
        )
    # alone, the directory holds no national framework: the EQF level is kept, and said
    assert "the EQF level is kept" in capsys.readouterr().err


def test_import_says_when_a_whole_names_parts_it_lacks(
    tmp_path: Path, shipped_graph: Graph, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = next(
        c
        for c in shipped_graph.credentials.values()
        if isinstance(c.requirements, AllRule)
        and all(isinstance(r, CredentialRule) for r in c.requirements.children)
    )
    path = tmp_path / "whole.jsonld"
    doc = write_document(DocumentFormat.CTDL, facts_from_graph(whole, shipped_graph))
    path.write_text(json.dumps(doc), "utf-8")
    assert main(["import", str(path), "--out", str(tmp_path / "out")]) == 1
    assert "is not a credential" in capsys.readouterr().err


def test_import_against_seeds_resolves_national_levels(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = [str(DOCUMENTS / n) for n in names()]
    assert main(["import", *files, "--out", str(out), "--seeds", str(SHIPPED_SEEDS)]) == 0
    graph = load_dirs([SHIPPED_SEEDS, out])
    heat = next(c for c in graph.credentials.values() if c.title == "Heat pump installation")
    assert heat.level is not None and (heat.level.framework, heat.level.code) == ("IE-NFQ", "6")
    written = "".join(p.read_text("utf-8") for p in out.rglob("*.yaml"))
    assert not [p for p in PERSONAL if p in written]


def test_import_writes_nothing_when_a_document_is_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a credential"}', "utf-8")
    out = tmp_path / "out"
    assert main(["import", str(DOCUMENTS / "ctdl_record.json"), str(bad), "--out", str(out)]) == 1
    assert "none of the formats" in capsys.readouterr().err
    assert not out.exists()
