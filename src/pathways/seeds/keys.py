"""Keys a seed record may hold, and warnings for unknown keys that look like misspelt ones.

Records may carry extra keys (the seed format allows them; credentials keep them as
data, e.g. `title_en` or `awarding_body`), so an unknown key is not an error.  It is
reported as a warning when it is a near miss of a known field: after ignoring case,
`-`, `_` and spaces, at most one edit away (two for keys of 8 or more characters),
a transposition counting as one edit.  Anything further is taken as an extra field.
"""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz.distance import DamerauLevenshtein

from pathways.errors import SeedProblem
from pathways.seeds.reader import line_of
from pathways.seeds.records import CREDENTIAL_KEYS
from pathways.wording import with_article

FIELDS: Mapping[str, frozenset[str]] = {
    "framework": frozenset({"code", "name", "country", "source", "levels"}),
    "level": frozenset({"code", "label", "eqf", "descriptors"}),
    "provider": frozenset({"id", "name", "country"}),
    "skill": frozenset({"id", "labels"}),
    "credential": CREDENTIAL_KEYS,
    "outcome": frozenset({"id", "text", "language", "skills"}),
    "credential level": frozenset({"framework", "code"}),
    "recognition": frozenset({"from", "to", "decision", "by", "date", "ects"}),
}
"""The known fields of each sort of record (and of the records nested in them)."""

LIST_SORTS = {
    "frameworks": "framework",
    "providers": "provider",
    "skills": "skill",
    "credentials": "credential",
    "recognitions": "recognition",
}
"""The sort of record each top-level list holds."""

LONG_KEY = 8
"""Keys this long (once normalised) may be two edits from a field and still be a near miss."""


def _normal(key: str) -> str:
    return "".join(ch for ch in key.lower() if ch not in "-_ ")


def nearest_field(key: str, fields: frozenset[str]) -> str | None:
    """The known field an unknown key is a near miss of, or None when it is an extra."""
    if key in fields:
        return None
    wanted = _normal(key)
    allowed = 2 if len(wanted) >= LONG_KEY else 1
    best: tuple[int, str] | None = None
    for known in sorted(fields):
        distance = DamerauLevenshtein.distance(wanted, _normal(known), score_cutoff=allowed)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, known)
    return best[1] if best else None


def unknown_keys(
    file: str, sort: str, record: Mapping[object, object], ident: str | None
) -> list[SeedProblem]:
    """Warnings for keys of `record` (and its nested records) that look like misspelt fields."""
    found: list[SeedProblem] = []

    def check(node: Mapping[object, object], what: str, path: str) -> None:
        for key in node:
            if not isinstance(key, str):
                continue
            near = nearest_field(key, FIELDS[what])
            if near is not None:
                problem = f"'{key}' is not {with_article(what)} field; did you mean '{near}'?"
                line = line_of(node, key) or line_of(record)
                found.append(SeedProblem(file, problem, line, ident, f"{path}{key}"))

    check(record, sort, "")
    for nested, what in _NESTED.get(sort, ()):
        value = record.get(nested)
        items = value if isinstance(value, list) else [value]
        for n, item in enumerate(items):
            if isinstance(item, Mapping):
                where = f"{nested}[{n}]." if isinstance(value, list) else f"{nested}."
                check(item, what, where)
    return found


_NESTED = {
    "framework": (("levels", "level"),),
    "credential": (("outcomes", "outcome"), ("level", "credential level")),
}
