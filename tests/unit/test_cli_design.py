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


@pytest.mark.parametrize(
    ("draft", "status", "heading", "lines"),
    [
        pytest.param(
            GOOD,
            0,
            "Design check of 'MIG welding for beginners' (ie-draft-mig), IE",
            [
                "Would load: no validation problems.",
                "Annex I elements: score 1.00 of 1",
                "+ QUALITY (MET)",
                "? LEARNER_CENTRED (NEEDS_REVIEW)",
                "1. ee-keevitus (EE) 'MIG/MAG keevitus'",
            ],
            id="a complete draft loads and is reported",
        ),
        pytest.param(
            BAD,
            1,
            "Design check of 'Drawing basics' (ie-draft-bad), IE",
            [
                "Would not load: 2 problem(s)",
                "  ! provider: 'nobody' ",
                "  ! outcomes[0].skills[1]: ",
                "- AUTHENTIC (NOT_MET)",
                "missing: awarding body",
            ],
            id="a draft that would not load names each problem",
        ),
    ],
)
def test_a_draft_is_reported_with_exit_status_by_whether_it_loads(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    draft: str,
    status: int,
    heading: str,
    lines: list[str],
) -> None:
    code, out, _ = _run(tmp_path, draft, capsys)
    assert code == status
    assert out.startswith(heading)
    for line in lines:
        assert line in out


def test_a_file_that_is_no_credential_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(tmp_path, "- just\n- a list\n", capsys)
    assert code == 2
    assert "expected a credential" in err
    code, _, err = _run(tmp_path, "id: [unclosed\n", capsys)
    assert code == 2
    assert "draft.yaml:" in err
