"""Ranking a Neo4j search's matches in Python from node ids: the total and the page's bands.

Every credential a search matches is a title hit or a holder of a matched skill, and its
score is the best of those; the database keeps each skill's holders as node ids (see
store.neo4j.holders), so the union and the best scores are array work here
instead of a traversal of every holder and a grouping in Cypher.  Ties go by credential
id, which only the database holds: the page statement orders the bands the page can
reach, every member of them (see `reach`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

DENSE_SLACK = 1_000_000
"""Node ids up to this far past the matches' count are ranked in a dense array."""


@dataclass(frozen=True, slots=True)
class Matches:
    """Each matched credential once (node ids, ascending) with its best score."""

    nodes: npt.NDArray[np.int64]
    scores: npt.NDArray[np.float64]

    @property
    def total(self) -> int:
        """How many credentials matched."""
        return len(self.nodes)


def best(
    titles: Sequence[tuple[int, float]],
    skills: Sequence[tuple[Sequence[int] | npt.NDArray[np.int64], float]],
) -> Matches:
    """The union of the title hits (node id, score) and every skill's holders (node ids,
    the skill's score), each credential with the best score it got."""
    held = [np.asarray(h, np.int64) for h, _ in skills]
    sizes = [len(h) for h in held]
    count = sum(sizes) + len(titles)
    if count == 0:
        return Matches(np.zeros(0, np.int64), np.zeros(0, np.float64))
    nodes = np.concatenate([*held, np.fromiter((n for n, _ in titles), np.int64, len(titles))])
    scores = np.concatenate(
        [
            np.repeat(np.array([s for _, s in skills], np.float64), sizes),
            np.array([s for _, s in titles], np.float64),
        ]
    )
    top = int(nodes.max())
    if top < count + DENSE_SLACK:
        dense = np.zeros(top + 1, np.float64)
        np.maximum.at(dense, nodes, scores)
        found = np.flatnonzero(dense)
        return Matches(found.astype(np.int64), dense[found])
    found, where = np.unique(nodes, return_inverse=True)
    kept = np.zeros(len(found), np.float64)
    np.maximum.at(kept, where, scores)
    return Matches(found, kept)


def reach(matches: Matches, after_score: float | None, take: int) -> list[tuple[int, float]]:
    """Every member (node id, score) of the best bands after `after_score` that hold at
    least `take` credentials, or of all of them: the page lies among these.

    The band of `after_score` itself comes whole but is not counted (only the database
    knows which of its members come after the cursor's id), so the bands below it make
    up the `take` on their own.
    """
    scores = matches.scores
    open_ = scores <= after_score if after_score is not None else np.ones(len(scores), bool)
    bands, sizes = np.unique(scores[open_], return_counts=True)
    bands, sizes = bands[::-1], sizes[::-1]
    if after_score is not None:
        sizes = np.where(bands == after_score, 0, sizes)
    filled = np.flatnonzero(np.cumsum(sizes) >= take)
    floor = bands[filled[0]] if len(filled) else (bands[-1] if len(bands) else np.inf)
    at = np.flatnonzero(open_ & (scores >= floor))
    return list(zip(matches.nodes[at].tolist(), scores[at].tolist(), strict=True))
