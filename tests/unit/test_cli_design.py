"""`pathways check-design FILE`: a readable report, exit 1 when the draft would not load."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathways.cli import main
from tests.support.paths import SMALL_SEEDS

GOOD = """
id: ie-draft-mig
kind: MICRO_CREDENTIAL
title: MIG welding for beginners
language: en
country: IE
provider: gti
level: {framework: IE-NFQ, code: "5"}
ects: 5
assessment: practical test (70%) and portfolio (30%)
participation: ONSITE
quality_assurance: QQI validated programme
outcomes:
  - text: Weld steel plate with MIG
    skills: [s:weld]
"""

BAD = """
credentials:
  - id: ie-draft-bad
    kind: MICRO_CREDENTIAL
    title: Drawing basics
    country: IE
    provider: nobody
    outcomes:
      - text: Read engineering drawings
        skills: [s:blueprint, s:ghost]
"""


def _run(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    code = main(["check-design", "--seeds", str(SMALL_SEEDS), str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_complete_draft_loads_and_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(tmp_path, GOOD, capsys)
    assert code == 0
    assert out.startswith("Design check of 'MIG welding for beginners' (ie-draft-mig), IE")
    assert "Would load: no validation problems." in out
    assert "Annex I elements: score 1.00 of 1" in out
    assert "+ QUALITY (MET)" in out
    assert "? LEARNER_CENTRED (NEEDS_REVIEW)" in out
    assert "1. ee-keevitus (EE) 'MIG/MAG keevitus'" in out


def test_a_draft_that_would_not_load_names_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(tmp_path, BAD, capsys)
    assert code == 1
    assert "Would not load: 2 problem(s)" in out
    assert "  ! provider: " in out and "nobody" in out
    assert "  ! outcomes[0].skills[1]: " in out
    assert "- AUTHENTIC (NOT_MET)" in out
    assert "missing: awarding body" in out


def test_a_file_that_is_no_credential_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(tmp_path, "- just\n- a list\n", capsys)
    assert code == 2
    assert "expected a credential" in err
    code, _, err = _run(tmp_path, "id: [unclosed\n", capsys)
    assert code == 2
    assert "draft.yaml:" in err
