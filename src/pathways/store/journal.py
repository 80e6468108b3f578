"""Durable writes for the embedded store: an fsync'd, append-only journal replayed at start.

Why framed JSON lines rather than SQLite: the embedded store already holds the whole
graph in memory, so the disk only has to remember the writes in order; one
`write()` + `fsync()` per acknowledged write is the least that is durable, the file
stays readable with `less`, and a torn tail is easy to recognise exactly.  Each
record is one line

    <payload length, 8 hex digits> <CRC-32 of payload, 8 hex digits> <JSON payload>\\n

so a record cut short by a crash (short length, missing newline, bad checksum) is
detected without guessing.  At start the journal is replayed on top of the seed
graph and every record is re-validated as a seed record would be.  A bad *last*
record *cut short* (a header announcing more bytes than follow, no newline) is a
write that was never acknowledged: it is dropped, logged and the file truncated to
the last good record.  Any other damage, in the middle or in a complete last record
(its checksum, header or newline wrong), is corruption of a write that may have been
acknowledged, so the store refuses to start, naming the byte, and leaves the file as
it is.  Appends take an exclusive `flock` so two processes on one directory
cannot interleave bytes; each process sees the other's writes only after restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import time
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pathways.errors import SeedValidationError, StoreUnavailable
from pathways.model import Credential, Graph, Recognition
from pathways.seeds.dump import credential_record, recognition_record
from pathways.seeds.inputs import credential_from_input, recognition_from_input
from pathways.store.memory import MemoryStore
from pathways.wording import counted

log = logging.getLogger("pathways.journal")

JOURNAL_NAME = "writes.journal"
"""The journal's file name inside the data directory."""

_HEADER = 18  # "%08x %08x " before the payload
_HEX = re.compile(rb"[0-9a-f]{8} [0-9a-f]{8} ")
_HEX_PREFIX = re.compile(r"[0-9a-f]{0,8}|[0-9a-f]{8} [0-9a-f]{0,8}|[0-9a-f]{8} [0-9a-f]{8} ")
_CREDENTIAL = "credential"
_RECOGNITION = "recognition"


@dataclass(frozen=True, slots=True)
class Replay:
    """What a replay found: the graph with the writes applied and what it had to drop."""

    graph: Graph
    applied: int
    rejected: int
    torn_bytes: int


def frame(payload: Mapping[str, object]) -> bytes:
    """One journal record: length, CRC-32 and compact JSON on a line of its own."""
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return b"%08x %08x " % (len(body), zlib.crc32(body)) + body + b"\n"


def _unframe(data: bytes, pos: int) -> tuple[dict[str, object], int] | str:
    """The record starting at `pos` and where the next one starts, or what is wrong with it."""
    header = data[pos : pos + _HEADER]
    # int(..., 16) would also take signs, spaces and underscores: only lowercase hex will do
    if not _HEX.fullmatch(header):
        return "its header is not a length and a checksum"
    length, crc = int(header[:8], 16), int(header[9:17], 16)
    start, end = pos + _HEADER, pos + _HEADER + length
    if data[end : end + 1] != b"\n":
        return "it does not end where its length says"
    body = data[start:end]
    if zlib.crc32(body) != crc:
        return "its checksum does not match"
    try:
        record = json.loads(body)
    except ValueError:
        return "it is not JSON"
    if not isinstance(record, dict) or record.get("op") not in (_CREDENTIAL, _RECOGNITION):
        return "it is not a write"
    return record, end + 1


def cut_short(rest: bytes) -> bool:
    """True when `rest`, the end of the file, is the start of a record and nothing else.

    That is what a crash in the middle of an append leaves: a header (or part of one)
    followed by fewer bytes than it announces, and no newline.  A record whose bytes
    are all there but whose checksum, header or newline is wrong was written whole,
    and possibly acknowledged: that is damage, not a torn write.
    """
    if b"\n" in rest:
        return False
    header = rest[:_HEADER]
    if not _HEX_PREFIX.fullmatch(header.decode("latin-1")):
        return False
    if len(header) < _HEADER:
        return True
    return len(rest) <= _HEADER + int(header[:8], 16)


def scan(data: bytes) -> tuple[list[dict[str, object]], int]:
    """Every good record and the length of the good prefix (a record cut short after it).

    Raises StoreUnavailable, naming the byte and the fault, for anything else: a damaged
    record anywhere, the last one included, is refused rather than dropped.
    """
    records: list[dict[str, object]] = []
    pos = 0
    while pos < len(data):
        found = _unframe(data, pos)
        if isinstance(found, str):
            if cut_short(data[pos:]):
                return records, pos
            raise StoreUnavailable(
                f"The journal is damaged at byte {pos} (record {len(records) + 1}): {found}. "
                "Refusing to start so that no acknowledged write is lost; the file is "
                "unchanged. Restore it from a backup, or move it aside to start without "
                "its writes."
            )
        record, pos = found
        records.append(record)
    return records, pos


# --- the journal file ------------------------------------------------------------


