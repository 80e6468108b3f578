"""A journal with two acknowledged writes in it, for the journal's recovery tests."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

from pathways.model import Decision, Graph, Recognition
from pathways.store.journal import JOURNAL_NAME, JournaledStore

RECOGNITION = Recognition("ie-tig", "ee-keevitus", Decision.PARTIAL, "Harno", "2025-05-01", 2.0)
"""The second of the two writes."""


def two_writes(graph: Graph, data_dir: Path) -> Path:
    """Journal an upsert of ie-mig (titled 'MIG II') and a recognition; the journal's path."""
    store = JournaledStore(graph, data_dir)
    mig = graph.credentials["ie-mig"]

    async def write() -> None:
        await store.open()
        await store.upsert_credential(dataclasses.replace(mig, title="MIG II"))
        await store.record_recognition(RECOGNITION)
        await store.close()

    asyncio.run(write())
    return data_dir / JOURNAL_NAME
