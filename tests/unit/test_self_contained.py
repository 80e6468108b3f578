"""The repository stands alone: nothing in it reads or links a folder beside the checkout."""

from __future__ import annotations

import re
import subprocess

from tests.support.paths import ROOT

SIBLING = "shared"
OUTSIDE = re.compile(rf"\.\./{SIBLING}|/{'work'}/|{SIBLING}/(contract|reference)\b")
"""A path that climbs out of the checkout or names a sibling folder of it."""

CHECKED = ("src", "tests", "docs", "bench", "scripts", "README.md", "Makefile", ".ci")


def _tracked_text_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--", *CHECKED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [name for name in listed if not name.endswith((".png", ".woff2", ".ico"))]


def test_no_file_reads_or_links_outside_the_repository() -> None:
    offenders = []
    for name in _tracked_text_files():
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        offenders += [
            f"{name}:{number}: {line.strip()}"
            for number, line in enumerate(text.splitlines(), 1)
            if OUTSIDE.search(line)
        ]
    assert not offenders, "\n".join(offenders)


def test_the_pattern_catches_what_it_is_for() -> None:
    assert OUTSIDE.search(f"REFERENCE = ROOT.parent / '../{SIBLING}/reference'")
    assert OUTSIDE.search(f"see /{'work'}/{SIBLING}/contract/api.graphql")
    assert not OUTSIDE.search("shared skills across languages")
