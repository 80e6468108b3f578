"""A load's switch from the live graph to the staged one, in batches, and what readers check.

The switch used to be one transaction relabelling every node, whose memory grew with the
graph (715 MiB of a 1 GiB heap's 717 MiB pool at 200,000 credentials).  It now rolls
forward: one tiny transaction sets a phase on a marker node (the commit point: the staged
graph is complete by then), batches relabel the live graph Retired* and then the staged
one live, and one more tiny transaction clears the phase.  No transaction holds more than
a batch.  While the phase is set the labels are mixed, so:

- a read compares the marker after it ran with the one seen before it started (a seqlock):
  a switch that began or ended in between, or one under way, makes it read again, waiting
  up to SWITCH_WAIT_S for the phase to clear before answering a retryable error;
- a write reads the marker after its own changes, under its version bump, and rolls back;
- a switch interrupted mid-way is finished by the next load, before anything else.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from neo4j import AsyncManagedTransaction, AsyncSession, AsyncTransaction

from pathways.errors import PathwaysError, StoreUnavailable
from pathways.store.neo4j.catalog import Q, query, statements

T = TypeVar("T")
Tx = AsyncManagedTransaction | AsyncTransaction | AsyncSession
Progress = Callable[[str], None]
Sessions = Callable[[], Any]

SWITCH_BATCH = 10_000
"""Nodes relabelled per transaction (tens of MB of transaction state, whatever the graph)."""

SWITCH_WAIT_S = 2.0
"""How long a read waits for a switch under way before answering a retryable error."""

POLL_S = 0.05

RETIRE = "retire"
PROMOTE = "promote"


@dataclass(frozen=True, slots=True)
class Mark:
    """Where loads stand: switches begun so far, and the phase of one under way."""

    generation: int | None
    phase: str | None


async def mark(tx: Tx) -> Mark:
    """The marker as committed now."""
    record = await (await tx.run(query(Q.SWITCH_MARK))).single()
    if record is None:
        return Mark(None, None)
    generation = record["generation"]
    return Mark(None if generation is None else int(generation), record["phase"])


def switching(detail: str) -> StoreUnavailable:
    """The retryable error of a read or write that met a switch under way."""
    return StoreUnavailable(
        f"Neo4j is switching to a newly loaded graph ({detail}); retry in a few seconds. "
        "A switch interrupted mid-way is finished by the next `pathways load`.",
        backend="neo4j",
        switching=True,
    )


def marked(work: Callable[[Any], Awaitable[T]]) -> Callable[[Any], Awaitable[tuple[Any, Mark]]]:
    """`work` followed by a read of the marker, in the same transaction or session.

    An expected failure of `work` (say NotFound, met on a half-switched graph) is kept as
    its outcome: only the marker says whether it can be believed.
    """

    async def run(tx: Any) -> tuple[Any, Mark]:
        try:
            outcome: Any = await work(tx)
        except PathwaysError as err:
            outcome = err
        return outcome, await mark(tx)

    return run


class Seqlock:
    """One replica's last sight of the marker, and the loop that makes reads consistent."""

    def __init__(self) -> None:
        self.seen: Mark | None = None

    async def read(self, attempt: Callable[[], Awaitable[tuple[Any, Mark]]]) -> Any:
        """The outcome of the first attempt no switch overlapped; its error if it failed."""
        waited = 0.0
        while True:
            before = self.seen
            outcome, after = await attempt()
            if after.phase is None and after == before:
                if isinstance(outcome, PathwaysError):
                    raise outcome
                return outcome
            self.seen = after
            if after.phase is not None:
                if waited >= SWITCH_WAIT_S:
                    raise switching(f"phase {after.phase}")
                await asyncio.sleep(POLL_S)
                waited += POLL_S


# --- the loader's side -------------------------------------------------------------------


async def _write(sessions: Sessions, statement: Any, **params: Any) -> int:
    async def work(tx: AsyncManagedTransaction) -> int:
        record = await (await tx.run(statement, params)).single()
        return int(record[0]) if record is not None and record[0] is not None else 0

    async with sessions() as session:
        return int(await session.execute_write(work))


async def _relabel(sessions: Sessions, name: Q, what: str, say: Progress) -> None:
    moved = 0
    for statement in statements(name):
        while True:
            n = await _write(sessions, statement, batch=SWITCH_BATCH)
            moved += n
            if n:
                say(f"switching: {what} {moved} nodes")
            if n < SWITCH_BATCH:
                break


async def current(sessions: Sessions) -> Mark:
    """The marker, read by the loader."""
    async with sessions() as session:
        return await mark(session)


async def begin(sessions: Sessions) -> None:
    """Commit to the staged graph (it must be complete): the switch's one point of no return."""
    await _write(sessions, query(Q.SWITCH_BEGIN))


async def finish(sessions: Sessions, phase: str, say: Progress) -> None:
    """Relabel from `phase` on, then clear the phase and count a change, in one transaction."""
    if phase == RETIRE:
        await _relabel(sessions, Q.RETIRE_BATCH, "retired", say)
        await _write(sessions, query(Q.SWITCH_PHASE), phase=PROMOTE)
    await _relabel(sessions, Q.PROMOTE_BATCH, "made live", say)

    async def end(tx: AsyncManagedTransaction) -> None:
        await (await tx.run(query(Q.SWITCH_END))).consume()
        await (await tx.run(query(Q.BUMP_VERSION))).consume()

    async with sessions() as session:
        await session.execute_write(end)
