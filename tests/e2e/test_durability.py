"""kill -9 in the middle of a stream of writes: every acknowledged write survives a restart."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pathways.store.journal import JOURNAL_NAME
from tests.support.paths import SMALL_SEEDS
from tests.support.server import Served

EDITOR, OFFICER = "e2e-editor-key", "e2e-officer-key"
UPSERT = "mutation($i: CredentialInput!) { upsertCredential(input: $i) { id } }"
RECORD = "mutation($i: RecognitionInput!) { recordRecognition(input: $i) { decision } }"
READ = "query($id: ID!) { credential(id: $id) { id title ects recognitions { to { id } ects } } }"
ACKED_BEFORE_KILL = 40


class Server(Served):
    """One `pathways serve --data-dir` process on a free loopback port, with write keys."""

    def __init__(self, data_dir: Path | None, **env: str) -> None:
        journal = ["--data-dir"] if data_dir is None else ["--data-dir", str(data_dir)]
        keys = f"editor:{EDITOR},recognition_officer:{OFFICER}"
        super().__init__(
            ["--seeds", str(SMALL_SEEDS), *journal, "--log-level", "warning"],
            env={"PATHWAYS_API_KEYS": keys, **env},
        )


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[Server]]:
    started: list[Server] = []
    try:
        yield started
    finally:
        for s in started:
            s.stop()


def _write(client: httpx.Client, n: int) -> bool:
    """One write of the stream; True only when the server acknowledged it."""
    if n % 3 == 2:
        query, key = RECORD, OFFICER
        variables = {
            "i": {
                "from": f"w-{n - 1}",
                "to": "ie-mig",
                "decision": "PARTIAL",
                "ects": float(n),
                "by": "QQI",
                "date": "2025-03-01",
            }
        }
    else:
        query, key = UPSERT, EDITOR
        variables = {
            "i": {
                "id": f"w-{n}",
                "kind": "UNIT",
                "title": f"write {n}",
                "country": "IE",
                "ects": float(n),
                "prerequisites": ["ie-safety"],
            }
        }
    r = client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {key}"},
    )
    body = r.json()
    return r.status_code == 200 and "errors" not in body and body.get("data") is not None


def _stream(url: str, acked: list[int], enough: threading.Event, stop: threading.Event) -> None:
    with httpx.Client(base_url=url, timeout=10.0) as client:
        n = 0
        while not stop.is_set():
            try:
                if _write(client, n):
                    acked.append(n)
            except (httpx.HTTPError, ValueError):
                return  # the server is gone: anything unanswered was never acknowledged
            if len(acked) >= ACKED_BEFORE_KILL:
                enough.set()
            n += 1


def _check(url: str, acked: list[int]) -> None:
    with httpx.Client(base_url=url, timeout=10.0) as client:
        for n in acked:
            cid = f"w-{n}" if n % 3 != 2 else f"w-{n - 1}"
            got = client.post("/graphql", json={"query": READ, "variables": {"id": cid}}).json()
            cred = got["data"]["credential"]
            assert cred is not None, f"acknowledged write {n} was lost"
            if n % 3 == 2:
                assert {"to": {"id": "ie-mig"}, "ects": float(n)} in cred["recognitions"]
            else:
                assert cred["title"] == f"write {n}" and cred["ects"] == float(n)


def test_sigkill_mid_stream_loses_no_acknowledged_write(
    tmp_path: Path, servers: list[Server]
) -> None:
    first = Server(tmp_path)
    servers.append(first)
    acked: list[int] = []
    enough, stop = threading.Event(), threading.Event()
    writer = threading.Thread(target=_stream, args=(first.url, acked, enough, stop))
    writer.start()
    assert enough.wait(timeout=120), f"only {len(acked)} writes acknowledged"
    first.kill()  # while the writer is still sending
    stop.set()
    writer.join(timeout=30)
    assert len(acked) >= ACKED_BEFORE_KILL

    second = Server(tmp_path)
    servers.append(second)
    _check(second.url, list(acked))


def test_a_torn_last_record_is_dropped_on_start(tmp_path: Path, servers: list[Server]) -> None:
    first = Server(tmp_path)
    servers.append(first)
    with httpx.Client(base_url=first.url, timeout=10.0) as client:
        assert all(_write(client, n) for n in range(3))
    first.kill()
    journal = tmp_path / JOURNAL_NAME
    good = journal.stat().st_size
    with journal.open("ab") as f:
        f.write(b'00000040 1234abcd {"op":"credential","data":{"id":"half-writ')

    second = Server(tmp_path)
    servers.append(second)
    _check(second.url, [0, 1, 2])
    assert journal.stat().st_size == good
    with httpx.Client(base_url=second.url, timeout=10.0) as client:
        assert _write(client, 3)
    assert journal.stat().st_size > good
    assert "dropped a torn" in second.stop()


def test_a_bare_data_dir_flag_journals_in_the_default_directory(
    tmp_path: Path, servers: list[Server]
) -> None:
    first = Server(None, XDG_DATA_HOME=str(tmp_path))
    servers.append(first)
    with httpx.Client(base_url=first.url, timeout=10.0) as client:
        assert _write(client, 0)
    first.kill()
    journals = list((tmp_path / "pathways").glob(f"*/{JOURNAL_NAME}"))
    assert len(journals) == 1 and journals[0].parent.name.startswith("small-")

    second = Server(None, XDG_DATA_HOME=str(tmp_path))
    servers.append(second)
    _check(second.url, [0])
