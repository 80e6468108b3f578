"""Packing a skill's holders (store.neo4j.holders) against a brute force over sets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pathways.store.neo4j import holders

NODES = st.integers(min_value=0, max_value=2**40)
SMALL = st.lists(st.integers(min_value=0, max_value=30), max_size=12)


@given(nodes=st.lists(NODES, max_size=20))
def test_pack_keeps_each_node_once_in_eight_bytes(nodes: list[int]) -> None:
    packed = holders.pack(nodes)
    assert len(packed) == 8 * len(set(nodes))
    assert holders.unpack(packed, None, None).tolist() == sorted(set(nodes))


@given(held=SMALL, plus=SMALL, minus=SMALL, packed=st.booleans())
def test_unpack_is_held_less_minus_with_plus(
    held: list[int], plus: list[int], minus: list[int], packed: bool
) -> None:
    # what writes keep: each credential in at most one of the lists
    minus = [m for m in minus if m not in plus]
    base = holders.pack(held) if packed else held
    found = holders.unpack(base, plus or None, minus or None)
    assert set(found.tolist()) == (set(held) - set(minus)) | set(plus)
