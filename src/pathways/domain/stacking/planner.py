"""Stacking plans: the least a learner must still take to reach a target, and in which order.

Approach: an exact branch and bound in pure Python (stacking_solver), not an ILP.
The order of seeds.md (least cost, then fewest credentials, then the smallest
sorted list of ids) is lexicographic and must be exact.  stacking_compile folds all
three into one additive integer weight per credential (Python integers are
unbounded, so nothing rounds), which a float MILP such as HiGHS cannot hold: it
would need a re-solve per tie-break level and per id, and the "no double counting"
assignment plus prerequisite orders make the model large for trees of tens of
components.  An additive branch and bound compares the exact weights for free, the
relaxation of stacking_bound prunes hard on such trees, and a top-level `all` is
split into groups of children that share no credential, solved independently (the
weight is additive, so the best union is the union of the group bests, and the
k best unions merge from the groups' k best).  Measured by bench/bench_stacking.py
at 20,500 credentials: about 2 ms median and 4 ms p99 per plan for 31-40
components.  A node budget and the request's deadline (domain.budget) bound enormous
targets: the best plan found is returned with `optimal=False` and the explanation says so.

Where seeds.md is silent:
- Alternatives are the next-best inclusion-minimal plans: a plan with a smaller plan
  inside it is that plan padded with an unneeded credential, which no learner wants.
- Workloads and credit thresholds compare in millionths of an ECTS (or hour), so
  0.1 + 0.2 ECTS meets 0.3 and derived workloads (hours / 25) do not miss by a bit.
- The target itself is never a step; recognitions are direct (not transitive); of
  several decisions for one (from, to) pair FULL wins, then the most ECTS granted.
- A PARTIAL decision counts only in `credits` rules; a NONE decision never counts.
- `countries` compares the credential's country code exactly (GB does not admit GB-SCT).
"""

from __future__ import annotations

import heapq
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pathways import errors
from pathways.domain.dates import left_out_line, planning_on, valid_on
from pathways.domain.stacking import explain
from pathways.domain.stacking.compile import compile_problem
from pathways.domain.stacking.explain import title
from pathways.domain.stacking.model import MICRO, Problem, best_recognitions
from pathways.domain.stacking.order import order_steps
from pathways.domain.stacking.reasons import left_out_lines, not_counted_lines, unreachable_lines
from pathways.domain.stacking.solver import Budget, Found, Search
from pathways.model import Credential, Decision, Objective, PlanningContext

FRAMES_PER_GOAL = 6
"""Interpreter frames one goal of the search can hold on the stack at most."""

NODE_BUDGET = 100_000
"""Search nodes one plan() call may visit before it settles for the best found (about 1 s);
the request's deadline (domain.budget) may stop it sooner."""


@dataclass(frozen=True, slots=True)
class PlanStep:
    """One credential still to earn; `counts` is the requirement it fills as a substitute."""

    order: int
    credential: str
    counts: str | None


@dataclass(frozen=True, slots=True)
class Counted:
    """A held credential the plan counts, what it counts as, on which basis, for how many ECTS."""

    held: str
    counts_as: str
    basis: Literal["SAME_CREDENTIAL", "RECOGNITION_DECISION"]
    ects: float | None


@dataclass(frozen=True, slots=True)
class Plan:
    """A stacking plan for one target, with next-best distinct plans when asked for."""

    target: str
    achievable: bool
    already_complete: bool
    optimal: bool
    steps: tuple[PlanStep, ...]
    additional_credits: float
    additional_hours: float | None
    counted: tuple[Counted, ...]
    explanation: tuple[str, ...]
    alternatives: tuple[Plan, ...] = ()

    @property
    def step_ids(self) -> frozenset[str]:
        """The set P of credentials still to earn."""
        return frozenset(s.credential for s in self.steps)


def plan(
    ctx: PlanningContext,
    objective: Objective = Objective.CREDITS,
    countries: frozenset[str] | None = None,
    alternatives: int = 0,
    *,
    node_budget: int = NODE_BUDGET,
) -> Plan:
    """The best plan for ctx.target from ctx.held, with up to `alternatives` next-best ones."""
    target = ctx.target
    if target.requirements is None:
        raise errors.BadUserInput(
            f"credential '{target.id}' has no requirements: nothing stacks into it",
            id=target.id,
        )
    if alternatives < 0:
        raise errors.BadUserInput("alternatives must not be negative")
    if ctx.as_of is not None:
        ctx = planning_on(ctx, ctx.as_of)
    holder = _held_target(ctx)
    if holder is not None:
        return _held_plan(ctx, holder)
    if not valid_on(target, ctx.as_of):
        assert ctx.as_of is not None
        line = left_out_line(title(ctx, target.id), target, ctx.as_of)
        return Plan(target.id, False, False, True, (), 0.0, None, (), (line,))
    problem = compile_problem(ctx, objective, countries)
    _room_to_recurse(problem)
    budget = Budget(node_budget)
    found, complete = _solve(problem, alternatives + 1, budget)
    if not found:
        stopped = budget.stopped()
        lines = unreachable_lines(problem, complete, stopped) + not_counted_lines(problem, set())
        lines += left_out_lines(problem)
        return Plan(target.id, False, False, complete, (), 0.0, None, (), lines)
    alts = tuple(_build(problem, f, complete, budget.stopped()) for f in found[1:])
    return _build(problem, found[0], complete, budget.stopped(), alts)


