"""An in-process HTTP client over the small graph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from pathways.app import create_app
from pathways.model import Graph
from pathways.service import Service
from pathways.store.memory import MemoryStore


@pytest.fixture
def client(small_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(Service(MemoryStore(small_graph)))) as c:
        yield c
