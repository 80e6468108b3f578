"""strawberry, starlette and graphql-core internals are used only through api/compat.py."""

from __future__ import annotations

import re
from pathlib import Path

import strawberry

import pathways.api
from pathways.api import compat
from pathways.api.mutations import CredentialInput, RecognitionInput
from pathways.model import Decision

API = Path(pathways.api.__file__).parent

INTERNALS = re.compile(
    r"\._(schema|request|body)\b"  # private attributes of strawberry and starlette objects
    r"|\.__cause__"  # strawberry's errors told apart by their cause
    r"|\.message\.startswith\("  # graphql-core's errors told apart by their wording
    r"|from (strawberry\.schema|graphql\.validation\.|cross_web\.request)"
)


def test_no_api_module_but_compat_reaches_into_internals() -> None:
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(API.rglob("*.py"))
        if path.name != "compat.py"
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if INTERNALS.search(line)
    ]
    assert found == []


def test_compat_names_the_versions_it_was_written_against() -> None:
    assert set(compat.TESTED) >= {"strawberry-graphql", "starlette", "graphql-core"}


def test_graphql_names_are_the_schemas_names_of_an_input_object() -> None:
    rec = RecognitionInput(
        from_=strawberry.ID("a"), to=strawberry.ID("b"), decision=Decision.FULL, by="x", date="d"
    )
    names = compat.graphql_names(rec)
    assert names is not None and names["from_"] == "from" and names["to"] == "to"
    cred = compat.graphql_names(CredentialInput)
    assert cred is not None and cred["valid_until"] == "validUntil"
    assert compat.graphql_names({"from_": 1}) is None