def rank_reachable(
    plans: Sequence[Plan], max_additional_credits: float | None, first: int
) -> list[Plan]:
    """Achievable plans within the credit limit, least remaining ECTS first, then by id."""
    if first < 0:
        raise errors.BadUserInput("first must not be negative")
    kept = [
        p
        for p in plans
        if p.achievable
        and (
            max_additional_credits is None or micro_le(p.additional_credits, max_additional_credits)
        )
    ]
    kept.sort(key=lambda p: (round(p.additional_credits * MICRO), p.target))
    return kept[:first]


def micro_le(a: float, b: float) -> bool:
    """a <= b compared in millionths, so float noise does not exclude an exact fit."""
    return round(a * MICRO) <= round(b * MICRO)


# --- solving -------------------------------------------------------------------


def _solve(problem: Problem, keep: int, budget: Budget) -> tuple[list[Found], bool]:
    parts: list[list[Found]] = []
    complete = True
    for root in problem.groups:
        found, done = Search(problem, root, budget, keep=keep).run()
        complete = complete and done
        if not found:
            return [], complete
        parts.append(found)
    return _merge(parts, keep), complete


def _room_to_recurse(problem: Problem) -> None:
    """Make sure the search's recursion (a few frames per goal) fits in the interpreter limit."""
    goals = len(problem.nodes) + sum(len(n.slots) for n in problem.nodes) + len(problem.pre_goals)
    needed = FRAMES_PER_GOAL * goals + 1000
    # Only ever raised, never restored: the limit is process-wide and another thread may
    # be planning a large target too; Python 3.11+ recursion no longer costs C stack.
    if sys.getrecursionlimit() < needed:
        sys.setrecursionlimit(needed)


def _merge(parts: list[list[Found]], keep: int) -> list[Found]:
    """The `keep` lightest unions of one plan per independent group."""
    start = tuple(0 for _ in parts)
    heap = [(sum(p[0].weight for p in parts), start)]
    seen = {start}
    out: list[Found] = []
    while heap and len(out) < keep:
        weight, idx = heapq.heappop(heap)
        chosen = [parts[g][i] for g, i in enumerate(idx)]
        out.append(
            Found(
                frozenset().union(*(f.credentials for f in chosen)),
                weight,
                tuple(x for f in chosen for x in f.fills),
                tuple(x for f in chosen for x in f.supports),
            )
        )
        for g, i in enumerate(idx):
            if i + 1 < len(parts[g]):
                nxt = (*idx[:g], i + 1, *idx[g + 1 :])
                if nxt not in seen:
                    seen.add(nxt)
                    delta = parts[g][i + 1].weight - parts[g][i].weight
                    heapq.heappush(heap, (weight + delta, nxt))
    return out


# --- building results -----------------------------------------------------------


def _build(
    problem: Problem, found: Found, optimal: bool, stopped: str, alts: tuple[Plan, ...] = ()
) -> Plan:
    ctx = problem.ctx
    order = order_steps(problem, found.credentials)
    assert order is not None, "the search only keeps plans that can be ordered"
    slot_of = {f.credential: problem.nodes[f.node].slots[f.slot].credential for f in found.fills}
    steps = tuple(
        PlanStep(i + 1, cid, slot_of[cid] if slot_of.get(cid, cid) != cid else None)
        for i, cid in enumerate(order)
    )
    counted = tuple(
        _counted(problem, f.credential, f.node, f.slot, f.value)
        for f in found.fills
        if f.credential in problem.held
    )
    creds = [ctx.credentials[c] for c in order]
    lines = explain.plan_lines(problem, found, order, optimal, stopped)
    lines += not_counted_lines(problem, {c.held for c in counted})
    lines += left_out_lines(problem)
    return Plan(
        target=ctx.target.id,
        achievable=True,
        already_complete=not order,
        optimal=optimal,
        steps=steps,
        additional_credits=_total(c.workload_ects for c in creds),
        additional_hours=_total(c.workload_hours for c in creds),
        counted=counted,
        explanation=lines,
        alternatives=alts,
    )


def _total(values: Iterable[float]) -> float:
    return round(math.fsum(values), 6)


def _counted(problem: Problem, held: str, node: int, slot: int, value: int) -> Counted:
    x = problem.nodes[node].slots[slot].credential
    if problem.nodes[node].kind == "credits":
        ects: float | None = value / MICRO
    else:
        ects = _stated_ects(problem.ctx.credentials.get(x))
    basis: Literal["SAME_CREDENTIAL", "RECOGNITION_DECISION"] = (
        "SAME_CREDENTIAL" if held == x else "RECOGNITION_DECISION"
    )
    return Counted(held, x, basis, ects)


def _stated_ects(cred: Credential | None) -> float | None:
    """ECTS as given or derived from hours; None when the credential states no workload."""
    if cred is None or (cred.ects is None and cred.hours is None):
        return None
    return cred.workload_ects


def _held_target(ctx: PlanningContext) -> str | None:
    """The held credential that is the target or FULL-recognised as it, if any."""
    if ctx.target.id in ctx.held:
        return ctx.target.id
    recs = best_recognitions(ctx.recognitions)
    holders = sorted(
        src
        for (src, dst), rec in recs.items()
        if dst == ctx.target.id and src in ctx.held and rec.decision is Decision.FULL
    )
    return holders[0] if holders else None


def _held_plan(ctx: PlanningContext, holder: str) -> Plan:
    target = ctx.target
    basis: Literal["SAME_CREDENTIAL", "RECOGNITION_DECISION"] = (
        "SAME_CREDENTIAL" if holder == target.id else "RECOGNITION_DECISION"
    )
    counted = (Counted(holder, target.id, basis, _stated_ects(target)),)
    lines = explain.held_target_lines(ctx, holder)
    return Plan(target.id, True, True, True, (), 0.0, 0.0, counted, lines)
