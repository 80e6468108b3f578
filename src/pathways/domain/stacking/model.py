"""Values of a compiled stacking problem, and the recognition lookups every part shares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from pathways.domain.dates import valid_on
from pathways.model import Decision, Objective, PlanningContext, Recognition, Rule

MICRO = 1_000_000
"""Workloads are compared in millionths so that 0.1 + 0.2 ECTS meets 0.3 ECTS."""


def micro(value: float) -> int:
    """A workload in integer millionths."""
    return round(value * MICRO)


NodeKind = Literal["credential", "all", "any", "credits"]


@dataclass(frozen=True, slots=True)
class Option:
    """One credential that can fill a slot, the micro-ECTS it counts, and why it may."""

    credential: str
    value: int
    recognition: Recognition | None


@dataclass(frozen=True, slots=True)
class Slot:
    """One place a credential can count: a `credential` leaf, or one entry of `credits.from`."""

    credential: str
    options: tuple[Option, ...]
    max_value: int
    ratio: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Node:
    """A compiled rule; `slots` hold the leaf or the credits entries in search order."""

    index: int
    kind: NodeKind
    rule: Rule | None
    parent: int | None
    children: tuple[int, ...] = ()
    count: int = 0
    needed: int = 0
    slots: tuple[Slot, ...] = ()
    ratio_order: tuple[int, ...] = ()


Prereq = tuple[str, tuple[str, ...]]
"""A prerequisite not met by the held set, and the takeable credentials that can meet it."""


@dataclass(frozen=True, slots=True)
class Problem:
    """The compiled planning problem: rule nodes, takeable credentials and their weights."""

    ctx: PlanningContext
    objective: Objective
    countries: frozenset[str] | None
    held: frozenset[str]
    nodes: tuple[Node, ...]
    takeable: frozenset[str]
    weight: Mapping[str, int]
    cost: Mapping[str, int]
    prereqs: Mapping[str, tuple[Prereq, ...]]
    occurrences: Mapping[str, int]
    cyclic: bool
    groups: tuple[int, ...]
    pre_goals: tuple[tuple[str, str, tuple[str, ...]], ...]
    pre_index: Mapping[str, tuple[int, ...]]


def best_recognitions(recognitions: Iterable[Recognition]) -> dict[tuple[str, str], Recognition]:
    """One decision per (from, to): FULL over PARTIAL, then the most ECTS; NONE dropped."""
    best: dict[tuple[str, str], Recognition] = {}
    for rec in recognitions:
        if rec.decision is Decision.NONE:
            continue
        key = (rec.from_id, rec.to_id)
        old = best.get(key)
        if old is None or _rec_rank(rec) > _rec_rank(old):
            best[key] = rec
    return best


def _rec_rank(rec: Recognition) -> tuple[int, float, str]:
    return (rec.decision is Decision.FULL, rec.ects or 0.0, rec.date)


def full_substitutes(recs: Mapping[tuple[str, str], Recognition]) -> dict[str, list[str]]:
    """Credentials with a FULL recognition into each credential, by target id, sorted."""
    subs: dict[str, list[str]] = {}
    for (src, dst), rec in sorted(recs.items()):
        if rec.decision is Decision.FULL and src != dst:
            subs.setdefault(dst, []).append(src)
    return subs


def recognised_held(
    held: frozenset[str], recs: Mapping[tuple[str, str], Recognition]
) -> dict[str, str]:
    """Credentials a held one is FULL recognised as (never steps), each with its holder."""
    out: dict[str, str] = {}
    for (src, dst), rec in sorted(recs.items()):
        if rec.decision is Decision.FULL and src in held and dst not in held:
            out.setdefault(dst, src)
    return out


def allowed_new(ctx: PlanningContext, countries: frozenset[str] | None) -> frozenset[str]:
    """Credentials a plan may add: not held or recognised, not the target, in countries and dates.

    A credential a held one is FULL recognised as is left out: the learner already has
    that learning, and a plan asking them to take it again reads as a contradiction.
    """
    known = recognised_held(frozenset(ctx.held), best_recognitions(ctx.recognitions))
    return frozenset(
        cid
        for cid, cred in ctx.credentials.items()
        if cid not in ctx.held
        and cid not in known
        and cid != ctx.target.id
        and (countries is None or cred.country in countries)
        and valid_on(cred, ctx.as_of)
    )
