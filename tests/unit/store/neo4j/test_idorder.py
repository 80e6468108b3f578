"""Capping title hits in a kept id order (store.neo4j.idorder) against a brute force."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.store.neo4j import idorder

# node id -> credential id; node ids deliberately not in id order
CREDENTIALS = st.dictionaries(
    st.integers(min_value=0, max_value=60),
    st.text(alphabet="abcd-", min_size=1, max_size=4),
    max_size=12,
).map(lambda d: {n: f"{cid}#{n}" for n, cid in d.items()})  # ids unique


@settings(max_examples=400)
@given(
    creds=CREDENTIALS,
    data=st.data(),
    limit=st.integers(min_value=1, max_value=6),
)
def test_contenders_then_capped_is_the_brute_force_cap(
    creds: dict[int, str], data: st.DataObject, limit: int
) -> None:
    nodes = sorted(creds)
    # the order holds the credentials of the load; the rest were written since
    known = data.draw(st.lists(st.sampled_from(nodes), unique=True) if nodes else st.just([]))
    order = idorder.build(sorted(known, key=lambda n: creds[n]))
    words = data.draw(st.integers(min_value=1, max_value=4))
    # each word matches a set of titles: a node appears once per word it matched
    per_word = [
        data.draw(st.lists(st.sampled_from(nodes), unique=True) if nodes else st.just([]))
        for _ in range(words)
    ]
    hits = [n for matched in per_word for n in matched]
    skip = set(data.draw(st.lists(st.sampled_from(nodes), max_size=3) if nodes else st.just([])))

    found, covered = idorder.contenders(hits, order, skip, limit)
    counts = dict(zip(found.tolist(), covered.tolist(), strict=True))
    rows = [[n, "text", creds[n]] for n in found.tolist()]
    capped = [r[0] for r in idorder.capped(rows, found, covered, limit)]

    everyone: dict[int, int] = {}
    for n in hits:
        if n not in skip:
            everyone[n] = everyone.get(n, 0) + 1
    expected = sorted(everyone, key=lambda n: (-everyone[n], creds[n]))[:limit]
    assert sorted(capped) == sorted(expected)  # which ones, not in which order
    assert all(counts[n] == everyone[n] for n in counts)


def test_rank_of_nodes_the_order_does_not_hold_is_minus_one() -> None:
    order = idorder.build([30, 10, 20])  # ids ascending: node 30 first
    assert order.rank(idorder.build([]).nodes).tolist() == []
    assert order.rank(np.array([10, 20, 30, 5, 40], np.int64)).tolist() == [1, 2, 0, -1, -1]
    assert idorder.build([]).rank(np.array([1], np.int64)).tolist() == [-1]
