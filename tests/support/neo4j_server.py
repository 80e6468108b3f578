"""A real Neo4j for the test session: scripts/neo4j-local on a free port, stopped at the end.

Off CI, a machine without Java or Maven skips the Neo4j tests with the reason; under
CI=true that is a failure, so CI can never pass without having run them.
NEO4J_TEST_URI points the tests at a server you already run instead (it is wiped).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.support.ci import skip_or_fail
from tests.support.paths import ROOT
from tests.support.server import free_port

if TYPE_CHECKING:
    import anyio.from_thread

    from pathways.model import Graph
    from pathways.store.base import Store

SCRIPT = ROOT / "scripts" / "neo4j-local"
READY_TIMEOUT_S = 300.0
"""A cold start downloads ~150 MB from Maven Central before Neo4j boots."""
STOP_TIMEOUT_S = 60.0
NEEDED_TOOLS = ("java", "javac", "mvn")


def missing_tools() -> list[str]:
    """The tools scripts/neo4j-local needs that are not on PATH."""
    return [tool for tool in NEEDED_TOOLS if shutil.which(tool) is None]


def skip_or_fail_without_tools() -> None:
    """Skip (or, under CI=true, fail) when the Neo4j tests cannot run here."""
    missing = missing_tools()
    if not missing:
        return
    skip_or_fail(
        f"Neo4j tests need {', '.join(missing)} on PATH (Java 17+ and Maven)", "the Neo4j tests"
    )


@dataclass
class LocalNeo4j:
    """One scripts/neo4j-local process: start, wait for READY, stop with SIGTERM."""

    port: int
    data_dir: Path
    log_path: Path
    process: subprocess.Popen[str] | None = None
    _ready: threading.Event = field(default_factory=threading.Event)
    _announced: bool = False

    @property
    def uri(self) -> str:
        """The Bolt URI the server announces."""
        return f"bolt://127.0.0.1:{self.port}"

    def start(self, timeout: float = READY_TIMEOUT_S) -> str:
        """Start the server and return its URI once it prints READY."""
        self._ready.clear()
        self._announced = False
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                [str(SCRIPT), str(self.port), str(self.data_dir)],
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                start_new_session=True,  # Ctrl-C on pytest must not kill it mid-shutdown
            )
        threading.Thread(target=self._watch, args=(self.process,), daemon=True).start()
        self._ready.wait(timeout)
        if not self._announced:
            self.stop()
            raise RuntimeError(f"neo4j-local did not become ready:\n{self.log_tail()}")
        return self.uri

    def _watch(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == f"READY {self.uri}":
                self._announced = True
                self._ready.set()
        self._ready.set()  # stdout closed: the script exited, wake the waiter at once

    def stop(self) -> None:
        """SIGTERM and wait for a clean shutdown; SIGKILL only if it hangs."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the script wrote to stderr."""
        with contextlib.suppress(OSError):
            return "\n".join(self.log_path.read_text().splitlines()[-lines:])
        return ""


def start_local_neo4j(base: Path) -> LocalNeo4j:
    """A started scripts/neo4j-local with its data and log under `base`."""
    skip_or_fail_without_tools()
    base.mkdir(parents=True, exist_ok=True)
    server = LocalNeo4j(free_port(), base / "data", base / "neo4j-local.log")
    server.start()
    return server


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bolt URI of a Neo4j that lives for the whole test session."""
    external = os.environ.get("NEO4J_TEST_URI")
    if external:
        yield external
        return
    server = start_local_neo4j(tmp_path_factory.mktemp("neo4j"))
    try:
        yield server.uri
    finally:
        server.stop()


def open_neo4j_store(
    request: pytest.FixtureRequest,
    portal: anyio.from_thread.BlockingPortal,
    graph: Graph,
) -> Store:
    """A Neo4jStore on the session server, opened on `portal`'s loop, holding `graph`."""
    from pathways.store.neo4j import Neo4jStore

    uri = request.getfixturevalue("neo4j_uri")
    store = Neo4jStore(uri)
    portal.call(store.open)
    portal.call(store.replace_graph, graph)
    return store
