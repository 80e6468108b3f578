"""Warming Neo4j's plan cache for the write statements, writing nothing.

Neo4j plans a statement the first time it runs it (EXPLAIN does not fill the cache), and
a write runs a dozen statements it may not have seen since the server started: the
first write after a start paid seconds of planning.  A replica therefore runs the
statements of a write once at start, in the background: validation's reads for a record
like a real one (the first credential by id), then a credential whose id cannot exist
(it starts with a NUL, which ids may not hold) linked as that real one is, each write in
a transaction that is rolled back, so the database is left exactly as it was.  The
credential and its links go in one transaction, so the link statements find it and
touch the real index entries and pages a write touches (locking those nodes until the
rollback, milliseconds); the version bump and the decision merge run in transactions
of their own, so the lock every writer takes (the graph's change count) is held for
one statement only.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
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


def refs(real: Credential | None = None) -> list[References]:
    """What validating SAMPLE reads, as the write path asks it: with every list filled,
    and with the empty lists of a record naming no outcome ids, provider or skill (a
    parameter's type is part of a cached plan's key)."""
    return [
        References(
            own=WARM_ID,
            credentials=frozenset({f"{NUL}before"}),
            providers=frozenset({f"{NUL}provider"}),
            skills=frozenset({f"{NUL}skill"}),
            depends_on=(f"{NUL}before",),
            outcomes=frozenset({f"{NUL}outcome"}),
        ),
        References(
            own=WARM_ID, credentials=frozenset({f"{NUL}before"}), depends_on=(f"{NUL}before",)
        ),
        References(own=WARM_ID, credentials=frozenset()),
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


async def _rolled_back(sessions: Sessions, steps: Steps) -> None:
    async with sessions() as session:
        tx = await session.begin_transaction()
        try:
            for name, params in steps:
                await (await tx.run(query(name), params)).consume()
        finally:
            await tx.rollback()


def like(real: Credential) -> Credential:
    """SAMPLE linked to what a real credential links to (its level, provider, skills, and
    the credential itself as prerequisite), so the warm-up reads real index entries and
    pages as a write does; it is rolled back all the same."""
    return dataclasses.replace(
        SAMPLE,
        provider=real.provider,
        level=real.level,
        outcomes=tuple(
            Outcome(f"{WARM_ID}#o{k + 1}", o.text, o.language, o.skills)
            for k, o in enumerate(real.outcomes)
        )
        or SAMPLE.outcomes,
        prerequisites=(real.id,),
        requirements=CredentialRule(real.id),
    )


def transactions(sample: Credential = SAMPLE) -> list[Steps]:
    """The warm-up's transactions, each a list of (statement, parameters)."""
    decision = Recognition(WARM_ID, f"{NUL}other", Decision.PARTIAL, "warm-up", "2000-01-01", 1.0)
    credential: Steps = [(Q.MERGE_CREDENTIALS, {"rows": [codec.credential_row(sample)]})]
    for kind, pairs in codec.links(sample).items():
        credential.append((loading.LINK_QUERIES[kind], {"pairs": pairs or [[WARM_ID, NUL]]}))
    return [
        credential,
        [(Q.MERGE_RECOGNITIONS, {"rows": [codec.recognition_row(decision)]})],
        [(Q.BUMP_VERSION, {})],
    ]


async def warm_up(sessions: Sessions, sample: Credential = SAMPLE) -> None:
    """Run every write statement once, in transactions that are rolled back."""
    for steps in transactions(sample):
        await _rolled_back(sessions, steps)
