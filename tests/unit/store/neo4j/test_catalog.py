"""The Cypher catalog: every file is used, every used name has a file, and they ship."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from pathways.errors import PathwaysError
from pathways.paths import queries_dir
from pathways.store.neo4j import catalog as cypher
from pathways.store.neo4j.catalog import Q
from tests.support.paths import ROOT

STORE_SOURCES = sorted((ROOT / "src" / "pathways" / "store" / "neo4j").glob("*.py"))


def _files() -> set[str]:
    return {p.stem for p in queries_dir().glob("*.cypher")}


def _used_in_code() -> set[str]:
    members = set()
    for path in STORE_SOURCES:
        members.update(re.findall(r"\bQ\.([A-Z_]+)\b", path.read_text(encoding="utf-8")))
    return {Q[m].value for m in members}


def test_every_file_has_a_name_and_every_name_a_file() -> None:
    assert _files() == {q.value for q in Q}


def test_every_name_is_used_by_the_store() -> None:
    assert _used_in_code() == {q.value for q in Q}


MULTI = {Q.SCHEMA, Q.RETIRE_BATCH, Q.PROMOTE_BATCH}
"""The files of several statements, run one by one (the switch's, one a label)."""


@pytest.mark.parametrize("name", list(Q), ids=lambda q: q.value)
def test_every_file_parses_into_statements(name: Q) -> None:
    found = cypher.statements(name)
    assert found
    for statement in found:
        assert "//" not in statement
    if name not in MULTI:
        assert cypher.query(name) == found[0]


def test_values_are_parameters_not_text() -> None:
    # Every statement's inputs are $parameters; nothing is formatted in (no braces
    # placeholders, no Python format fields).
    for name in Q:
        for statement in cypher.statements(name):
            assert not re.search(r"\{\w*\}|%s|%\(", statement), name


def test_schema_is_idempotent_text() -> None:
    for statement in cypher.statements(Q.SCHEMA):
        if statement.startswith("CREATE"):
            assert "IF NOT EXISTS" in statement


def test_query_refuses_a_file_of_several_statements() -> None:
    with pytest.raises(PathwaysError):
        cypher.query(Q.SCHEMA)


def test_queries_ship_inside_the_wheel() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    force = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force["queries"] == "pathways/_queries"
    # paths.queries_dir() looks for the installed name first, then the checkout.
    assert queries_dir().resolve() in {
        (ROOT / "queries").resolve(),
        (ROOT / "src" / "pathways" / "_queries").resolve(),
    }
    assert (ROOT / "queries").is_dir()


@pytest.mark.slow
def test_built_wheel_holds_every_catalog_file(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    (wheel,) = tmp_path.glob("pathways-*.whl")
    with zipfile.ZipFile(wheel) as z:
        shipped = {Path(n).stem for n in z.namelist() if n.startswith("pathways/_queries/")}
    assert shipped == {q.value for q in Q}
