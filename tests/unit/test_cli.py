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
    assert "2 problems found" in err
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


def test_query_expected_error_has_no_traceback(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    doc = '{ compare(a: "ghost", b: "ie-mig") { score } }'
    assert main(["query", "--seeds", str(SMALL_SEEDS), doc]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "Traceback" not in captured.err
    assert not [r for r in caplog.records if r.exc_info]


def test_load_offers_only_neo4j(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["load", "--backend", "memory", str(SMALL_SEEDS)])
    assert exited.value.code == 2
    assert "choose from 'neo4j'" in capsys.readouterr().err


def test_load_says_once_that_neo4j_is_down(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")  # nothing listens on port 1
    assert main(["load", str(SMALL_SEEDS)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("pathways load: Neo4j at bolt://127.0.0.1:1 is unavailable")
    assert not [r for r in caplog.records if r.levelno >= 30]


def test_validate_directory_without_seed_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 2
    assert "no seed files" in capsys.readouterr().err


def test_validate_subfolder_suggests_the_seed_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = tmp_path / "set"
    (whole / "credentials").mkdir(parents=True)
    (whole / "providers.yaml").write_text(
        "providers:\n  - {id: p, name: P, country: IE}\n", encoding="utf-8"
    )
    (whole / "credentials" / "c.yaml").write_text(
        "credentials:\n  - {id: c, kind: MICRO_CREDENTIAL, title: C, country: IE, provider: p}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(whole / "credentials")]) == 1
    hints = [line for line in capsys.readouterr().err.splitlines() if line.startswith("hint:")]
    assert hints == [
        f"hint: {whole / 'credentials'} is part of the seed set {whole}; validate {whole} "
        "to check references between all of its files"
    ]
    assert main(["validate", str(whole)]) == 0
    assert "hint:" not in capsys.readouterr().err


MISSPELT = """
credentials:
  - id: c
    kind: MICRO_CREDENTIAL
    title: C
    title_en: C in English
    awarding_body: QQI
    country: IE
    ectss: 5
    outcomes:
      - {txt: weld, text: weld plates}
"""


def test_validate_warns_of_misspelt_fields_and_strict_refuses_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "c.yaml").write_text(MISSPELT, encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "valid: 1 framework, 0 providers, 0 skills, 1 credential" in captured.out
    assert "2 warnings found:" in captured.err
    assert "c.yaml:9 [c] ectss: 'ectss' is not a credential field; did you mean 'ects'?" in (
        captured.err
    )
    assert "'txt' is not an outcome field; did you mean 'text'?" in captured.err
    assert "title_en" not in captured.err and "awarding_body" not in captured.err
    assert main(["validate", "--strict", str(tmp_path)]) == 1
    assert "2 problems found:" in capsys.readouterr().err


def test_every_option_says_its_default() -> None:
    import argparse

    from pathways.cli import _parser

    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, f"{name} {action.dest} has no help"
            if action.option_strings:
                assert "default" in action.help.lower(), f"{name} {action.dest}: no default"
