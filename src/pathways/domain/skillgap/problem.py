"""Compiles a SkillGapContext into an exact weighted cover problem with prerequisites.

What the learner has: the skills of each held credential's outcomes and of each
credential a held one is FULL recognised as (dated by asOf; recognitions do not
chain).  What may be taken: credentials not held, not recognised from a held one,
within `countries` and valid on asOf, whose prerequisites can be met at all: the
least fixpoint from the held set (take anything whose every prerequisite is met by
what is held or already taken), so each such credential has an explicit order to
reach it.  A missing skill none of those teaches is uncovered.

Weights are the stacking weights (stacking.compile.tie_break_weights): one exact
integer per credential whose sums order sets by total ECTS, then size, then sorted ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pathways.domain.dates import decided_by, valid_on
from pathways.domain.stacking.compile import tie_break_weights
from pathways.domain.stacking.graph import has_cycle, unmet_prerequisites
from pathways.domain.stacking.model import (
    Prereq,
    best_recognitions,
    full_substitutes,
    micro,
    recognised_held,
)
from pathways.model import Credential, Recognition, SkillGapContext


@dataclass(frozen=True, slots=True)
class GapProblem:
    """A compiled skill-gap question: what is covered, what must be covered, and by whom."""

    ctx: SkillGapContext
    asked: tuple[str, ...]
    countries: frozenset[str] | None
    as_of: str | None
    recs: Mapping[tuple[str, str], Recognition]
    covered: Mapping[str, str]
    missing: tuple[str, ...]
    uncovered: tuple[str, ...]
    demands: tuple[str, ...]
    teachers: Mapping[str, tuple[str, ...]]
    teaches: Mapping[str, frozenset[str]]
    allowed: frozenset[str]
    takeable: frozenset[str]
    prereqs: Mapping[str, tuple[Prereq, ...]]
    derivation: Mapping[str, tuple[str, ...]]
    weight: Mapping[str, int]
    cyclic: bool


def skills_of(cred: Credential) -> set[str]:
    """The skills a credential teaches: those its outcomes are aligned to."""
    return {s for o in cred.outcomes for s in o.skills}


def compile_gap(
    ctx: SkillGapContext,
    asked: tuple[str, ...],
    countries: frozenset[str] | None,
    as_of: str | None,
) -> GapProblem:
    """Build the cover problem for the asked skills (deduplicated, in the order asked)."""
    recs = best_recognitions(r for r in ctx.recognitions if decided_by(r, as_of))
    held = frozenset(ctx.held)
    known = recognised_held(held, recs)
    covered = _covered(ctx, held, known, set(asked))
    missing = tuple(s for s in asked if s not in covered)
    allowed = frozenset(
        cid
        for cid, cred in ctx.credentials.items()
        if cid not in held
        and cid not in known
        and (countries is None or cred.country in countries)
        and valid_on(cred, as_of)
    )
    subs = full_substitutes(recs)
    takeable, derivation = _reachable(ctx, held, allowed, subs)
    weight = tie_break_weights({cid: micro(ctx.credentials[cid].workload_ects) for cid in takeable})
    wanted = set(missing)
    teaches = {cid: frozenset(skills_of(ctx.credentials[cid]) & wanted) for cid in takeable}
    by_skill: dict[str, list[str]] = {s: [] for s in missing}
    for cid, taught in teaches.items():
        for skill in taught:
            by_skill[skill].append(cid)
    teachers = {s: tuple(sorted(cs, key=weight.__getitem__)) for s, cs in by_skill.items()}
    prereqs: dict[str, tuple[Prereq, ...]] = {}
    for cid in takeable:
        prereqs[cid] = tuple(
            (q, tuple(sorted((p for p in providers if p in takeable), key=weight.__getitem__)))
            for q, providers in unmet_prerequisites(ctx.credentials[cid], subs, held)
        )
    _drop_dominated(teachers, teaches, prereqs, weight)
    # Only credentials a plan could hold matter from here on: teachers and their providers.
    relevant = _closure((t for ts in teachers.values() for t in ts), prereqs)
    prereqs = {cid: prereqs[cid] for cid in relevant}
    return GapProblem(
        ctx=ctx,
        asked=asked,
        countries=countries,
        as_of=as_of,
        recs=recs,
        covered=covered,
        missing=missing,
        uncovered=tuple(s for s in missing if not teachers[s]),
        demands=tuple(s for s in missing if teachers[s]),
        teachers=teachers,
        teaches={c: t for c, t in teaches.items() if t},
        allowed=allowed,
        takeable=takeable,
        prereqs=prereqs,
        derivation=derivation,
        weight=weight,
        cyclic=has_cycle(prereqs),
    )


def _drop_dominated(
    teachers: dict[str, tuple[str, ...]],
    teaches: Mapping[str, frozenset[str]],
    prereqs: Mapping[str, tuple[Prereq, ...]],
    weight: Mapping[str, int],
) -> None:
    """Leave out teachers no best plan takes: heavier than a teacher of the same skill that
    needs no prerequisite, teaching no other missing skill and meeting no prerequisite of
    a credential a plan could hold (any plan lies in the closure of the teachers).

    Such a teacher in a plan serves that one skill only; the lighter teacher does the
    same for less, so swapping them gives a lighter plan.  This keeps each skill's
    teachers to the few that can win and lets unrelated skills be solved apart.
    """
    reach = _closure((t for ts in teachers.values() for t in ts), prereqs)
    providers = {p for cid in reach for _q, ps in prereqs[cid] for p in ps}
    for skill, cands in teachers.items():
        free = [weight[t] for t in cands if not prereqs.get(t)]
        if not free:
            continue
        cap = min(free)
        teachers[skill] = tuple(
            t for t in cands if weight[t] <= cap or len(teaches[t]) > 1 or t in providers
        )


def _closure(start: Iterable[str], prereqs: Mapping[str, tuple[Prereq, ...]]) -> set[str]:
    """The credentials given and, transitively, the providers of their prerequisites."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        cid = todo.pop()
        if cid not in seen:
            seen.add(cid)
            todo.extend(p for _q, ps in prereqs[cid] for p in ps)
    return seen


def _covered(
    ctx: SkillGapContext, held: frozenset[str], known: Mapping[str, str], asked: set[str]
) -> dict[str, str]:
    """Asked skills the learner has, each with the credential that gives it (held ones first)."""
    out: dict[str, str] = {}
    givers = sorted(h for h in held if h in ctx.credentials) + sorted(known)
    for cid in givers:
        cred = ctx.credentials.get(cid)
        if cred is None:
            continue
        for skill in sorted(skills_of(cred) & asked):
            out.setdefault(skill, cid)
    return out


def _reachable(
    ctx: SkillGapContext,
    held: frozenset[str],
    allowed: frozenset[str],
    subs: Mapping[str, list[str]],
) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """Allowed credentials whose prerequisites can be met, and the providers that first did."""
    taken: set[str] = set()
    derivation: dict[str, tuple[str, ...]] = {}
    pending = sorted(allowed)
    unmet = {cid: unmet_prerequisites(ctx.credentials[cid], subs, held) for cid in pending}
    changed = True
    while changed:
        changed = False
        rest: list[str] = []
        for cid in pending:
            support: list[str] = []
            for _q, providers in unmet[cid]:
                hit = [p for p in providers if p in taken]
                if not hit:
                    break
                support.append(hit[0])
            else:
                taken.add(cid)
                derivation[cid] = tuple(dict.fromkeys(support))
                changed = True
                continue
            rest.append(cid)
        pending = rest
    return frozenset(taken), derivation
