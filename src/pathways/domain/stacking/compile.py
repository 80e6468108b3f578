"""Compiles a PlanningContext into the exact integer problem the stacking search solves.

Every takeable credential gets one positive integer weight that encodes the whole
tie-break order of seeds.md at once:

    weight(c) = cost(c) * M1 + M2 - 2 ** (N - 1 - rank(c))

with cost in micro-units (ECTS, hours, or 0 for COUNT), rank the position of the id
among the N candidates sorted, M2 = 2**N and M1 large enough that the count and
rank parts never reach one unit of cost.  Summed over a set P this is
cost(P) * M1 + |P| * M2 - bits(P), and for sets of equal size the set with the
larger `bits` is the one whose sorted id list is smaller.  So comparing plain
integer sums compares (cost, count, sorted ids) exactly, with no float in sight,
and the search can be an ordinary additive branch and bound.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from pathways.domain.stacking.graph import group_children, has_cycle, prerequisites
from pathways.domain.stacking.model import (
    Node,
    Option,
    Problem,
    Slot,
    allowed_new,
    best_recognitions,
    full_substitutes,
    micro,
)
from pathways.model import (
    AllRule,
    AnyRule,
    Credential,
    CredentialRule,
    CreditsRule,
    Decision,
    Objective,
    PlanningContext,
    Recognition,
    Rule,
)


def compile_problem(
    ctx: PlanningContext, objective: Objective, countries: frozenset[str] | None
) -> Problem:
    """Build the search problem for a target with requirements."""
    assert ctx.target.requirements is not None
    recs = best_recognitions(ctx.recognitions)
    subs = full_substitutes(recs)
    into: dict[str, list[Recognition]] = {}
    for key in sorted(recs):
        into.setdefault(key[1], []).append(recs[key])
    held = frozenset(ctx.held)
    allowed = allowed_new(ctx, countries)
    prereqs, takeable = prerequisites(ctx, subs, held, allowed)
    costs = {cid: _cost(ctx.credentials[cid], objective) for cid in takeable}
    weights = tie_break_weights(costs)
    raw: list[Node] = []
    _compile_rule(ctx, ctx.target.requirements, None, raw, into, held, takeable, weights)
    occurrences: dict[str, int] = {}
    for node in raw:
        for slot in node.slots:
            for opt in slot.options:
                occurrences[opt.credential] = occurrences.get(opt.credential, 0) + 1
    nodes, groups = group_children(raw, prereqs)
    pre_goals: list[tuple[str, str, tuple[str, ...]]] = []
    pre_index: dict[str, tuple[int, ...]] = {}
    for cid in sorted(prereqs):
        start = len(pre_goals)
        pre_goals.extend(
            (cid, q, tuple(sorted(ps, key=weights.__getitem__))) for q, ps in prereqs[cid]
        )
        pre_index[cid] = tuple(range(start, len(pre_goals)))
    return Problem(
        ctx=ctx,
        objective=objective,
        countries=countries,
        held=held,
        nodes=tuple(nodes),
        takeable=takeable,
        weight=weights,
        cost=costs,
        prereqs=prereqs,
        occurrences=occurrences,
        cyclic=has_cycle(prereqs),
        groups=groups,
        pre_goals=tuple(pre_goals),
        pre_index=pre_index,
    )


def _cost(cred: Credential, objective: Objective) -> int:
    if objective is Objective.CREDITS:
        return micro(cred.workload_ects)
    if objective is Objective.HOURS:
        return micro(cred.workload_hours)
    return 0


def tie_break_weights(costs: Mapping[str, int]) -> dict[str, int]:
    """One positive integer per id whose sums order sets by (cost, size, sorted ids) exactly."""
    ids = sorted(costs)
    n = len(ids)
    m2 = 1 << n
    m1 = 1 << (n + n.bit_length() + 1)
    return {cid: costs[cid] * m1 + m2 - (1 << (n - 1 - rank)) for rank, cid in enumerate(ids)}


def _compile_rule(
    ctx: PlanningContext,
    rule: Rule,
    parent: int | None,
    out: list[Node],
    into: Mapping[str, list[Recognition]],
    held: frozenset[str],
    takeable: frozenset[str],
    weights: Mapping[str, int],
) -> int:
    index = len(out)
    out.append(Node(index, "all", rule, parent))
    if isinstance(rule, CredentialRule):
        slot = _slot(ctx, rule.credential, False, into, held, takeable, weights)
        out[index] = Node(index, "credential", rule, parent, slots=(slot,))
    elif isinstance(rule, CreditsRule):
        slots = [_slot(ctx, x, True, into, held, takeable, weights) for x in rule.sources]
        slots.sort(key=lambda s: _slot_order(s, held))
        by_ratio = sorted(
            (i for i, s in enumerate(slots) if s.ratio is not None),
            key=lambda i: _ratio(slots[i]),
        )
        out[index] = Node(
            index,
            "credits",
            rule,
            parent,
            needed=micro(rule.credits),
            slots=tuple(slots),
            ratio_order=tuple(by_ratio),
        )
    else:
        kids = [
            _compile_rule(ctx, c, index, out, into, held, takeable, weights) for c in rule.children
        ]
        if isinstance(rule, AllRule):
            out[index] = Node(index, "all", rule, parent, children=tuple(kids))
        else:
            assert isinstance(rule, AnyRule)
            kids.sort(key=lambda k: static_lower_bound(out, k, held, weights))
            out[index] = Node(index, "any", rule, parent, tuple(kids), count=rule.count)
    return index


def _slot(
    ctx: PlanningContext,
    x: str,
    credits: bool,
    into: Mapping[str, list[Recognition]],
    held: frozenset[str],
    takeable: frozenset[str],
    weights: Mapping[str, int],
) -> Slot:
    own = ctx.credentials.get(x)
    full_value = micro(own.workload_ects) if own is not None and credits else 0
    opts: list[Option] = []
    if x != ctx.target.id and (x in held or x in takeable):
        opts.append(Option(x, full_value, None))
    for rec in into.get(x, ()):
        src, dst = rec.from_id, rec.to_id
        if dst != x or src in (x, ctx.target.id) or not (src in held or src in takeable):
            continue
        if rec.decision is Decision.FULL:
            opts.append(Option(src, full_value, rec))
        elif credits:
            opts.append(Option(src, micro(rec.ects or 0.0), rec))
    if credits:
        opts = [o for o in opts if o.value > 0]
    opts.sort(key=lambda o: (o.credential not in held, weights.get(o.credential, 0), o.credential))
    paid = [o for o in opts if o.credential not in held]
    ratio = None
    if paid:
        best = min(paid, key=lambda o: Fraction(weights[o.credential], max(o.value, 1)))
        ratio = (weights[best.credential], max(best.value, 1))
    return Slot(x, tuple(opts), max((o.value for o in opts), default=0), ratio)


def _ratio(slot: Slot) -> Fraction:
    assert slot.ratio is not None
    return Fraction(*slot.ratio)


def _slot_order(slot: Slot, held: frozenset[str]) -> tuple[int, Fraction]:
    if any(o.credential in held for o in slot.options):
        return (0, Fraction(0))
    if slot.ratio is None:
        return (2, Fraction(0))
    return (1, _ratio(slot))


INF_BITS = 1 << 20


def static_lower_bound(
    nodes: list[Node], index: int, held: frozenset[str], weights: Mapping[str, int]
) -> int:
    """A rough cost of meeting a rule from the held set alone, to order `any` children."""
    node = nodes[index]
    if node.kind == "credential":
        opts = node.slots[0].options
        if not opts:
            return INF_BITS
        first = opts[0].credential
        return 0 if first in held else weights[first] >> 64
    if node.kind == "credits":
        return 0 if any(s.ratio is None and s.options for s in node.slots) else len(node.slots)
    bounds = sorted(static_lower_bound(nodes, c, held, weights) for c in node.children)
    if node.kind == "all":
        return sum(bounds)
    return sum(bounds[: node.count])
