"""How messages write numbers, counts and names, so every message reads alike."""

from __future__ import annotations

from collections.abc import Sequence

NUMBER_DECIMALS = 2
"""Decimals a message shows: 2.5 ECTS, 0.33, never 0.3333 or 6.2 for 6.25."""

COUNTRY_NAMES = {
    "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "CH": "Switzerland", "CY": "Cyprus",
    "CZ": "Czechia", "DE": "Germany", "DK": "Denmark", "EE": "Estonia", "ES": "Spain",
    "FI": "Finland", "FR": "France", "GB": "United Kingdom", "GR": "Greece", "HR": "Croatia",
    "HU": "Hungary", "IE": "Ireland", "IS": "Iceland", "IT": "Italy", "LI": "Liechtenstein",
    "LT": "Lithuania", "LU": "Luxembourg", "LV": "Latvia", "MT": "Malta", "NL": "Netherlands",
    "NO": "Norway", "PL": "Poland", "PT": "Portugal", "RO": "Romania", "SE": "Sweden",
    "SI": "Slovenia", "SK": "Slovakia", "UK": "United Kingdom", "GB-SCT": "Scotland",
    "GB-ENG": "England", "GB-WLS": "Wales", "GB-NIR": "Northern Ireland",
}  # fmt: skip


def number(value: float) -> str:
    """A number as a person reads it: 5, 2.5, 0.33."""
    text = f"{value:.{NUMBER_DECIMALS}f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun agreeing: 1 write, 2 writes, 0 problems."""
    word = noun if count == 1 else (plural or f"{noun}s")
    return f"{count} {word}"


def with_article(noun: str) -> str:
    """The noun after 'a' or 'an' as it is spoken: an editor, a recognition officer."""
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def quoted(name: str) -> str:
    """A title or id as messages quote it: 'MIG welding'."""
    return f"'{name}'"


def listed(names: Sequence[str], limit: int) -> str:
    """At most `limit` names joined by commas, the rest counted: 'a', 'b' and 3 more."""
    text = ", ".join(names[:limit])
    return text + (f" and {len(names) - limit} more" if len(names) > limit else "")


def filled(value: str | None) -> bool:
    """Whether a text field says something (not missing, not blank)."""
    return bool(value and value.strip())


def country_name(code: str) -> str:
    """The English short name of an ISO 3166 code or subdivision, else the code itself."""
    return COUNTRY_NAMES.get(code.upper(), COUNTRY_NAMES.get(code.upper()[:2], code))


QUOTED_ID = 80
"""Characters of an id a message quotes; ids from clients can be as long as a request."""


def quoted_id(ident: str) -> str:
    """An id as a message quotes it: at most QUOTED_ID characters, unprintable ones escaped."""
    shown = ident if ident.isprintable() else ident.encode("unicode_escape").decode("ascii")
    if len(shown) > QUOTED_ID:
        shown = shown[: QUOTED_ID - 1] + "…"
    return f"'{shown}'"
