"""Valid on a date (`asOf`): which credentials may be taken, found or matched that day.

A credential is valid on a day when valid_from <= day <= valid_until, each bound
only where given; a recognition decision counts from its date on.  Dates are ISO
8601 strings of the form YYYY-MM-DD throughout the graph, so they compare as
strings.  The day defaults to today (UTC): a listing or plan asked without
`asOf` leaves out what is no longer (or not yet) offered.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from pathways.errors import BadUserInput
from pathways.model import Credential, EquivalenceContext, PlanningContext, Recognition

MAX_DATE_TEXT = 32
"""Longest `asOf` text looked at: an ISO date is 10 characters, anything far longer is not one."""


def today() -> str:
    """Today's date in UTC, ISO 8601."""
    return datetime.now(UTC).date().isoformat()


def as_of_day(text: str | None, argument: str = "asOf") -> str:
    """The day an `asOf` argument names (today when absent); BAD_USER_INPUT when malformed."""
    if text is None:
        return today()
    raw = text.strip()
    if len(raw) > MAX_DATE_TEXT:
        raise BadUserInput(
            f"'{argument}' must be an ISO 8601 date such as 2025-03-01; got {len(raw)} characters.",
            argument=argument,
        )
    try:
        day = date.fromisoformat(raw)
    except ValueError as exc:
        raise BadUserInput(
            f"'{argument}' must be an ISO 8601 date such as 2025-03-01, got '{raw}'.",
            argument=argument,
        ) from exc
    return day.isoformat()


def valid_on(cred: Credential, day: str | None) -> bool:
    """Whether the credential may be taken, found or matched on `day` (None: any day)."""
    if day is None:
        return True
    if cred.valid_from is not None and day < cred.valid_from:
        return False
    return cred.valid_until is None or day <= cred.valid_until


def decided_by(rec: Recognition, day: str | None) -> bool:
    """Whether a recorded decision counts on `day`: it is dated on or before it."""
    return day is None or rec.date <= day


def dates_text(cred: Credential) -> str:
    """A credential's validity in words: 'valid from A until B', 'valid until B', ..."""
    parts = []
    if cred.valid_from is not None:
        parts.append(f"from {cred.valid_from}")
    if cred.valid_until is not None:
        parts.append(f"until {cred.valid_until}")
    return "valid " + " ".join(parts) if parts else "valid on any day"


def left_out_line(title: str, cred: Credential, day: str) -> str:
    """The explanation line for a credential left out because of its dates."""
    return f"{title} is left out: it is {dates_text(cred)}, not on {day}."


def planning_on(ctx: PlanningContext, day: str) -> PlanningContext:
    """The planning context as of `day`: later decisions dropped, the day kept for the planner."""
    recs = tuple(r for r in ctx.recognitions if decided_by(r, day))
    return dataclasses.replace(ctx, recognitions=recs, as_of=day)


def equivalence_on(ctx: EquivalenceContext, day: str) -> EquivalenceContext:
    """The equivalence context as of `day`: only candidates valid then, only decisions by then."""
    return dataclasses.replace(
        ctx,
        candidates=tuple(c for c in ctx.candidates if valid_on(c, day)),
        recognitions=tuple(r for r in ctx.recognitions if decided_by(r, day)),
    )
