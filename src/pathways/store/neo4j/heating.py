"""Heating a database's search paths before a replica takes requests.

A Neo4j server fresh from a start answers a search several times slower than once it
has run a few hundred (at 200,000 credentials: 128 ms a search in its first 30, ~40 ms
after 300): the JVM compiles Lucene's and Cypher's hot paths as they run and the page
cache fills.  So a serving replica, before it takes requests, searches for words of the
graph's own titles in batches until a batch is no faster than the best one before it,
or a bound is reached (time, searches, a median too small to matter): a fresh server gets
its few hundred searches, one already warm (another replica heated it) HEAT_PATIENCE + 1
batches, a small graph one.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from neo4j import AsyncManagedTransaction, AsyncSession, AsyncTransaction

from pathways.store.neo4j.catalog import Q, query

Tx = AsyncManagedTransaction | AsyncTransaction | AsyncSession

HEAT_TITLES = 200
"""Titles the searches are drawn from (the first the database finds)."""

HEAT_BATCH = 40
"""Searches timed together: a batch's median says whether heating still helps."""

HEAT_GAIN = 0.97
"""A batch whose median is under this share of the best before it is still heating."""

HEAT_PATIENCE = 3
"""Batches in a row that heat no more before heating stops (the gains come in steps)."""

HEAT_BUDGET_S = 30.0
"""Longest a replica heats (a fresh 200,000-credential database gains for about 25 s)."""

HEAT_MAX = 1000
"""Most searches a replica heats with (a fresh 200,000-credential database gains for ~500)."""

HEAT_ENOUGH_MS = 10.0
"""A batch median under this ends heating: searches that fast have nothing left to gain
worth the time (a small graph, where noise alone could keep heating going)."""


@dataclass(frozen=True, slots=True)
class Heated:
    """What heating did: searches run, seconds taken, each batch's median in ms."""

    searches: int
    seconds: float
    medians: tuple[float, ...]


def queries(texts: Sequence[str]) -> list[str]:
    """Searches like a person's from titles' normalised texts: their first one, two or
    three words in turn."""
    found = []
    for i, text in enumerate(texts):
        words = text.split("\n")[0].split()
        if words:
            found.append(" ".join(words[: 1 + i % 3]))
    return found


async def sample(tx: Tx) -> list[str]:
    """Searches drawn from the titles of HEAT_TITLES credentials."""
    result = await tx.run(query(Q.HEAT_TEXTS), {"limit": HEAT_TITLES})
    return queries([t for t in (await result.single(strict=True))["texts"] if t])


async def heat(
    search: Callable[[str], Awaitable[object]],
    texts: Sequence[str],
    pause: Callable[[], Awaitable[None]],
    budget_s: float = HEAT_BUDGET_S,
    clock: Callable[[], float] = time.perf_counter,
) -> Heated:
    """Run `search` over `texts` (in turn, again from the first when they run out) in
    batches until HEAT_PATIENCE batches in a row are no faster than the best before each,
    a batch's median is under HEAT_ENOUGH_MS, HEAT_MAX searches have run or `budget_s`
    passes; `pause` before each search lets real work go first."""
    start = clock()
    medians: list[float] = []
    done = stale = 0
    median = float("inf")
    while (
        texts
        and stale < HEAT_PATIENCE
        and median >= HEAT_ENOUGH_MS
        and done < HEAT_MAX
        and clock() - start < budget_s
    ):
        took = []
        for _ in range(HEAT_BATCH):
            await pause()
            t = clock()
            await search(texts[done % len(texts)])
            took.append((clock() - t) * 1000)
            done += 1
        median = statistics.median(took)
        stale = stale + 1 if medians and median >= HEAT_GAIN * min(medians) else 0
        medians.append(median)
    return Heated(done, clock() - start, tuple(round(m, 1) for m in medians))
