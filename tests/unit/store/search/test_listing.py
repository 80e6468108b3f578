"""Filter lists: every combination's page and count equal a filter over everything, also with
ids left out (credentials not valid on the asked day)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.store.search.listing import Facets, FilterKey, FilterLists
from tests.support.facets import FACETS, KEYS

SKIPS = st.one_of(
    st.just(frozenset[str]()), st.frozensets(st.sampled_from("abcdefghz"), max_size=5)
)
"""Nothing left out (the plain listing), or a few ids, some of them never written ('z')."""


@settings(max_examples=400, deadline=None)
@given(
    writes=st.lists(st.tuples(st.sampled_from("abcdefgh"), FACETS), max_size=20),
    skip=SKIPS,
    key=KEYS,
    after=st.sampled_from([None, "a", "c", "dd", "h"]),
    limit=st.integers(0, 4),
)
def test_page_equals_brute_force(
    writes: list[tuple[str, Facets]],
    skip: frozenset[str],
    key: FilterKey,
    after: str | None,
    limit: int,
) -> None:
    lists = FilterLists()
    final: dict[str, Facets] = {}
    for cid, facets in writes:
        lists.put(cid, facets)
        final[cid] = facets
    passing = sorted(cid for cid, f in final.items() if f.passes(key) and cid not in skip)
    rest = [cid for cid in passing if after is None or cid > after]
    ids, total, more = lists.page(key, after, limit, skip)
    assert ids == rest[:limit]
    assert total == len(passing)
    assert more == (len(rest) > limit)
