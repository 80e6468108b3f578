"""A brute-force reference for stacking plans, written straight from seeds.md, and random instances."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import combinations

from hypothesis import strategies as st

from pathways.model import (
    AllRule,
    AnyRule,
    Credential,
    CredentialKind,
    CredentialRule,
    CreditsRule,
    Decision,
    Objective,
    PlanningContext,
    Recognition,
    Rule,
)
from tests.support.small_graphs import COUNTRIES, Draws, draw_credentials, draw_recognitions

PLAN_DRAWS = Draws(
    hours=(None, 25.0, 50.0, 10.0),
    valid_from=(None, None, None, "2025-01-01", "2025-07-01"),
    valid_until=(None, None, None, "2025-06-30", "2025-12-31"),
    partial_ects=(1.0, 2.0),
    decided=("2025-03-01", "2025-03-01", "2025-09-01"),
)


def micro(x: float) -> int:
    """The same millionths the optimiser compares in (seeds.md gives no precision)."""
    return round(x * 1_000_000)


@dataclass(frozen=True)
class Instance:
    """One random planning question."""

    ctx: PlanningContext
    objective: Objective
    countries: frozenset[str] | None
    alternatives: int


def _recs(ctx: PlanningContext) -> list[Recognition]:
    """The decisions that count: with an asOf day, those dated on or before it."""
    return [r for r in ctx.recognitions if ctx.as_of is None or r.date <= ctx.as_of]


def _valid(cred: Credential, day: str | None) -> bool:
    """Valid on the day: valid_from <= day <= valid_until where given."""
    if day is None:
        return True
    return (cred.valid_from or day) <= day <= (cred.valid_until or day)


def _full(ctx: PlanningContext, x: str) -> list[str]:
    return [r.from_id for r in _recs(ctx) if r.to_id == x and r.decision is Decision.FULL]


def _positions(rule: Rule) -> Iterator[tuple[str, bool]]:
    """Every leaf and credits slot, depth first: (credential, is a credits slot)."""
    if isinstance(rule, CredentialRule):
        yield rule.credential, False
    elif isinstance(rule, CreditsRule):
        for x in rule.sources:
            yield x, True
    else:
        for child in rule.children:
            yield from _positions(child)


def _fillers(
    ctx: PlanningContext, x: str, slot: bool, have: frozenset[str]
) -> list[tuple[str, int]]:
    own = ctx.credentials[x].workload_ects
    out = [(x, micro(own))] if x in have else []
    for r in _recs(ctx):
        if r.to_id != x or r.from_id not in have or r.from_id == x:
            continue
        if r.decision is Decision.FULL:
            out.append((r.from_id, micro(own)))
        elif r.decision is Decision.PARTIAL and slot:
            out.append((r.from_id, micro(r.ects or 0)))
    return out


def _meets(rule: Rule, values: Iterator[int | None]) -> bool:
    """Evaluate the tree given, for each position in order, the value counted (None: empty)."""
    if isinstance(rule, CredentialRule):
        return next(values) is not None
    if isinstance(rule, CreditsRule):
        got = [next(values) for _ in rule.sources]
        return sum(v for v in got if v is not None) >= micro(rule.credits)
    results = [_meets(c, values) for c in rule.children]
    if isinstance(rule, AllRule):
        return all(results)
    assert isinstance(rule, AnyRule)
    return sum(results) >= rule.count


def rules_met(ctx: PlanningContext, have: frozenset[str]) -> bool:
    """Whether some assignment, each credential to at most one position, meets the rules."""
    rule = ctx.target.requirements
    assert rule is not None
    positions = list(_positions(rule))
    options = [_fillers(ctx, x, slot, have) for x, slot in positions]

    def search(i: int, used: frozenset[str], chosen: tuple[int | None, ...]) -> bool:
        if i == len(positions):
            return _meets(rule, iter(chosen))
        if search(i + 1, used, (*chosen, None)):
            return True
        return any(
            search(i + 1, used | {cid}, (*chosen, value))
            for cid, value in options[i]
            if cid not in used
        )

    return search(0, frozenset(), ())


def orderable(ctx: PlanningContext, steps: frozenset[str]) -> bool:
    """Whether the steps can be taken one by one with every prerequisite met first."""
    done = set(ctx.held)
    todo = set(steps)
    while todo:
        ready = [s for s in todo if prereqs_met(ctx, s, frozenset(done))]
        if not ready:
            return False
        done.update(ready)
        todo.difference_update(ready)
    return True


def prereqs_met(ctx: PlanningContext, step: str, have: frozenset[str]) -> bool:
    """Every prerequisite of `step` is in `have` itself or by a FULL recognition of it."""
    for q in ctx.credentials[step].prerequisites:
        providers = {q, *_full(ctx, q)} - {step}
        if not providers & have:
            return False
    return True


def key(
    ctx: PlanningContext, objective: Objective, steps: frozenset[str]
) -> tuple[int, int, list[str]]:
    """The seeds.md order of plans."""
    creds = [ctx.credentials[c] for c in steps]
    if objective is Objective.CREDITS:
        cost = sum(micro(c.workload_ects) for c in creds)
    elif objective is Objective.HOURS:
        cost = sum(micro(c.workload_hours) for c in creds)
    else:
        cost = len(creds)
    return (cost, len(steps), sorted(steps))


def target_held(ctx: PlanningContext) -> bool:
    """The learner holds the target or a FULL recognition of it."""
    return ctx.target.id in ctx.held or bool(set(_full(ctx, ctx.target.id)) & ctx.held)


def valid_plans(inst: Instance) -> list[frozenset[str]]:
    """Every valid plan, best first (only the empty one when the target itself is held).

    Never a step: a held credential, or one a held credential is FULL recognised as.
    With an asOf day, only credentials valid that day are steps, the target must be
    valid that day, and only decisions dated on or before it count.
    """
    ctx = inst.ctx
    if target_held(ctx):
        return [frozenset()]
    if not _valid(ctx.target, ctx.as_of):
        return []
    cands = [
        cid
        for cid, c in sorted(ctx.credentials.items())
        if cid not in ctx.held
        and not set(_full(ctx, cid)) & ctx.held
        and cid != ctx.target.id
        and (inst.countries is None or c.country in inst.countries)
        and _valid(c, ctx.as_of)
    ]
    out = []
    for size in range(len(cands) + 1):
        for combo in combinations(cands, size):
            steps = frozenset(combo)
            if orderable(ctx, steps) and rules_met(ctx, frozenset(ctx.held) | steps):
                out.append(steps)
    out.sort(key=lambda s: key(ctx, inst.objective, s))
    return out


def minimal(plans: list[frozenset[str]]) -> list[frozenset[str]]:
    """The plans with no other plan inside them, order kept."""
    return [p for p in plans if not any(q < p for q in plans)]


# --- random instances -----------------------------------------------------------


def _rule(draw: st.DrawFn, ids: list[str], depth: int, top: str | None = None) -> Rule:
    kinds = ["credential", "credits"] if depth else []
    kinds += ["all", "any"] if depth < 2 else []
    kind = top or draw(st.sampled_from(kinds))
    if kind == "credential":
        return CredentialRule(draw(st.sampled_from(ids)))
    if kind == "credits":
        sources = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4, unique=True))
        return CreditsRule(draw(st.sampled_from([1.0, 2.0, 3.0, 4.0, 6.0])), tuple(sources))
    children = tuple(_rule(draw, ids, depth + 1) for _ in range(draw(st.integers(1, 4 - depth))))
    if kind == "all":
        return AllRule(children)
    count = draw(st.integers(1, len(children))) if draw(st.booleans()) else 1
    return AnyRule(children, count)


@st.composite
def instances(draw: st.DrawFn, max_creds: int = 7, top: str | None = None) -> Instance:
    """A small random graph around one target, within brute-force reach."""
    n = draw(st.integers(3 if top else 2, max_creds))
    ids = [f"c{i}" for i in range(n)]
    creds = draw_credentials(draw, ids, PLAN_DRAWS)
    recs = draw_recognitions(draw, ids, PLAN_DRAWS)
    if draw(st.integers(0, 9)) == 0:
        # A decision that the target itself is recognised from one of the credentials.
        recs.append(
            Recognition(draw(st.sampled_from(ids)), "t", Decision.FULL, "QQI", "2025-03-01")
        )
    rule = _rule(draw, ids, 0, top)
    target = Credential("t", CredentialKind.QUALIFICATION, "Target", "IE", requirements=rule)
    held = frozenset(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)))
    countries = draw(
        st.one_of(
            st.none(),
            st.none(),
            st.none(),
            st.frozensets(st.sampled_from(COUNTRIES), min_size=1, max_size=3),
            st.frozensets(st.sampled_from(COUNTRIES), min_size=2, max_size=3),
            st.just(frozenset()),
        )
    )
    if draw(st.integers(0, 9)) == 0:
        target = replace(target, valid_until="2025-06-30")
    as_of = draw(st.sampled_from([None, None, "2025-05-01", "2025-08-01", "2026-01-01"]))
    ctx = PlanningContext(target, held, {**creds, "t": target}, tuple(recs), as_of)
    return Instance(
        ctx,
        draw(st.sampled_from(list(Objective))),
        countries,
        draw(st.integers(0, 3)),
    )


# --- the reference checked on hand-made cases -------------------------------------
