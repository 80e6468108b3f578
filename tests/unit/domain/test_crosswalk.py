"""The crosswalk answers exactly as the official referencing does, for every shipped level."""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest

from pathways.domain.crosswalk import crosswalk
from pathways.errors import NotFound
from pathways.model import Graph
from tests.support.paths import DATA

MAPPINGS = DATA / "nqf_eqf_mappings.csv"


def _eqf(cell: str) -> set[int]:
    cell = cell.strip()
    if not cell:
        return set()
    return {int(part) for part in cell.replace("/", "|").split("|")}


def _rows() -> list[tuple[str, str, set[int]]]:
    with MAPPINGS.open(encoding="utf-8") as fh:
        return [
            (r["framework_code"], r["national_level"], _eqf(r["eqf_level"]))
            for r in csv.DictReader(fh)
        ]


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, str, set[int]]]:
    return _rows()


def test_every_reference_row_crosswalks_to_its_eqf_levels(
    shipped_graph: Graph, rows: list[tuple[str, str, set[int]]]
) -> None:
    fws = shipped_graph.frameworks
    for code, level, eqf in rows:
        cw = crosswalk(fws, code, level, "EQF")
        assert {int(t.code) for t in cw.to} == eqf, (code, level)
        assert set(cw.via_eqf) == eqf
        if not eqf:
            assert cw.note and "not referenced" in cw.note


def test_every_eqf_level_reverses_to_exactly_the_referenced_levels(
    shipped_graph: Graph, rows: list[tuple[str, str, set[int]]]
) -> None:
    expected: dict[tuple[str, int], set[str]] = defaultdict(set)
    for code, level, eqf in rows:
        for n in eqf:
            expected[(code, n)].add(level)
    for code in {r[0] for r in rows}:
        for n in range(1, 9):
            cw = crosswalk(shipped_graph.frameworks, "EQF", str(n), code)
            assert {t.code for t in cw.to} == expected.get((code, n), set()), (code, n)
            if not cw.to:
                assert cw.note and f"no level referenced to EQF {n}" in cw.note


def test_nqf_to_nqf_goes_through_shared_eqf_levels(
    shipped_graph: Graph, rows: list[tuple[str, str, set[int]]]
) -> None:
    by_fw: dict[str, list[tuple[str, set[int]]]] = defaultdict(list)
    for code, level, eqf in rows:
        by_fw[code].append((level, eqf))
    pairs = [
        ("IE-NFQ", "EE-EKR"),
        ("DK-NQF", "FR-CNCP"),
        ("ES-MECU", "IE-NFQ"),
        ("FR-1969", "ES-MECU"),
    ]
    for src, dst in pairs:
        for level, eqf in by_fw[src]:
            cw = crosswalk(shipped_graph.frameworks, src, level, dst)
            want = [lvl for lvl, e in by_fw[dst] if e & eqf]
            assert [t.code for t in cw.to] == want, (src, level, dst)


def test_unknown_framework_and_level_are_not_found(shipped_graph: Graph) -> None:
    with pytest.raises(NotFound, match="No framework with code 'XX'"):
        crosswalk(shipped_graph.frameworks, "XX", "1", "EQF")
    with pytest.raises(NotFound, match="has no level '42'"):
        crosswalk(shipped_graph.frameworks, "IE-NFQ", "42", "EQF")
    with pytest.raises(NotFound):
        crosswalk(shipped_graph.frameworks, "IE-NFQ", "5", "XX")
