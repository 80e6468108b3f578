"""Field resolvers that read the store per row go through one batched call per request."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from typing import Any

from pathways.api.context import Context
from pathways.api.schema import build_schema
from pathways.model import Credential, Recognition
from pathways.seeds import load_dirs
from pathways.service import Service
from pathways.store.memory import MemoryStore
from tests.support.paths import SHIPPED_SEEDS

EVERY_ROW = """
{ credentials(first: 100) { edges { node { id
    stacksInto { id }
    recognitions { to { id } decision } } } } }
"""


class CountingStore(MemoryStore):
    """The embedded store, counting the calls a request makes for each row's relations."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.calls: Counter[str] = Counter()

    async def stacks_into_many(self, ids: Sequence[str]) -> dict[str, list[Credential]]:
        self.calls["stacks_into_many"] += 1
        return await super().stacks_into_many(ids)

    async def recognitions_from_many(self, ids: Sequence[str]) -> dict[str, list[Recognition]]:
        self.calls["recognitions_from_many"] += 1
        return await super().recognitions_from_many(ids)


def test_stacks_into_and_recognitions_are_one_batched_call_each() -> None:
    store = CountingStore(load_dirs([SHIPPED_SEEDS]))
    result = asyncio.run(
        build_schema().execute(EVERY_ROW, context_value=Context(service=Service(store)))
    )
    assert result.errors is None
    assert result.data is not None
    nodes = [e["node"] for e in result.data["credentials"]["edges"]]
    assert len(nodes) == 100
    assert any(n["stacksInto"] for n in nodes) and any(n["recognitions"] for n in nodes)
    assert store.calls == {"stacks_into_many": 1, "recognitions_from_many": 1}
