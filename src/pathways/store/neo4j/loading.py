"""Loading a whole graph into Neo4j: small transactions into a staged copy, then a switch.

No transaction holds the graph: nodes, then each chunk's relationships, are written in
batches of their own under Staged* labels that no read looks at.  The switch then commits
to the staged graph in one tiny transaction and relabels in batches (store.neo4j.switch):
readers see the old graph or the new one, never half a load; a load that fails before
the switch leaves the old graph as it was, and one interrupted during it is finished by
the next load.  The retired graph is then dropped in small transactions.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, LiteralString

from neo4j import AsyncManagedTransaction

from pathways.errors import BadUserInput
from pathways.model import Credential, Graph
from pathways.store.neo4j import codec, holders, switch
from pathways.store.neo4j.catalog import Q, query
from pathways.wording import counted

Progress = Callable[[str], None]
Tx = AsyncManagedTransaction
Sessions = Callable[[], Any]
"""Opens a session as an async context manager (the store's guard translating failures)."""

NODE_BATCH = 5_000
"""Node rows per transaction."""

CHUNK = 1_000
"""Credentials whose relationships (~25 each) are drawn in one transaction."""

_LABEL = re.compile(r":(Credential|Framework|Level|Provider|Skill|Token|OutcomeKey|ListingCount)\b")

LINK_QUERIES = {
    "requires": Q.LINK_REQUIRES,
    "prerequisites": Q.LINK_PREREQUISITES,
    "skills": Q.LINK_SKILLS,
    "providers": Q.LINK_PROVIDERS,
    "levels": Q.LINK_LEVELS,
    "tokens": Q.LINK_TOKENS,
    "outcome_keys": Q.LINK_OUTCOME_KEYS,
}


def staged(name: Q) -> LiteralString:
    """A catalog statement with its node labels turned into their staged twins."""
    # a fixed rewrite of a catalog text, never of input: still literal by contract
    return _LABEL.sub(r":Staged\1", query(name))


async def run_write(sessions: Sessions, statement: LiteralString, **params: Any) -> None:
    """One statement in a write transaction of its own, committed (retried as the driver does)."""

    async def work(tx: Tx) -> None:
        await (await tx.run(statement, params)).consume()

    async with sessions() as session:
        await session.execute_write(work)


async def run_auto(sessions: Sessions, name: Q) -> None:
    """A statement in an auto-commit transaction, as CALL { } IN TRANSACTIONS needs."""
    async with sessions() as session:
        await (await session.run(query(name))).consume()


async def _batches(
    sessions: Sessions, name: Q, rows: Sequence[Any], what: str, say: Progress
) -> None:
    for start in range(0, len(rows), NODE_BATCH):
        await run_write(sessions, staged(name), rows=list(rows[start : start + NODE_BATCH]))
        say(f"{what}: {min(start + NODE_BATCH, len(rows))}/{len(rows)}")


async def _links(sessions: Sessions, creds: Sequence[Credential], say: Progress) -> None:
    for start in range(0, len(creds), CHUNK):
        pairs: dict[str, list[codec.Pair]] = {kind: [] for kind in codec.LINKS}
        for cred in creds[start : start + CHUNK]:
            for kind, found in codec.links(cred).items():
                pairs[kind].extend(found)

        async def work(tx: Tx, pairs: dict[str, list[codec.Pair]] = pairs) -> None:
            for kind, found in pairs.items():
                if found:
                    await (await tx.run(staged(LINK_QUERIES[kind]), {"pairs": found})).consume()

        async with sessions() as session:
            await session.execute_write(work)
        say(f"links: {min(start + CHUNK, len(creds))}/{len(creds)} credentials")


async def load(
    sessions: Sessions,
    graph: Graph,
    replace: bool,
    say: Progress,
    count: Callable[[], Awaitable[int]],
) -> None:
    """Stage `graph` in batches, switch it live in batches, drop the old one."""
    await finish_interrupted(sessions, say)
    held = await count()
    if held and not replace:
        raise BadUserInput(
            f"The database already holds {counted(held, 'credential')}; "
            "load with --replace to replace them."
        )
    say("dropping anything a failed load left behind")
    await run_auto(sessions, Q.CLEAR_STAGED)
    await run_auto(sessions, Q.DROP_RETIRED)
    creds = list(graph.credentials.values())
    # nodes before the links between them: a link's MATCH must find both ends staged
    nodes: tuple[tuple[str, Q, Callable[[Any], Any], Iterable[Any]], ...] = (
        ("frameworks", Q.MERGE_FRAMEWORKS, codec.framework_row, graph.frameworks.values()),
        ("providers", Q.MERGE_PROVIDERS, codec.provider_row, graph.providers.values()),
        ("skills", Q.MERGE_SKILLS, codec.skill_row, graph.skills.values()),
        ("credentials", Q.MERGE_CREDENTIALS, codec.credential_row, creds),
    )
    for what, name, row, values in nodes:
        await _batches(sessions, name, _rows(row, values), what, say)
    await _links(sessions, creds, say)
    recs = _rows(codec.recognition_row, graph.recognitions)
    await _batches(sessions, Q.MERGE_RECOGNITIONS, recs, "recognitions", say)
    say("counting the listing's facets")
    await run_write(sessions, staged(Q.LISTING_COUNTS))
    say("skills: their holders, packed for search")
    await holders.pack_unpacked(sessions, staged(Q.SKILL_HOLDERS))
    say("switching the new graph live (committed; relabelling in batches)")
    await switch.begin(sessions)
    await switch.finish(sessions, switch.RETIRE, say)
    say("dropping the replaced graph")
    await run_auto(sessions, Q.DROP_RETIRED)
    # statistics of the graph now live, before a replica plans against them
    await run_auto(sessions, Q.RESAMPLE_INDEXES)


async def finish_interrupted(sessions: Sessions, say: Progress) -> None:
    """Finish a switch an earlier load committed to but did not complete."""
    left = await switch.current(sessions)
    if left.phase is None:
        return
    say(f"finishing the switch an interrupted load began (phase {left.phase})")
    await switch.finish(sessions, left.phase, say)
    say("dropping the graph it replaced")
    await run_auto(sessions, Q.DROP_RETIRED)


def _rows(build: Callable[[Any], Any], values: Iterable[Any]) -> list[Any]:
    return [build(v) for v in values]
