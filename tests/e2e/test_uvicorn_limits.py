"""A real server answers an oversized GET with 413, not a bare 400 and a reset connection."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from pathways.api.limits import MAX_BODY_BYTES
from tests.support.paths import SMALL_SEEDS
from tests.support.server import Served


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with Served(["--seeds", str(SMALL_SEEDS), "--log-level", "warning"]) as served:
        yield served.url


def raw_get(url: str, query_bytes: int) -> bytes:
    """The status line of a GET whose query string is `query_bytes` long (httpx refuses those)."""
    parts = urlsplit(url)
    target = "/graphql?query=" + "%20" * (query_bytes // 3)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n".encode())
        return s.recv(64).split(b"\r\n")[0]


@pytest.mark.parametrize("size", [210_000, MAX_BODY_BYTES + 3_000, 2 * MAX_BODY_BYTES])
def test_a_long_query_string_is_answered_not_reset(server: str, size: int) -> None:
    status = raw_get(server, size)
    expected = b"413" if size > MAX_BODY_BYTES else b"200"
    assert status.startswith(b"HTTP/1.1 " + expected), status
