"""The write journal: framing, torn tails, seed-record round trips, replay."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.errors import StoreUnavailable
from pathways.model import Graph
from pathways.seeds.dump import credential_record, recognition_record
from pathways.seeds.inputs import credential_from_input, recognition_from_input
from pathways.store.journal import (
    JOURNAL_NAME,
    JournaledStore,
    default_data_dir,
    frame,
    scan,
)
from tests.support.journals import RECOGNITION, two_writes

payloads = st.lists(
    st.fixed_dictionaries(
        {
            "op": st.sampled_from(["credential", "recognition"]),
            "data": st.dictionaries(st.text(max_size=5), st.text(max_size=20), max_size=3),
        }
    ),
    max_size=6,
)


@given(payloads, st.data())
def test_a_cut_anywhere_keeps_exactly_the_whole_records_before_it(
    records: list[dict[str, object]], data: st.DataObject
) -> None:
    frames = [frame(r) for r in records]
    blob = b"".join(frames)
    cut = data.draw(st.integers(0, len(blob)))
    ends = [sum(len(f) for f in frames[: n + 1]) for n in range(len(frames))]
    whole = [r for r, end in zip(records, ends, strict=True) if end <= cut]
    got, good = scan(blob[:cut])
    assert got == whole
    assert good == (max((e for e in ends if e <= cut), default=0))


@given(payloads.filter(lambda r: len(r) >= 1), st.data())
def test_a_flipped_byte_in_the_last_record_refuses_to_start(
    records: list[dict[str, object]], data: st.DataObject
) -> None:
    frames = [frame(r) for r in records]
    head = b"".join(frames[:-1])
    last = bytearray(frames[-1])
    at = data.draw(st.integers(0, len(last) - 1))
    last[at] ^= data.draw(st.integers(1, 255))
    with pytest.raises(StoreUnavailable, match="damaged"):
        scan(head + bytes(last))


def test_damage_before_good_records_refuses_to_start() -> None:
    blob = bytearray(frame({"op": "credential", "data": {"id": "a"}}) * 3)
    blob[25] ^= 0x20
    with pytest.raises(StoreUnavailable, match="damaged"):
        scan(bytes(blob))


def test_every_shipped_credential_round_trips_through_its_seed_record(
    shipped_graph: Graph,
) -> None:
    for cred in shipped_graph.credentials.values():
        assert credential_from_input(credential_record(cred), shipped_graph) == cred


def test_every_shipped_recognition_round_trips(shipped_graph: Graph) -> None:
    for rec in shipped_graph.recognitions:
        assert recognition_from_input(recognition_record(rec), shipped_graph) == rec


def _store(graph: Graph, data_dir: Path) -> JournaledStore:
    return JournaledStore(graph, data_dir)


def test_writes_are_replayed_and_a_torn_tail_is_truncated(
    small_graph: Graph, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    journal = two_writes(small_graph, tmp_path)
    size = journal.stat().st_size
    with journal.open("ab") as f:
        f.write(b'0000002a 00000000 {"op":"credential","da')
    caplog.set_level(logging.WARNING, "pathways.journal")
    again = _store(small_graph, tmp_path)
    assert again.replayed.applied == 2 and again.replayed.torn_bytes > 0
    assert journal.stat().st_size == size
    assert "torn" in caplog.text
    assert asyncio.run(again.credential("ie-mig")).title == "MIG II"  # type: ignore[union-attr]
    assert RECOGNITION in asyncio.run(again.recognitions_from("ie-tig"))


def test_a_record_that_no_longer_validates_is_skipped_and_kept(
    small_graph: Graph, tmp_path: Path
) -> None:
    (tmp_path / JOURNAL_NAME).write_bytes(
        frame(
            {
                "op": "credential",
                "data": {
                    "id": "x",
                    "kind": "UNIT",
                    "title": "t",
                    "country": "IE",
                    "provider": "gone",
                },
            }
        )
        + frame(
            {"op": "credential", "data": {"id": "y", "kind": "UNIT", "title": "t", "country": "IE"}}
        )
    )
    store = _store(small_graph, tmp_path)
    assert (store.replayed.applied, store.replayed.rejected) == (1, 1)
    assert asyncio.run(store.credential("x")) is None
    assert asyncio.run(store.credential("y")) is not None
    assert (tmp_path / JOURNAL_NAME).read_bytes().count(b"\n") == 2


@settings(max_examples=20)
@given(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3))
def test_default_data_dirs_differ_per_seed_set(names: list[str]) -> None:
    base, shipped = Path("/data"), Path("/seeds/shipped")
    one = default_data_dir(base, [Path(f"/s/{n}") for n in names], shipped)
    other = default_data_dir(base, [Path(f"/s/{n}") for n in [*names, "z"]], shipped)
    assert one != other and one.parent == base
    assert default_data_dir(base, [shipped], shipped).name.startswith("shipped-")
