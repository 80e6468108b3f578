"""A draft credential read leniently: what would stop it loading, and the best reading of it.

A design check must report on a draft even when it would not load.  The draft is
validated exactly as a write is; each problem's field is then set aside (the list
item at fault, else the whole top-level key) and the rest validated again, until it
loads.  Required fields at fault are stood in for, then emptied, so the Annex I
report names them as missing.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from pathways.errors import SeedProblem, SeedValidationError
from pathways.model import Credential, CredentialKind, Graph
from pathways.seeds.inputs import Near, credential_from_input

MAX_ROUNDS = 8
"""Validation passes before giving up on setting fields aside (each pass sets some aside)."""

DRAFT_ID = "draft"

_STAND_INS: dict[str, object] = {
    "id": DRAFT_ID,
    "kind": CredentialKind.MICRO_CREDENTIAL.value,
    "title": "-",
    "country": "-",
}
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_GONE = object()


def sentence(problem: SeedProblem) -> str:
    """A validation problem as a sentence naming the field."""
    text = problem.problem.strip()
    text = text[:1].upper() + text[1:]
    if not text.endswith((".", "?", "!", ")")):
        text += "."
    return f"{problem.field}: {text}" if problem.field else text


def _path(field: str) -> list[str | int]:
    return [name if name else int(index) for name, index in _PART.findall(field)]


def _set_aside(record: dict[str, Any], field: str | None, stood_in: set[str]) -> bool:
    """Remove what `field` names from `record`; False when nothing could be removed."""
    if not field:
        return False
    path = _path(field)
    if not path or not isinstance(path[0], str) or path[0] not in record:
        return False
    top = path[0]
    last_index = max((i for i, part in enumerate(path) if isinstance(part, int)), default=None)
    if last_index is None:
        if top in _STAND_INS and top not in stood_in:
            stood_in.add(top)
            record[top] = _STAND_INS[top]
            return True
        if top in _STAND_INS:
            return False
        del record[top]
        return True
    node: Any = record
    for part in path[:last_index]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    index = path[last_index]
    if not isinstance(node, list) or not isinstance(index, int) or index >= len(node):
        return False
    if node[index] is _GONE:
        return False
    node[index] = _GONE
    return True


def _sweep(value: Any) -> Any:
    if isinstance(value, list):
        return [_sweep(v) for v in value if v is not _GONE]
    if isinstance(value, dict):
        return {k: _sweep(v) for k, v in value.items()}
    return value


def read_draft(
    data: Mapping[str, object], graph: Graph, source: str = "draft", near: Near | None = None
) -> tuple[Credential, tuple[SeedProblem, ...]]:
    """The draft as validated against `graph`, with fields at fault set aside, and every problem.

    `graph` may be the draft's neighbourhood (as for a write), with `near` the ids that
    suggestions for unknown ones come from.
    """
    record: dict[str, Any] = copy.deepcopy(dict(data))
    problems: dict[str, SeedProblem] = {}
    stood_in: set[str] = set()
    for _ in range(MAX_ROUNDS):
        try:
            cred = credential_from_input(record, graph, source, near)
        except SeedValidationError as err:
            for p in err.problems:
                problems.setdefault(str(p), p)
            moved = [_set_aside(record, p.field, stood_in) for p in err.problems]
            record = _sweep(record)
            if not any(moved):
                break
            continue
        cred = dataclasses.replace(
            cred,
            title="" if "title" in stood_in else cred.title,
            country="" if "country" in stood_in else cred.country,
        )
        return cred, tuple(problems.values())
    bare = Credential(
        id=str(data.get("id") or DRAFT_ID),
        kind=CredentialKind.MICRO_CREDENTIAL,
        title="",
        country="",
    )
    if not problems:
        problems["?"] = SeedProblem(source, "the draft could not be read")
    return bare, tuple(problems.values())
