"""Facts of the formats: durations, EU authority codes, EQF IRIs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pathways.interop import vocab


@given(
    h=st.integers(0, 5000),
    m=st.integers(0, 59),
    s=st.integers(0, 59),
    show=st.tuples(st.booleans(), st.booleans(), st.booleans()),
)
def test_time_durations_are_hours(h: int, m: int, s: int, show: tuple[bool, bool, bool]) -> None:
    parts = [(h, "H", show[0] or not any(show)), (m, "M", show[1]), (s, "S", show[2])]
    text = "PT" + "".join(f"{n}{unit}" for n, unit, keep in parts if keep)
    expected = sum(n / div for (n, _u, keep), div in zip(parts, (1, 60, 3600), strict=True) if keep)
    hours, why = vocab.duration_hours(text)
    assert why is None and hours is not None
    assert abs(hours - expected) < 1e-3


@given(n=st.integers(1, 99), unit=st.sampled_from(["Y", "M", "W", "D"]), t=st.integers(0, 99))
def test_calendar_durations_are_never_converted(n: int, unit: str, t: int) -> None:
    hours, why = vocab.duration_hours(f"P{n}{unit}T{t}H")
    assert hours is None and why is not None and "calendar time" in why


def test_not_a_duration() -> None:
    for text in ("75 hours", "P", "PT", "PT-3H", "T75H"):
        hours, why = vocab.duration_hours(text)
        assert hours is None and why is not None and "not an ISO 8601 duration" in why


def test_eu_authority_codes() -> None:
    assert (
        vocab.country_code("http://publications.europa.eu/resource/authority/country/IRL") == "IE"
    )
    assert vocab.country_code("EST") == "EE" and vocab.country_code("se") == "SE"
    assert vocab.country_code(vocab.country_iri("GB-SCT")) == "GB-SCT"
    assert (
        vocab.language_code("http://publications.europa.eu/resource/authority/language/GLE") == "ga"
    )
    assert vocab.language_code("en-GB") == "en"
    assert vocab.eqf_level("http://data.europa.eu/snb/eqf/6") == 6
    assert vocab.eqf_level("http://data.europa.eu/snb/eqf/9") is None
