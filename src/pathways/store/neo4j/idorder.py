"""The id order of a load's credentials as node ids, kept by a replica to cap search's titles.

Search keeps the SHORTLIST_LIMIT titles that match most query words, ties by credential
id, as the embedded index does.  Ordering every title hit by id in Cypher read the id of
each (about 1.3 us a hit, so it grew with the graph); instead the database sends the hits
as node ids and the replica ranks them here.  Within one load a credential node is never
deleted and never changes its id (writes merge on it), so the order read once a load
holds until the next one.  A credential written since is not in it: `contenders` keeps
every such one that could still make the cut, and only then are the contenders' ids read
and the cut made by id (`capped`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from neo4j import AsyncManagedTransaction, AsyncSession, AsyncTransaction

from pathways.store.neo4j.catalog import Q, query

Tx = AsyncManagedTransaction | AsyncTransaction | AsyncSession
Nodes = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class IdOrder:
    """Node ids of a load's credentials, ascending, and each one's place in id order."""

    nodes: Nodes
    ranks: Nodes

    def rank(self, nodes: Nodes) -> Nodes:
        """Each node's place in id order; -1 for a node the order does not hold."""
        if not len(self.nodes):
            return np.full(len(nodes), -1, np.int64)
        at = np.minimum(np.searchsorted(self.nodes, nodes), len(self.nodes) - 1)
        return np.where(self.nodes[at] == nodes, self.ranks[at], -1)


def build(in_id_order: Sequence[int]) -> IdOrder:
    """The order of node ids listed by ascending credential id."""
    listed = np.asarray(in_id_order, np.int64)
    by_node = np.argsort(listed, kind="stable")
    return IdOrder(listed[by_node], by_node.astype(np.int64))


async def read(tx: Tx) -> IdOrder:
    """The id order of the credentials the transaction sees."""
    result = await tx.run(query(Q.CREDENTIAL_ORDER))
    return build((await result.single(strict=True))["nodes"])


def contenders(
    hits: Sequence[int], order: IdOrder, skip: Collection[int], limit: int
) -> tuple[Nodes, Nodes]:
    """The title hits (node ids, one per query word a title matched) that can be among the
    `limit` matching most words, ties by id, with how many words each matched: the first
    `limit` the order ranks, and every one it does not hold that matched as many words as
    the last of those.  `skip`: node ids left out (credentials out of date)."""
    nodes, covered = np.unique(np.asarray(hits, np.int64), return_counts=True)
    if skip:
        kept = ~np.isin(nodes, np.fromiter(skip, np.int64, len(skip)))
        nodes, covered = nodes[kept], covered[kept]
    if len(nodes) <= limit:
        return nodes, covered
    ranks = order.rank(nodes)
    known = np.flatnonzero(ranks >= 0)
    # most words first, then id: one integer key, so a partition finds the first `limit`
    key = (int(covered.max()) - covered[known]) * (len(order.nodes) + 1) + ranks[known]
    first = known[np.argpartition(key, limit - 1)[:limit]] if len(known) > limit else known
    # short of `limit` known ones, every unknown one is a contender
    least = int(covered[first].min()) if len(first) == limit else 0
    unknown = np.flatnonzero((ranks < 0) & (covered >= least))
    chosen = np.sort(np.concatenate([first, unknown]))
    return nodes[chosen], covered[chosen]


def capped(rows: Sequence[Sequence[Any]], nodes: Nodes, covered: Nodes, limit: int) -> list[Any]:
    """The `limit` rows ([node id, text, id]) of the contenders (`nodes`, with the words
    each matched) matching most words, ties by id: their final cut, with every id read,
    when there are more of them than `limit` (credentials written since the order was read
    compete); else all, in any order."""
    if len(rows) <= limit:
        return list(rows)
    words = dict(zip(nodes.tolist(), covered.tolist(), strict=True))
    ordered = sorted(rows, key=lambda r: (-words[int(r[0])], str(r[2])))
    return list(ordered[:limit])
