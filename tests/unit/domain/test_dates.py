"""asOf days: parsing, validity windows, decision dates."""

from __future__ import annotations

import pytest

from pathways import errors
from pathways.domain import dates
from pathways.model import Credential, CredentialKind, Decision, Recognition


def _cred(since: str | None = None, until: str | None = None) -> Credential:
    return Credential("c", CredentialKind.UNIT, "C", "IE", valid_from=since, valid_until=until)


def test_absent_means_today() -> None:
    assert dates.as_of_day(None) == dates.today()
    assert len(dates.today()) == 10


@pytest.mark.parametrize(
    ("text", "day"), [("2025-03-01", "2025-03-01"), (" 20250301 ", "2025-03-01")]
)
def test_iso_dates_are_read(text: str, day: str) -> None:
    assert dates.as_of_day(text) == day


@pytest.mark.parametrize("text", ["2025-02-30", "01/03/2025", "", "2025-03-01T10:00", "9" * 40])
def test_anything_else_is_bad_user_input_naming_the_argument(text: str) -> None:
    with pytest.raises(errors.BadUserInput, match="asOf"):
        dates.as_of_day(text)


def test_validity_includes_both_bounds() -> None:
    cred = _cred("2025-01-01", "2025-12-31")
    assert not dates.valid_on(cred, "2024-12-31")
    assert dates.valid_on(cred, "2025-01-01")
    assert dates.valid_on(cred, "2025-12-31")
    assert not dates.valid_on(cred, "2026-01-01")
    assert dates.valid_on(_cred(), "1999-01-01")
    assert dates.valid_on(cred, None)


def test_a_decision_counts_from_its_date() -> None:
    rec = Recognition("a", "b", Decision.FULL, "QQI", "2025-03-01")
    assert not dates.decided_by(rec, "2025-02-28")
    assert dates.decided_by(rec, "2025-03-01")


def test_the_left_out_line_names_the_dates_and_the_day() -> None:
    line = dates.left_out_line("'C'", _cred(until="2024-06-30"), "2025-01-01")
    assert line == "'C' is left out: it is valid until 2024-06-30, not on 2025-01-01."
