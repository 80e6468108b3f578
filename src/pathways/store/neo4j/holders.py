"""Each skill's holders packed for search: credential node ids as bytes, with small write lists.

Search ranks a matched skill's holders (store.neo4j.bands), so it reads them for every
skill a query matches: as a list of integers that costs the server and the driver about
three times what the same ids cost as bytes.  So a skill keeps `held`, its holders'
node ids packed (little-endian int64, sorted), and writes, which Cypher cannot pack,
keep two short lists beside it: `held_plus` (credentials linked since) and `held_minus`
(unlinked since), each credential in at most one, as its latest write left it.  So the
holders are (held - held_minus) | held_plus whenever `held` was packed, and a write costs
the same however many credentials hold the skill.  Loads pack their staged skills before
the switch; a store opening a graph loaded before `held` existed packs its skills once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

import numpy as np
import numpy.typing as npt
from neo4j import AsyncManagedTransaction

from pathways.store.neo4j.catalog import Q, query

PAGE = 500
"""Skills packed per transaction."""

NODE_ID = np.dtype("<i8")
"""How a node id is packed."""

Nodes = npt.NDArray[np.int64]


def pack(nodes: Sequence[int]) -> bytes:
    """Node ids as `held` keeps them."""
    return np.unique(np.asarray(nodes, NODE_ID)).tobytes()


def unpack(
    held: bytes | Sequence[int], plus: Sequence[int] | None, minus: Sequence[int] | None
) -> Nodes:
    """A skill's holders from what search reads: `held` (packed, or the links' node ids for a
    skill not packed yet), less `minus`, with `plus`."""
    base = np.frombuffer(held, NODE_ID) if isinstance(held, bytes) else np.asarray(held, np.int64)
    if minus:
        base = base[~np.isin(base, np.asarray(minus, np.int64))]
    if plus:
        base = np.concatenate([base, np.asarray(plus, np.int64)])
    return base.astype(np.int64, copy=False)


async def _pack_page(tx: AsyncManagedTransaction, read: LiteralString, put: LiteralString) -> int:
    row = await (await tx.run(read, {"take": PAGE})).single(strict=True)
    skills: list[Any] = row["skills"]
    if skills:
        rows = [[node, pack(nodes)] for node, nodes in skills]
        await (await tx.run(put, {"rows": rows})).consume()
    return len(skills)


async def pack_unpacked(sessions: Any, read: LiteralString | None = None) -> int:
    """Pack every skill without `held`, a page a transaction; how many were packed.

    `read` is skill_holders as given (a load passes its staged twin); `sessions` opens a
    session as an async context manager.
    """
    statement = read if read is not None else query(Q.SKILL_HOLDERS)
    put = query(Q.SKILL_HELD_PUT)
    packed = 0
    while True:
        async with sessions() as session:
            done: int = await session.execute_write(_pack_page, statement, put)
        packed += done
        if done < PAGE:
            return packed
