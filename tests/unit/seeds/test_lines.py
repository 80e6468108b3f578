"""Problems point at the line of the record or field, in YAML and (where cheap) in JSON."""

from __future__ import annotations

import json

from pathways.seeds import validate_dirs
from tests.support.seed_dirs import BASE, Write

YAML = """\
# line 1: a comment
credentials:
  - id: a
    kind: UNIT
    title: A
    country: IE
    ects: -3
    requirements:
      all:
        - credential: safety
        - credits: 5
          from: [ghost]
  - id: b
    title: B
    country: IE
"""


def test_yaml_problems_carry_the_field_line(write: Write) -> None:
    problems = validate_dirs([write({"00.yaml": BASE, "bad.yaml": YAML})])
    assert [(p.line, p.id, p.field) for p in problems] == [
        (7, "a", "ects"),
        (12, "a", "requirements.all[1].from[0]"),
        (13, "b", "kind"),
    ]


def test_yaml_parse_error_carries_its_line(write: Write) -> None:
    text = "credentials:\n  - id: a\n    title: [unclosed\n    kind: UNIT\n"
    (problem,) = validate_dirs([write({"bad.yaml": text})])
    assert problem.file == "bad.yaml"
    assert problem.line is not None and 3 <= problem.line <= 5
    assert problem.problem.startswith("is not valid YAML")


def test_json_parse_error_carries_its_line(write: Write) -> None:
    (problem,) = validate_dirs(
        [write({"bad.json": '{\n  "credentials": [\n    {"id": "a",}\n  ]\n}'})]
    )
    assert (problem.file, problem.line) == ("bad.json", 3)
    assert "not valid JSON" in problem.problem


def test_json_record_problems_carry_the_record_line(write: Write) -> None:
    data = {
        "credentials": [
            {"id": "ok", "kind": "UNIT", "title": "T", "country": "IE"},
            {"id": "bad", "kind": "UNIT", "title": "T", "country": "IE", "ects": "five"},
        ]
    }
    text = json.dumps(data, indent=2)
    (problem,) = validate_dirs([write({"bad.json": text})])
    expected = next(n for n, line in enumerate(text.splitlines(), 1) if '"bad"' in line)
    assert (problem.line, problem.id, problem.field) == (expected, "bad", "ects")


def test_problem_text_names_file_line_id_and_field(write: Write) -> None:
    problems = validate_dirs([write({"00.yaml": BASE, "bad.yaml": YAML})])
    assert str(problems[0]) == "bad.yaml:7 [a] ects: must not be negative, found -3"
