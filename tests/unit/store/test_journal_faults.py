"""Every single-byte flip and every truncation of a small journal: stop clearly or lose nothing.

A truncation is what a crash leaves: the records before the cut are replayed, the one
cut short is dropped (it was never acknowledged).  A flipped byte is damage: the start
stops with a message naming the byte and the file is left exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pathways.errors import StoreUnavailable
from pathways.model import Graph
from pathways.store.journal import JournaledStore, frame, scan
from tests.support.journals import two_writes

RECORDS: list[dict[str, object]] = [
    {"op": "credential", "data": {"id": "a", "kind": "UNIT", "title": "A", "country": "IE"}},
    {"op": "recognition", "data": {"from": "a", "to": "b", "decision": "FULL"}},
    {"op": "credential", "data": {"id": "b", "kind": "UNIT", "title": "B", "country": "EE"}},
]
FRAMES = [frame(r) for r in RECORDS]
BLOB = b"".join(FRAMES)
ENDS = [sum(len(f) for f in FRAMES[: n + 1]) for n in range(len(FRAMES))]


def test_every_truncation_keeps_exactly_the_records_written_whole() -> None:
    for cut in range(len(BLOB) + 1):
        records, good = scan(BLOB[:cut])
        whole = [r for r, end in zip(RECORDS, ENDS, strict=True) if end <= cut]
        assert records == whole, cut
        assert good == max((e for e in ENDS if e <= cut), default=0)


def test_every_single_byte_flip_stops_the_start_with_a_message_naming_the_byte() -> None:
    for at in range(len(BLOB)):
        for value in range(256):
            if value == BLOB[at]:
                continue
            damaged = bytearray(BLOB)
            damaged[at] = value
            try:
                records, good = scan(bytes(damaged))
            except StoreUnavailable as exc:
                start = max((e for e in [0, *ENDS] if e <= at), default=0)
                assert f"damaged at byte {start}" in exc.message, (at, value)
                continue
            # only acceptable without an error: every acknowledged record is still there
            assert records == RECORDS and good == len(BLOB), (at, value)


def test_a_damaged_journal_is_left_untouched(small_graph: Graph, tmp_path: Path) -> None:
    journal = two_writes(small_graph, tmp_path)
    good = journal.read_bytes()
    for at in range(0, len(good), 7):
        damaged = bytearray(good)
        damaged[at] ^= 0x01
        journal.write_bytes(bytes(damaged))
        with pytest.raises(StoreUnavailable, match="damaged"):
            JournaledStore(small_graph, tmp_path)
        assert journal.read_bytes() == bytes(damaged)
    for cut in range(0, len(good), 5):
        journal.write_bytes(good[:cut])
        replayed = JournaledStore(small_graph, tmp_path).replayed
        first_end = good.index(b"\n") + 1
        assert replayed.applied == (cut >= first_end) + (cut >= len(good))
