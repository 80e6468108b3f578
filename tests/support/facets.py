"""Hypothesis strategies for a credential's filter facets and for the filters a listing asks."""

from __future__ import annotations

from hypothesis import strategies as st

from pathways.store.search.listing import Facets

FACETS = st.builds(
    Facets,
    country=st.sampled_from(["EE", "IE"]),
    kind=st.sampled_from(["UNIT", "QUALIFICATION"]),
    eqf=st.lists(st.integers(3, 5), max_size=2, unique=True).map(tuple),
)
"""Few values, so listings find many matches."""

KEYS = st.tuples(
    st.sampled_from([None, "EE", "IE", "FR"]),
    st.sampled_from([None, "UNIT", "QUALIFICATION", "COURSE"]),
    st.sampled_from([None, 3, 4, 5, 8]),
)
"""(country, kind, EQF level) filters, each also with a value no credential has."""
