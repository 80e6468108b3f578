"""The `pathways` command in-process: validate, query, and their exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pathways.cli import main
from tests.support.paths import SMALL_SEEDS

BROKEN = """
credentials:
  - id: a
    kind: MICRO_CREDENTIAL
    title: A
    country: IE
    prerequisites: [ghost]
  - id: b
    kind: NOT_A_KIND
    title: B
    country: IE
"""


def test_validate_valid_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SMALL_SEEDS)]) == 0
    assert "valid: 4 frameworks" in capsys.readouterr().out


def test_validate_reports_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "2 problem(s)" in err
    assert "ghost" in err and "NOT_A_KIND" in err
    assert "bad.yaml:" in err


def test_validate_missing_directory_exits_2(tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "nope")]) == 2


def test_query_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    doc = "query($id: ID!) { credential(id: $id) { title } }"
    code = main(["query", "--seeds", str(SMALL_SEEDS), doc, "--variables", '{"id": "ie-mig"}'])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "data": {"credential": {"title": "MIG welding of steel plate"}}
    }


def test_query_from_file_with_error_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "q.graphql"
    doc.write_text(
        '{ crosswalk(framework: "X", level: "1", to: "EQF") { note } }', encoding="utf-8"
    )
    assert main(["query", "--seeds", str(SMALL_SEEDS), str(doc)]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_query_rejects_bad_variables(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            ["query", "--seeds", str(SMALL_SEEDS), "{ frameworks { code } }", "--variables", "[1]"]
        )
        == 2
    )
    assert "JSON object" in capsys.readouterr().err
