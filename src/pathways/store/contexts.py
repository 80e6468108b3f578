"""Building the domain's contexts from facts a store has fetched, alike for every store."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence

from pathways.domain.equivalence.reach import Reach, reachable_shapes
from pathways.model import Credential, EquivalenceContext, LevelTable, Recognition, Skill

FetchSkills = Callable[[list[str]], Awaitable[Mapping[str, Skill]]]


def decided_then_shortlisted(decided: Iterable[Recognition], shortlist: Iterable[str]) -> list[str]:
    """Candidate ids: the targets of recorded decisions first, then the shortlist, once each."""
    return list(dict.fromkeys([*(rec.to_id for rec in decided), *shortlist]))


def shapes_to_reach(
    credential: Credential,
    counts: Iterable[tuple[str, int]],
    levels: LevelTable,
    country: str | None,
    reach: Reach,
    decided: int,
) -> list[str]:
    """The shapes whose credentials `equivalents` must score besides the shortlist.

    Room is kept for the `decided` recorded decisions and the credential itself, which
    count among the members of the shapes but not among the computed matches.
    """
    need = reach.first + decided + 1
    return reachable_shapes(credential, counts, levels, country=country, reach=reach, need=need)


async def build_equivalence_context(
    credential: Credential,
    found: Sequence[Credential],
    decided: Sequence[Recognition],
    levels: LevelTable,
    fetch_skills: FetchSkills,
    *,
    keep_self: bool,
) -> EquivalenceContext:
    """The context for scoring `found` against `credential` (itself left out unless kept).

    `decided` are the recorded decisions from the credential; the skills fetched are
    those the outcomes of the credential and its candidates name.
    """
    candidates = tuple(c for c in found if keep_self or c.id != credential.id)
    named = {skill for c in (credential, *candidates) for o in c.outcomes for skill in o.skills}
    return EquivalenceContext(
        credential=credential,
        candidates=candidates,
        levels=levels,
        skills=await fetch_skills(sorted(named)),
        recognitions=tuple(sorted(decided, key=lambda rec: rec.to_id)),
    )


def by_pair(recognitions: Iterable[Recognition]) -> tuple[Recognition, ...]:
    """Recognitions once per (from, to), in that order: how planning contexts hold them."""
    found = {(rec.from_id, rec.to_id): rec for rec in recognitions}
    return tuple(found[pair] for pair in sorted(found))