class Journal:
    """One append-only journal file; `append` returns only once the record is on disk."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / JOURNAL_NAME
        self._fd: int | None = None
        self._broken = False

    def replay(self, seeds: Graph) -> Replay:
        """The seed graph with every good record re-validated and applied; trims a torn tail."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            with _locked(fd):
                data = _read_all(fd)
                records, good = scan(data)
                if good < len(data):
                    log.warning(
                        "journal %s: dropped a torn last record (%d bytes at offset %d, cut "
                        "short by a crash while it was written); it was never acknowledged",
                        self.path,
                        len(data) - good,
                        good,
                    )
                    os.ftruncate(fd, good)
                    os.fsync(fd)
        finally:
            os.close(fd)
        _fsync_dir(self.path.parent)
        return _apply(seeds, records, len(data) - good)

    def open(self) -> None:
        """Open for appending (idempotent)."""
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            _fsync_dir(self.path.parent)

    def close(self) -> None:
        """Close the file; appends after this reopen it."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def append(self, op: str, data: Mapping[str, object]) -> None:
        """Write one record and fsync it; on any failure the journal is left as it was."""
        if self._broken:
            raise StoreUnavailable("Writes are disabled after a disk error; restart the service.")
        self.open()
        fd = self._fd
        assert fd is not None
        record = frame({"op": op, "at": round(time.time(), 3), "data": dict(data)})
        with _locked(fd):
            size = os.fstat(fd).st_size
            try:
                written = os.write(fd, record)
                if written != len(record):
                    raise OSError(f"short write: {written} of {len(record)} bytes")
                os.fsync(fd)
            except OSError as exc:
                self._broken = True  # after a failed fsync the page cache cannot be trusted
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)
                log.error("journal %s: write failed: %s", self.path, exc)
                raise StoreUnavailable("The write could not be saved; nothing changed.") from exc


@contextlib.contextmanager
def _locked(fd: int) -> Iterator[None]:
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _fsync_dir(path: Path) -> None:
    # the file's directory entry must be durable too, or a new journal can vanish
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _apply(seeds: Graph, records: list[dict[str, object]], torn: int) -> Replay:
    credentials = dict(seeds.credentials)
    recognitions = {(r.from_id, r.to_id): r for r in seeds.recognitions}
    applied = rejected = 0
    for n, record in enumerate(records, start=1):
        data = record.get("data")
        graph = Graph(seeds.frameworks, seeds.providers, seeds.skills, credentials, ())
        try:
            if not isinstance(data, dict):
                raise SeedValidationError([])
            if record["op"] == _CREDENTIAL:
                cred = credential_from_input(data, graph, source=f"journal record {n}")
                credentials[cred.id] = cred
            else:
                rec = recognition_from_input(data, graph, source=f"journal record {n}")
                recognitions[(rec.from_id, rec.to_id)] = rec
            applied += 1
        except SeedValidationError as err:
            # kept on disk: the seeds it needs may come back; it just cannot apply now
            rejected += 1
            log.warning("journal record %d no longer validates, skipped: %s", n, err.message)
    graph = Graph(
        seeds.frameworks,
        seeds.providers,
        seeds.skills,
        credentials,
        tuple(recognitions.values()),
    )
    return Replay(graph=graph, applied=applied, rejected=rejected, torn_bytes=torn)


class JournaledStore(MemoryStore):
    """The embedded store whose writes are journaled (and fsync'd) before they are applied."""

    backend = "memory"

    def __init__(self, seeds: Graph, data_dir: Path) -> None:
        self.journal = Journal(data_dir)
        try:
            self.replayed = self.journal.replay(seeds)
        except OSError as exc:
            raise StoreUnavailable(
                f"Cannot use the data directory {data_dir}: {exc.strerror or exc}"
            ) from exc
        log.info(
            "journal %s: replayed %s (%d skipped)",
            self.journal.path,
            counted(self.replayed.applied, "write"),
            self.replayed.rejected,
        )
        super().__init__(self.replayed.graph)
        self._append_lock = asyncio.Lock()

    async def open(self) -> None:
        """Open the journal for appending."""
        self.journal.open()

    async def close(self) -> None:
        """Close the journal."""
        self.journal.close()

    async def upsert_credential(self, credential: Credential) -> None:
        """Journal, fsync, then apply: acknowledged means on disk."""
        async with self._append_lock:
            await asyncio.to_thread(self.journal.append, _CREDENTIAL, credential_record(credential))
            await super().upsert_credential(credential)

    async def record_recognition(self, recognition: Recognition) -> None:
        """Journal, fsync, then apply: acknowledged means on disk."""
        async with self._append_lock:
            await asyncio.to_thread(
                self.journal.append, _RECOGNITION, recognition_record(recognition)
            )
            await super().record_recognition(recognition)


def default_data_dir(base: Path, seeds: Sequence[Path], shipped: Path) -> Path:
    """The data directory `serve` uses without --data-dir: one per set of seed directories.

    Keyed by the seed directories so that serving another graph never replays
    writes made against this one.
    """
    resolved = [str(p.resolve()) for p in seeds]
    if [Path(p) for p in resolved] == [shipped.resolve()]:
        name = "shipped"
    else:
        name = re.sub(r"[^A-Za-z0-9_.-]", "_", Path(resolved[0]).name)[:40] or "seeds"
    digest = hashlib.sha256("\n".join(resolved).encode()).hexdigest()[:12]
    return base / f"{name}-{digest}"
