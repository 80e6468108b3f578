"""Skill labels indexed in the replica for search, kept per load: skills change only with loads.

Matching a query against every skill label needs no database: a replica keeps the
embedded store's word index over the labels of the load's skills (built once per load,
the first time a search asks), shortlists and scores skills exactly as the embedded store
does, and asks Neo4j only for the holders of the skills that scored.  A graph with more
skills than SKILL_INDEX_LIMIT is searched through the full-text index instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction, AsyncSession, AsyncTransaction

from pathways.store.neo4j import codec
from pathways.store.neo4j.catalog import Q, query
from pathways.store.search.index import WordIndex
from pathways.store.search.scoring import Best, best_texts, cap, skill_texts

Tx = AsyncManagedTransaction | AsyncTransaction | AsyncSession

SKILL_INDEX_LIMIT = 50_000
"""Most skills a replica indexes (a real taxonomy holds about 14,000)."""


@dataclass(frozen=True, slots=True)
class SkillIndex:
    """The labels of every skill of one load by word, and each skill's node id."""

    words: WordIndex
    nodes: Mapping[str, int]

    def score(self, query: str, words: Sequence[str]) -> tuple[dict[str, Best], set[str]]:
        """The skills whose best label scores, with it; and the indexed words matched."""
        hits, matched = self.words.search(words)
        labels = {s: self.words.texts(s) for s in cap(hits, self.words.slots)}
        return best_texts(query, labels, True, matched), matched


def build(rows: Sequence[Sequence[Any]]) -> SkillIndex:
    """The index of rows of [skill id, node id, labels JSON]."""
    words = WordIndex()
    nodes: dict[str, int] = {}
    # in id order, so slot order is id order (scoring.cap's ties)
    for sid, node, labels in sorted(rows, key=lambda r: str(r[0])):
        skill = codec.skill_from({"id": sid, "labels": labels})
        words.put(skill.id, skill_texts(skill))
        nodes[skill.id] = int(node)
    return SkillIndex(words, nodes)


async def read(tx: Tx) -> SkillIndex | None:
    """The index of the skills the transaction sees; None past SKILL_INDEX_LIMIT."""
    result = await tx.run(query(Q.SEARCH_SKILLS), {"limit": SKILL_INDEX_LIMIT})
    rows = (await result.single(strict=True))["rows"]
    return None if len(rows) > SKILL_INDEX_LIMIT else build(rows)
