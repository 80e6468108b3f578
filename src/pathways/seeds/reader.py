"""Reading one seed file into plain data that remembers the lines its mappings start on."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pathways.seeds.yamlfast import LineDict, line_of, read_events

__all__ = ["LineDict", "ReadError", "line_of", "read_file", "read_json", "read_yaml", "seed_files"]

SEED_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True, slots=True)
class ReadError:
    """Why a file could not be read or parsed, and where."""

    problem: str
    line: int | None = None


def read_yaml(text: str | bytes) -> tuple[object, list[ReadError]]:
    """Parse YAML text; the data (None on failure) and the problems found."""
    try:
        data, repeated = read_events(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return None, [ReadError(f"is not valid YAML: {what or exc}", line)]
    except yaml.YAMLError as exc:
        return None, [ReadError(f"is not valid YAML: {exc}")]
    problems = [
        ReadError(f"key {key!r} appears twice in one mapping; remove one", line)
        for line, key in repeated
    ]
    return data, problems


_JSON_ID = re.compile(r'"(?:id|code)"\s*:\s*"((?:[^"\\]|\\.)*)"')


class _JsonLines:
    """Finds records' lines in JSON text by where their "id"/"code" is written."""

    def __init__(self, text: str) -> None:
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self.by_id: dict[str, int] = {}
        for match in _JSON_ID.finditer(text):
            try:
                ident = json.loads(f'"{match.group(1)}"')
            except ValueError:
                continue
            self.by_id.setdefault(ident, bisect.bisect_left(self._newlines, match.start()) + 1)


def _json_pairs(repeated: list[object]) -> Any:
    def hook(pairs: list[tuple[str, object]]) -> LineDict:
        data = LineDict()
        for key, value in pairs:
            if key in data:
                repeated.append(key)
            data[key] = value
        return data

    return hook


def _attach_json_lines(data: object, lines: _JsonLines) -> None:
    """Give each top-level record the line of its id or code, when written once."""
    if not isinstance(data, dict):
        return
    for records in data.values():
        if not isinstance(records, list):
            continue
        for record in records:
            if isinstance(record, LineDict):
                key = record.get("id", record.get("code"))
                if isinstance(key, str):
                    record.line = lines.by_id.get(key)


def read_json(text: str) -> tuple[object, list[ReadError]]:
    """Parse JSON text; the data (None on failure) and the problems found."""
    repeated: list[object] = []
    try:
        data = json.loads(text, object_pairs_hook=_json_pairs(repeated))
    except json.JSONDecodeError as exc:
        return None, [ReadError(f"is not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno)]
    except RecursionError:
        return None, [ReadError("nests too deeply to read")]
    _attach_json_lines(data, _JsonLines(text))
    problems = [
        ReadError(f"key {key!r} appears twice in one object; remove one") for key in repeated
    ]
    return data, problems


def read_file(path: Path) -> tuple[object, list[ReadError]]:
    """Read and parse one seed file by its suffix."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [ReadError(f"cannot be read: {exc.strerror or exc}")]
    if path.suffix.lower() == ".json":
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, [ReadError(f"is not UTF-8 text: {exc.reason} at byte {exc.start}")]
        return read_json(text)
    try:
        # libyaml reads a str about a third faster than it decodes bytes itself
        return read_yaml(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return read_yaml(raw)  # UTF-16 with a BOM, or an error libyaml will place


def seed_files(directory: Path) -> list[Path]:
    """Every seed file under `directory`, recursively, in a stable order."""
    found = [
        path
        for path in directory.rglob("*")
        if path.suffix.lower() in SEED_SUFFIXES and path.is_file()
    ]
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


ENCLOSING_LEVELS = 4
"""How many parent directories are looked at for the seed set a directory belongs to."""

_NOTES = (".md", ".txt", ".rst")
"""Files a seed directory may hold beside seed files (a README, a note on sources)."""


def _only_seed_data(directory: Path) -> bool:
    """Whether the files directly in `directory` are seed files, notes or hidden ones."""
    try:
        entries = list(directory.iterdir())
    except OSError:
        return False
    return all(
        not entry.is_file()
        or entry.name.startswith(".")
        or entry.suffix.lower() in (*SEED_SUFFIXES, *_NOTES)
        for entry in entries
    )


def enclosing_seed_set(directory: Path) -> Path | None:
    """The nearest parent holding more seed files, when it holds seed data only; else None.

    `graph_seeds/credentials` is part of `graph_seeds`: validated alone, its
    references to providers and skills in sibling folders cannot be resolved.
    A parent with other files (a project root with its pyproject.toml) ends the search.
    """
    inner = directory.resolve()
    for parent in list(inner.parents)[:ENCLOSING_LEVELS]:
        if not _only_seed_data(parent):
            return None
        if any(not path.is_relative_to(inner) for path in seed_files(parent)):
            if directory.is_absolute():
                return parent
            # named as the user named the directory: relative to where they are
            try:
                return parent.relative_to(Path.cwd())
            except ValueError:
                return parent
        inner = parent
    return None
