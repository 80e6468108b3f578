"""Checks of single fields in a seed record, each reporting to the record's context."""

from __future__ import annotations

import datetime as dt
import enum
import math
import reprlib
from collections.abc import Collection, Mapping
from typing import TypeVar

from rapidfuzz import fuzz, process

from pathways.errors import SeedProblem
from pathways.seeds.reader import line_of
from pathways.wording import quoted_id

E = TypeVar("E", bound=enum.Enum)

_MISSING = object()


class Ctx:
    """One record being checked: where it is, its id, and the problems found so far."""

    __slots__ = ("file", "id", "line", "problems", "record", "rename")

    def __init__(
        self,
        file: str,
        record: object,
        problems: list[SeedProblem],
        rename: Mapping[str, str] | None = None,
    ) -> None:
        self.file = file
        self.record = record
        self.line = line_of(record)
        self.id: str | None = None
        self.problems = problems
        self.rename = rename or {}

    def bad(self, field: str | None, problem: str, node: object = None, key: object = None) -> None:
        """Record a problem with `field` (a path like outcomes[2].skills) at the best line known."""
        line = line_of(node, key) if node is not None else None
        if field is not None:
            top = field.split(".", 1)[0].split("[", 1)[0]
            if line is None:
                line = line_of(self.record, top)
            if top in self.rename:
                field = self.rename[top] + field[len(top) :]
        if line is None:
            line = self.line
        self.problems.append(SeedProblem(self.file, problem, line, self.id, field))


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 2, 60, 60
_REPR.maxlist = _REPR.maxdict = 4


def show(value: object) -> str:
    """A short repr of a value from a file; bounded even for alias-built giant structures."""
    return _REPR.repr(value)


def text(
    ctx: Ctx, rec: Mapping[object, object], key: str, *, required: bool, field: str | None = None
) -> str | None:
    """A non-empty string field, or None (with a problem when required or mistyped)."""
    value = rec.get(key, _MISSING)
    if value.__class__ is str and value and not value.isspace():
        return value  # the common case, checked first for speed
    field = field or key
    if value is _MISSING or value is None:
        if required:
            ctx.bad(field, f"required field '{key}' is missing", rec, key)
        return None
    if isinstance(value, bool):
        ctx.bad(
            field,
            f"must be text, found {str(value).lower()} (YAML reads yes/no/on/off/NO as "
            'booleans: put the value in quotes, e.g. "NO")',
            rec,
            key,
        )
        return None
    if isinstance(value, int) and key == "code":
        return str(value)  # YAML reads `code: 6` as a number; quoting is preferred
    if isinstance(value, float) and key == "code":
        ctx.bad(field, f"YAML read the code as the number {value}; write it in quotes", rec, key)
        return None
    if not isinstance(value, str):
        ctx.bad(field, f"must be text, found {show(value)}", rec, key)
        return None
    if not value.strip():
        ctx.bad(field, "must not be empty", rec, key)
        return None
    return value


MAX_ECTS = 1_000.0
"""Most ECTS a credential (or a PARTIAL decision) may state: a doctorate is about 240."""

MAX_HOURS = 25_000.0
"""Most hours of learning a credential may state (1,000 ECTS at 25 hours each)."""

MAX_CREDITS = 10_000.0
"""Most ECTS a credits rule may require."""

MAX_ID = 200
"""Longest id, in characters."""


def number(
    ctx: Ctx,
    rec: Mapping[object, object],
    key: str,
    field: str | None = None,
    maximum: float = MAX_ECTS,
) -> float | None:
    """An optional finite number from 0 to `maximum` (booleans are not numbers); -0 is 0."""
    field = field or key
    value = rec.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        ctx.bad(field, f"must be a number, found {show(value)}", rec, key)
        return None
    problem = number_problem(value, maximum)
    if problem:
        ctx.bad(field, problem, rec, key)
        return None
    return float(value) + 0.0  # + 0.0 turns -0.0 into 0.0


def number_problem(value: float, maximum: float) -> str | None:
    """What is wrong with a workload or credit figure, or None when it is sane."""
    if isinstance(value, int) and abs(value) > 10**15:
        return f"must be at most {maximum:g}, found a number of {len(str(abs(value)))} digits"
    if not math.isfinite(value):
        return f"must be a finite number, found {value}"
    if value < 0:
        return f"must not be negative, found {value:g}"
    if value > maximum:
        return f"must be at most {maximum:g}, found {value:g}"
    return None


