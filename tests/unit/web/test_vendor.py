"""The vendored browser files: each listed with its checksum, none missing, none unlisted."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pathways.web

VENDOR = Path(pathways.web.__file__).parent / "static" / "vendor"
LINE = re.compile(r"^([0-9a-f]{64})  (\S+)$", re.M)


def listed() -> dict[str, str]:
    return {path: digest for digest, path in LINE.findall((VENDOR / "README.md").read_text())}


def test_every_vendored_file_is_listed_with_its_checksum() -> None:
    on_disk = {
        p.relative_to(VENDOR).as_posix()
        for p in VENDOR.rglob("*")
        if p.is_file() and p.name != "README.md"
    }
    table = listed()
    assert set(table) == on_disk
    for path, digest in table.items():
        assert hashlib.sha256((VENDOR / path).read_bytes()).hexdigest() == digest, path


def test_every_vendored_folder_has_a_licence_named() -> None:
    readme = (VENDOR / "README.md").read_text()
    for folder in (p for p in VENDOR.iterdir() if p.is_dir()):
        row = next(
            (line for line in readme.splitlines() if line.startswith(f"| {folder.name} ")), ""
        )
        assert "MIT" in row, f"{folder.name}: no licence in the README table"
