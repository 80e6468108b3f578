"""Level crosswalk: NQF to EQF, EQF to NQF, and NQF to NQF through shared EQF levels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pathways.errors import NotFound
from pathways.model import EQF_CODE, Framework, Level
from pathways.wording import quoted_id


@dataclass(frozen=True, slots=True)
class CrosswalkResult:
    """A level, the levels of another framework it corresponds to, and why."""

    from_level: Level
    to: tuple[Level, ...]
    via_eqf: tuple[int, ...]
    note: str | None


def _framework(frameworks: Mapping[str, Framework], code: str) -> Framework:
    fw = frameworks.get(code)
    if fw is None:
        known = ", ".join(sorted(frameworks))
        raise NotFound(
            f"No framework with code {quoted_id(code)}. Known frameworks: {known}.", code=code
        )
    return fw


def _levels_list(levels: tuple[Level, ...]) -> str:
    return ", ".join(lvl.code for lvl in levels)


def crosswalk(
    frameworks: Mapping[str, Framework], framework: str, level: str, to: str
) -> CrosswalkResult:
    """Every level of `to` sharing an EQF level with `level` of `framework`."""
    src = _framework(frameworks, framework)
    dst = _framework(frameworks, to)
    lvl = src.level(level)
    if lvl is None:
        raise NotFound(
            f"Framework {src.code} has no level {quoted_id(level)}. "
            f"Its levels are: {_levels_list(src.levels)}.",
            code=src.code,
            level=level,
        )
    via = tuple(sorted(lvl.eqf))
    if not via:
        note = (
            f"{src.code} level {lvl.code} is not referenced to the EQF, "
            f"so it has no counterpart in {dst.code}."
        )
        return CrosswalkResult(from_level=lvl, to=(), via_eqf=(), note=note)
    matches = tuple(t for t in dst.levels if set(t.eqf) & set(via))
    return CrosswalkResult(
        from_level=lvl, to=matches, via_eqf=via, note=_note(src, lvl, dst, via, matches)
    )


def _note(
    src: Framework, lvl: Level, dst: Framework, via: tuple[int, ...], matches: tuple[Level, ...]
) -> str | None:
    eqf_words = " and ".join(f"EQF {n}" for n in via)
    if not matches:
        return f"{dst.code} has no level referenced to {eqf_words}."
    notes: list[str] = []
    if len(via) > 1:
        notes.append(f"{src.code} level {lvl.code} is referenced to two EQF levels ({eqf_words}).")
    if len(matches) > 1 and dst.code != EQF_CODE:
        notes.append(
            f"{len(matches)} levels of {dst.code} share {eqf_words}: {_levels_list(matches)}; "
            "the referencing does not rank them, so compare the qualifications themselves."
        )
    partial = [m for m in matches if not set(m.eqf) <= set(via)]
    if partial:
        notes.append(
            f"{_levels_list(tuple(partial))} of {dst.code} also span EQF levels outside "
            f"{eqf_words}, so the correspondence is partial."
        )
    return " ".join(notes) or None