def id_problem(value: str) -> str | None:
    """What makes `value` unusable as an id, or None: too long, or not printable text.

    str.isprintable() refuses control characters, lone surrogates, and the format
    characters that reorder text on screen (bidi overrides and isolates).
    """
    if len(value) > MAX_ID:
        return f"an id is at most {MAX_ID} characters, found {len(value)}"
    if not value.isprintable():
        bad = next(c for c in value if not c.isprintable())
        return (
            f"an id must be printable text; found U+{ord(bad):04X} at position "
            f"{value.index(bad) + 1}"
        )
    return None


def identifier(
    ctx: Ctx, rec: Mapping[object, object], key: str, *, required: bool, field: str | None = None
) -> str | None:
    """A text field holding an id: at most MAX_ID printable characters."""
    value = text(ctx, rec, key, required=required, field=field)
    if value is None:
        return None
    problem = id_problem(value)
    if problem:
        ctx.bad(field or key, problem, rec, key)
        return None
    return value


def _given(
    ctx: Ctx, rec: Mapping[object, object], key: str, field: str, *, required: bool
) -> object:
    """The value under `key`, None when absent (a problem when it is required)."""
    value = rec.get(key)
    if value is None and required:
        ctx.bad(field, f"required field '{key}' is missing", rec, key)
    return value


def iso_date(
    ctx: Ctx, rec: Mapping[object, object], key: str, *, required: bool, field: str | None = None
) -> str | None:
    """An ISO 8601 date as "YYYY-MM-DD"; a date-time keeps its calendar date."""
    field = field or key
    value = _given(ctx, rec, key, field, required=required)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(value.strip()).date().isoformat()
        except ValueError:
            pass
    ctx.bad(field, f"must be an ISO 8601 date such as 2025-03-01, found {show(value)}", rec, key)
    return None


def choice(
    ctx: Ctx,
    rec: Mapping[object, object],
    key: str,
    kind: type[E],
    *,
    required: bool,
    field: str | None = None,
) -> E | None:
    """An enum member given by its name (or the member itself, from the API)."""
    field = field or key
    value = _given(ctx, rec, key, field, required=required)
    if value is None:
        return None
    if isinstance(value, kind):
        return value
    if isinstance(value, enum.Enum):
        value = value.value
    members: Mapping[str, E] = kind._value2member_map_  # type: ignore[assignment]
    if isinstance(value, str) and value in members:
        return members[value]
    names = [m.value for m in kind]
    hint = ""
    if isinstance(value, str) and value.strip().upper() in names:
        hint = f" (write it in capitals: {value.strip().upper()})"
    ctx.bad(field, f"{show(value)} is not one of {', '.join(names)}{hint}", rec, key)
    return None


def id_list(
    ctx: Ctx, rec: Mapping[object, object], key: str, field: str | None = None
) -> tuple[str, ...]:
    """An optional list of ids (non-empty strings), repeats dropped."""
    field = field or key
    value = rec.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        ctx.bad(field, f"must be a list of ids, found {show(value)}", rec, key)
        return ()
    out: dict[str, None] = {}
    for n, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            ctx.bad(f"{field}[{n}]", f"must be an id (text), found {show(item)}", rec, key)
            continue
        problem = id_problem(item)
        if problem:
            ctx.bad(f"{field}[{n}]", problem, rec, key)
            continue
        out[item] = None
    return tuple(out)


MAX_SUGGESTIONS = 500
"""Past this many unknown ids of one sort, stop searching for close ones (each scans all ids)."""


UNDECLARED = "in any file"
"""How a problem says an id is declared nowhere in the files read."""


class Names:
    """A set of declared ids of one sort, with 'did you mean' suggestions for typos."""

    __slots__ = ("_asked", "_choices", "ids", "what", "where")

    def __init__(
        self,
        what: str,
        ids: Collection[str],
        where: str = UNDECLARED,
        choices: Collection[str] | None = None,
    ) -> None:
        self.what = what
        self.where = where
        self.ids = ids
        # `choices`: where suggestions come from when `ids` is only part of what exists
        self._choices: list[str] | None = None if choices is None else sorted(choices)
        self._asked = 0

    def __contains__(self, ident: object) -> bool:
        return ident in self.ids

    def unknown(self, ident: str) -> str:
        """The problem text for an id that is not declared, with a suggestion when close."""
        if self._choices is None:
            self._choices = sorted(self.ids)
        self._asked += 1
        if self._asked > MAX_SUGGESTIONS:
            return f"{quoted_id(ident)} is not {self.what} {self.where}"
        # one typo in a short id costs more of the ratio than in a long one
        cutoff = 60 if len(ident) <= 6 else 75
        found = process.extractOne(ident, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        hint = f"; did you mean '{found[0]}'?" if found else ""
        return f"{quoted_id(ident)} is not {self.what} {self.where}{hint}"
