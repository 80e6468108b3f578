"""Argument bounds: one shape of refusal for every bounded argument."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathways import bounds
from pathways.errors import BadUserInput, LimitExceeded

ALL = [
    bounds.PAGE,
    bounds.MATCHES,
    bounds.REACHABLE,
    bounds.MIN_SCORE,
    bounds.ALTERNATIVES,
    bounds.EQF_LEVEL,
    bounds.MAX_ADDITIONAL_CREDITS,
]


@pytest.mark.parametrize("bound", ALL, ids=lambda b: b.argument)
@given(value=st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True)))
def test_a_value_is_returned_within_bounds_or_refused_in_one_shape(
    bound: bounds.Bound, value: float
) -> None:
    try:
        assert bound.check(value) == value
    except BadUserInput as exc:
        assert exc.code == "BAD_USER_INPUT"
        assert exc.extensions == {
            "argument": bound.argument,
            "minimum": bound.minimum,
            "maximum": bound.maximum,
        }
        assert f"'{bound.argument}'" in exc.message and len(exc.message) < 300
        finite = isinstance(value, int) or math.isfinite(value)
        assert isinstance(exc, LimitExceeded) == (finite and value > bound.maximum)
        return
    assert bound.minimum <= value <= bound.maximum


def test_over_the_maximum_says_what_to_do_instead() -> None:
    with pytest.raises(LimitExceeded, match="page with 'after' instead"):
        bounds.PAGE.check(101)


def test_lengths_are_bounded_too() -> None:
    bounds.SEARCH.check_length("w" * 200)
    with pytest.raises(LimitExceeded, match="200 characters"):
        bounds.SEARCH.check_length("w" * 201)
