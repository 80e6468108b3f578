"""Helpers for seed tests: write small seed directories into tmp_path."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.support.seed_dirs import Write


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
