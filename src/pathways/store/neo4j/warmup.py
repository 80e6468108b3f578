"""Warming Neo4j's plan cache for the write statements, writing nothing and locking nothing.

Neo4j plans a statement the first time it runs it (EXPLAIN does not fill the cache), and
a write runs a dozen statements it may not have seen since the server started: the
first write after a start paid seconds of planning.  A replica therefore runs the
statements of a write once at start: every write statement for a credential whose id
cannot exist (it starts with a NUL, which ids may not hold), linked only to ids that
cannot exist either, each transaction rolled back, so the database is left exactly as
it was; then validation's reads for a record like a real one (the first credential by
id), planned once the writes have created any name the graph lacked; then a few
committed transactions under a label of their own (`warm_commits`).  Its statements
find no real node to link, so they take no lock a real write needs (the only shared
one, the graph's change count, for a decision's last statement), and the warm-up pauses while a real
write is in flight (`Gate`): a write arriving during the warm-up never waits for it.
Each transaction is shaped as the write it warms, since Neo4j keys a cached plan by more
than its text (the size bucket of each list or string parameter).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from neo4j import AsyncSession

from pathways.model import (
    AllRule,
    Credential,
    CredentialKind,
    CredentialRule,
    Decision,
    LevelRef,
    Outcome,
    Participation,
    Recognition,
)
from pathways.seeds.inputs import References
from pathways.store.neo4j import codec, loading
from pathways.store.neo4j.catalog import Q, query

log = logging.getLogger("pathways.neo4j")

Sessions = Callable[[], AbstractAsyncContextManager[AsyncSession]]
Gate = Callable[[], Awaitable[None]]
"""Returns once no real write is in flight; the warm-up awaits it before each statement."""

NUL = "\x00"
WARM_ID = f"{NUL}pathways-warm-up"
"""The id of the credential the warm-up writes and rolls back (real ids hold no NUL)."""

SAMPLE = Credential(
    id=WARM_ID,
    kind=CredentialKind.MICRO_CREDENTIAL,
    title="Warm-up record for the plan cache",
    country="EE",
    language="en",
    provider=f"{NUL}provider",
    level=LevelRef(f"{NUL}framework", "1"),
    ects=1.0,
    hours=25.0,
    assessment="none",
    participation=Participation.ONLINE,
    quality_assurance="none",
    valid_from="2000-01-01",
    outcomes=(Outcome(f"{NUL}outcome", "Plan statements ahead", "en", (f"{NUL}skill",)),),
    prerequisites=(f"{NUL}before",),
    requirements=AllRule((CredentialRule(f"{NUL}before"),)),
)
"""A credential with every field and link kind set, naming only ids that cannot exist."""


NAMED_SIZES = (0, 1, 5, 20)
"""How many credentials and skills the warmed validation reads name: one of each size
bucket Neo4j plans apart (none, 1, 2-10, 11-100)."""


def _ids(sort: str, n: int) -> tuple[str, ...]:
    return tuple(f"{NUL}{sort}{k}" for k in range(n))


def refs(real: Credential | None = None) -> list[References]:
    """What validating a write reads, as the write path asks it: each size bucket of the
    credentials and of the skills a credential names (with one provider and no outcome
    ids, as most records), a decision's two credentials, one of each kind, and what a new
    version of `real` names (a parameter's type and its size bucket key a cached plan)."""
    one = f"{NUL}provider"
    return [
        *(
            References(
                own=WARM_ID,
                credentials=frozenset(_ids("c", n)),
                providers=frozenset({one}),
                skills=frozenset(_ids("s", k)),
                depends_on=_ids("c", n),
            )
            for n in NAMED_SIZES
            for k in NAMED_SIZES
        ),
        References(own=WARM_ID, credentials=frozenset(_ids("c", 2))),
        References(
            own=WARM_ID,
            credentials=frozenset({f"{NUL}before"}),
            providers=frozenset({one}),
            skills=frozenset({f"{NUL}skill"}),
            depends_on=(f"{NUL}before",),
            outcomes=frozenset({f"{NUL}outcome"}),
        ),
        *([] if real is None else [_named_by(real)]),
    ]


def _named_by(real: Credential) -> References:
    """What a new version of a real credential would have validation read."""
    named = frozenset({real.id, *real.prerequisites})
    return References(
        own=real.id,
        credentials=named,
        providers=frozenset({real.provider} if real.provider else ()),
        skills=frozenset(s for o in real.outcomes for s in o.skills),
        depends_on=tuple(sorted(named)),
    )


Steps = list[tuple[Q, dict[str, Any]]]
"""The statements of one transaction, with their parameters."""


async def _rolled_back(sessions: Sessions, steps: Steps, gate: Gate | None) -> None:
    async with sessions() as session:
        tx = await session.begin_transaction()
        try:
            for name, params in steps:
                if gate is not None:
                    await gate()
                await (await tx.run(query(name), params)).consume()
        finally:
            await tx.rollback()


def warm_write() -> dict[str, Any]:
    """write_credential's map for SAMPLE, every link kind naming ids that cannot exist."""
    row = codec.write_row(SAMPLE)
    for kind in codec.LINKS:
        row[kind] = [f"{NUL}{kind}{k}" for k in range(len(row[kind]) or 1)]
    return row


def transactions() -> list[Steps]:
    """The warm-up's transactions, each a list of (statement, parameters), shaped as the
    two kinds of write are.

    A credential write is one statement with one map parameter (queries/write_credential),
    so one plan serves it whatever its lists hold; it runs twice in its transaction, as a
    new credential and then as a new version of it, so both paths have run.  It counts in
    the warm-up's own listing counters and version ($warm): it locks no node a real write
    needs, even while held between its statements.  A decision's version bump comes last,
    as in the write it warms.
    """
    decision = Recognition(WARM_ID, f"{NUL}other", Decision.PARTIAL, "warm-up", "2000-01-01", 1.0)
    write = (Q.WRITE_CREDENTIAL, {"write": warm_write(), "warm": True})
    bump: tuple[Q, dict[str, Any]] = (Q.BUMP_VERSION, {})
    return [
        [write, write],
        [(Q.MERGE_RECOGNITIONS, {"rows": [codec.recognition_row(decision)]}), bump],
    ]


async def warm_up(sessions: Sessions, gate: Gate | None = None) -> None:
    """Run every write statement once, in transactions that are rolled back, each
    statement only once `gate` lets it (no real write in flight)."""
    for steps in transactions():
        await _rolled_back(sessions, steps, gate)


STALE_S = 3_600
"""Commit warm-up nodes older than this were left by a replica that stopped half-way."""


def commit_steps(key: str) -> list[tuple[Q, dict[str, Any]]]:
    """The commit warm-up's transactions, one statement each, on nodes keyed by `key`."""
    return [
        (Q.WARM_COMMIT_CREATE, {"key": key, "text": "pathways warm up"}),
        (Q.WARM_COMMIT_CHANGE, {"key": key, "text": "pathways warm up again"}),
        (Q.WARM_COMMIT_DROP, {"key": key, "stale_s": STALE_S}),
    ]


async def warm_commits(sessions: Sessions, gate: Gate | None = None) -> None:
    """Commit a few small transactions on nodes only the warm-up knows, then remove them.

    After a server start the first commit of anything took 0.3-0.6 s and the first one
    to update a full-text index ~0.15 s more (code the server had not run yet), where
    later ones take milliseconds: the rolled-back warm-up never commits, so the first
    real write paid it.  These commit under a label no read looks at (`PathwaysWarmUp`,
    with its own uniqueness constraint and full-text index), keyed per replica so two
    starting together share no node: they lock nothing a real write needs and leave no
    node behind.
    """
    key = f"{NUL}{secrets.token_hex(8)}"
    for name, params in commit_steps(key):
        if gate is not None:
            await gate()
        await loading.run_write(sessions, query(name), **params)


async def resample(sessions: Sessions) -> None:
    """Have Neo4j sample the indexes whose statistics lag (see queries/resample_indexes)."""
    await loading.run_auto(sessions, Q.RESAMPLE_INDEXES)
