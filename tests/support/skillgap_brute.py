"""A brute-force reference for skill-gap plans, written straight from the contract, and
random instances small enough to enumerate every set of credentials."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from hypothesis import strategies as st

from pathways.model import (
    Credential,
    Decision,
    Recognition,
    Skill,
    SkillGapContext,
)
from tests.support.small_graphs import COUNTRIES, Draws, draw_credentials, draw_recognitions

SKILLS = tuple(f"s{i}" for i in range(5))
GAP_DRAWS = Draws(
    hours=(None, 25.0, 50.0),
    valid_from=(None, None, None, "2025-07-01"),
    valid_until=(None, None, None, "2025-06-30"),
    partial_ects=(1.0,),
    decided=("2025-03-01", "2025-09-01"),
    skills=SKILLS,
)


@dataclass(frozen=True)
class GapInstance:
    """One random skill-gap question."""

    ctx: SkillGapContext
    asked: tuple[str, ...]
    countries: frozenset[str] | None
    as_of: str | None


@dataclass(frozen=True)
class GapAnswer:
    """What the contract says the answer is."""

    covered: tuple[str, ...]
    missing: tuple[str, ...]
    uncovered: tuple[str, ...]
    steps: frozenset[str]


def micro(x: float) -> int:
    """The same millionths the optimiser compares in."""
    return round(x * 1_000_000)


def _recs(inst: GapInstance) -> list[Recognition]:
    return [r for r in inst.ctx.recognitions if inst.as_of is None or r.date <= inst.as_of]


def _teaches(cred: Credential) -> set[str]:
    return {s for o in cred.outcomes for s in o.skills}


def _valid(cred: Credential, day: str | None) -> bool:
    if day is None:
        return True
    return (cred.valid_from or day) <= day <= (cred.valid_until or day)


def orderable(inst: GapInstance, steps: frozenset[str]) -> bool:
    """The steps can be taken one by one, each prerequisite met first (itself or FULL)."""
    ctx = inst.ctx
    full = [(r.from_id, r.to_id) for r in _recs(inst) if r.decision is Decision.FULL]
    done = set(ctx.held)
    todo = set(steps)
    while todo:
        ready = [
            s
            for s in todo
            if all(
                (({q} | {y for y, x in full if x == q}) - {s}) & done
                for q in ctx.credentials[s].prerequisites
            )
        ]
        if not ready:
            return False
        done.update(ready)
        todo.difference_update(ready)
    return True


def answer(inst: GapInstance) -> GapAnswer:
    """The contract's answer by enumerating every set of allowed credentials."""
    ctx = inst.ctx
    asked = tuple(dict.fromkeys(inst.asked))
    full_from_held = {
        r.to_id
        for r in _recs(inst)
        if r.decision is Decision.FULL and r.from_id in ctx.held and r.to_id != r.from_id
    }
    have: set[str] = set()
    for cid in set(ctx.held) | full_from_held:
        have |= _teaches(ctx.credentials[cid])
    missing = tuple(s for s in asked if s not in have)
    cands = [
        cid
        for cid, c in sorted(ctx.credentials.items())
        if cid not in ctx.held
        and cid not in full_from_held
        and (inst.countries is None or c.country in inst.countries)
        and _valid(c, inst.as_of)
    ]
    sets = [
        frozenset(combo)
        for size in range(len(cands) + 1)
        for combo in combinations(cands, size)
        if orderable(inst, frozenset(combo))
    ]
    takeable = set().union(*sets)
    teachable = {s for c in takeable for s in _teaches(ctx.credentials[c])}
    need = {s for s in missing if s in teachable}

    def key(p: frozenset[str]) -> tuple[int, int, list[str]]:
        return (sum(micro(ctx.credentials[c].workload_ects) for c in p), len(p), sorted(p))

    covering = [p for p in sets if need <= {s for c in p for s in _teaches(ctx.credentials[c])}]
    return GapAnswer(
        covered=tuple(s for s in asked if s in have),
        missing=missing,
        uncovered=tuple(s for s in missing if s not in teachable),
        steps=min(covering, key=key),
    )


@st.composite
def gap_instances(draw: st.DrawFn, max_creds: int = 7) -> GapInstance:
    """A small random graph of credentials teaching a handful of skills."""
    n = draw(st.integers(1, max_creds))
    ids = [f"c{i}" for i in range(n)]
    creds = draw_credentials(draw, ids, GAP_DRAWS)
    recs = draw_recognitions(draw, ids, GAP_DRAWS)
    held = frozenset(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)))
    skills = {s: Skill(s, {"en": f"skill {s}"}) for s in SKILLS}
    asked = tuple(draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=5)))
    countries = draw(
        st.one_of(
            st.none(),
            st.none(),
            st.frozensets(st.sampled_from(COUNTRIES), min_size=1, max_size=3),
            st.just(frozenset()),
        )
    )
    as_of = draw(st.sampled_from([None, None, "2025-05-01", "2025-08-01"]))
    ctx = SkillGapContext(
        {s: skills[s] for s in asked}, held, creds, tuple(sorted(recs, key=lambda r: r.from_id))
    )
    return GapInstance(ctx, asked, countries, as_of)
