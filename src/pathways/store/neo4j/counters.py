"""The listing's counters on a database that has none yet, or none it can trust.

A listing's total is read from `ListingCount` nodes (queries/listing_count_*.cypher) only
while the listing marker (`PathwaysMeta {key: 'listing'}`) names the load generation of the
live graph (`PathwaysMeta {key: 'switch'}`); otherwise the listing counts its matches, as
before the counters existed. A load marks its staged counters in the transaction that
commits to it (switch_begin). A database loaded before the counters existed, or by code
that kept none, is counted once here, when a store first reaches it: one transaction that
locks the marker (every credential write locks it before it reads or moves a counter, so
no write is half-way through while the credentials are counted, and every write after
it moves the new counters), drops any counters, counts each live credential, and marks
them. The transaction holds only the counters (a few thousand at most), whatever the graph;
interrupted, it rolls back whole and the next store to open the database counts again,
while listings go on counting.
"""

from __future__ import annotations

from typing import Any

from neo4j import AsyncManagedTransaction

from pathways.store.neo4j.catalog import Q, query, statements


async def backfill(tx: AsyncManagedTransaction) -> bool:
    """Count the listing's facets afresh unless the marker says they are kept; whether it did.

    Nothing is counted while a load's switch is under way: the load brings its own counters.
    """
    record = await (await tx.run(query(Q.LISTING_BACKFILL_LOCK))).single(strict=True)
    if record["kept"] or record["phase"] is not None:
        return False
    for name in (Q.LISTING_BACKFILL, Q.LISTING_COUNTS):
        for statement in statements(name):
            await (await tx.run(statement)).consume()
    params: dict[str, Any] = {"generation": int(record["generation"])}
    await (await tx.run(query(Q.LISTING_MARK), params)).consume()
    return True
