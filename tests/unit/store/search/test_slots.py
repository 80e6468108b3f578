"""Slots: the k smallest ids of some slots, the capped shortlist and the filter masks equal a
plain sort or filter, whatever order the ids took their slots in."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.store.search.embedded import FacetColumns
from pathways.store.search.listing import Facets, FilterKey
from pathways.store.search.scoring import SHORTLIST_LIMIT, cap
from pathways.store.search.slots import Slots
from tests.support.facets import FACETS, KEYS

IDS = st.lists(st.text(alphabet="abc", min_size=1, max_size=4), unique=True, max_size=30)


def _slots(sorted_first: list[str], later: list[str]) -> Slots:
    """Slots taken first in id order (a start), then in any order (writes)."""
    slots = Slots()
    for cid in [*sorted(sorted_first), *later]:
        slots.slot(cid)
    return slots


@settings(max_examples=300, deadline=None)
@given(
    ids=IDS,
    split=st.integers(0, 30),
    picked=st.sets(st.integers(0, 29)),
    k=st.integers(0, 12),
    after=st.one_of(st.none(), st.text(alphabet="abc", max_size=4)),
)
def test_smallest_equals_sorting_the_ids(
    ids: list[str], split: int, picked: set[int], k: int, after: str | None
) -> None:
    slots = _slots(ids[:split], ids[split:])
    chosen = np.array(sorted(p for p in picked if p < len(ids)), dtype=np.intc)
    names = [slots.ids[s] for s in chosen.tolist()]
    expected = sorted(n for n in names if after is None or n > after)[:k]
    assert slots.smallest(chosen, k, after) == expected


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(SHORTLIST_LIMIT - 5, SHORTLIST_LIMIT + 40),
    seed=st.integers(0, 2**16),
    split=st.integers(0, SHORTLIST_LIMIT + 40),
)
def test_cap_keeps_the_most_covered_then_the_smallest_ids(n: int, seed: int, split: int) -> None:
    rng = np.random.default_rng(seed)
    ids = [f"c{i:05d}" for i in rng.permutation(n + 20).tolist()]
    slots = _slots(ids[:split], ids[split:])
    counts = rng.integers(0, 4, size=len(slots)).astype(np.uint8)
    hits = {slots.ids[s]: int(c) for s, c in enumerate(counts.tolist()) if c}
    if len(hits) <= SHORTLIST_LIMIT:
        expected = sorted(hits)
    else:
        expected = sorted(hits, key=lambda c: (-hits[c], c))[:SHORTLIST_LIMIT]
    assert cap(counts, slots) == expected


@settings(max_examples=200, deadline=None)
@given(writes=st.lists(st.tuples(st.integers(0, 150), FACETS), max_size=40), key=KEYS)
def test_facet_masks_equal_facets_passes(writes: list[tuple[int, Facets]], key: FilterKey) -> None:
    columns = FacetColumns()
    now: dict[int, Facets] = {}
    for slot, facets in writes:
        columns.put(slot, facets)
        now[slot] = facets
    # every slot of a store is a credential put with its facets: compare over those
    mask = columns.passing(key, max(now, default=0) + 1)
    assert {s for s in now if mask[s]} == {s for s, f in now.items() if f.passes(key)}
