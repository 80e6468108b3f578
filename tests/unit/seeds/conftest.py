"""Helpers for seed tests: write small seed directories into tmp_path."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

BASE = """\
frameworks:
  - code: IE-NFQ
    name: National Framework of Qualifications
    country: IE
    levels:
      - {code: "5", eqf: [4]}
      - {code: "6", eqf: [5]}
providers:
  - {id: gti, name: Galway Technical Institute, country: IE}
skills:
  - id: weld
    labels: {en: weld metal parts}
credentials:
  - id: safety
    kind: MICRO_CREDENTIAL
    title: Workshop safety
    country: IE
    ects: 1
  - id: mig
    kind: MICRO_CREDENTIAL
    title: MIG welding
    language: en
    country: IE
    provider: gti
    level: {framework: IE-NFQ, code: "5"}
    ects: 5
    prerequisites: [safety]
    outcomes:
      - text: Set up a MIG welding station safely
        skills: [weld]
"""

Write = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """Write `files` ({relative name: text}) under tmp_path/<name> and return that directory."""

    def _write(files: dict[str, str], name: str = "seeds") -> Path:
        root = tmp_path / name
        root.mkdir(exist_ok=True)
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return _write
