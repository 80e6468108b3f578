"""The relaxation that bounds the stacking search: a cheap lower bound on what is left.

Each pending slot costs its cheapest available filler (0 when a held or already
taken credential can fill it), an `all` the sum of its children, an `any` its
`count` cheapest children, and a `credits` rule the fractional knapsack of its
slots by best weight per ECTS.  Fillers of different slots are different
credentials, so the sum never counts one credential twice; prerequisites count 0
here because one credential can meet many of them.  Divisions round down, so the
bound stays below the true cost and pruning at `>=` stays exact.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from pathways.domain.stacking.model import Node, Problem, Slot

RULE, ANY, CREDITS, PRE = 0, 1, 2, 3
"""Goal kinds: meet a rule; the rest of an `any`; the rest of a `credits`; a prerequisite."""

Goal = tuple[int, int, int, int]
Stack = Optional[tuple[Goal, "Stack"]]  # noqa: UP045 (a recursive alias needs the string form)


class Relaxation:
    """Lower bounds on the weight still needed to meet the goals of a stack."""

    problem: Problem
    nodes: tuple[Node, ...]
    cost: Mapping[str, int]
    held: frozenset[str]
    take: frozenset[str]
    used: set[str]
    inset: set[str]
    unreachable: int

    def _lower_bound(self, stack: Stack, cap: int) -> int:
        total = 0
        while stack is not None:
            (kind, index, i, need), stack = stack
            if kind == RULE:
                total += self._node_lb(self.nodes[index])
            elif kind == ANY:
                total += self._any_lb(self.nodes[index], i, need)
            elif kind == CREDITS:
                total += self._credits_lb(self.nodes[index], i, need)
            if total >= cap:
                return total
        return total

    def _node_lb(self, node: Node) -> int:
        if node.kind == "credential":
            return self._slot_lb(node.slots[0])
        if node.kind == "all":
            total = 0
            for child in node.children:
                total += self._node_lb(self.nodes[child])
                if total >= self.unreachable:
                    break
            return total
        if node.kind == "any":
            return self._any_lb(node, 0, node.count)
        return self._credits_lb(node, 0, node.needed)

    def _slot_lb(self, slot: Slot) -> int:
        best = self.unreachable
        used, inset, held, take = self.used, self.inset, self.held, self.take
        for opt in slot.options:
            cid = opt.credential
            if cid in used:
                continue
            if cid in held or cid in inset:
                return 0
            if cid in take:
                best = min(best, self.cost[cid])
        return best

    def _any_lb(self, node: Node, i: int, need: int) -> int:
        if need <= 0:
            return 0
        lbs = sorted(self._node_lb(self.nodes[c]) for c in node.children[i:])
        if len(lbs) < need:
            return self.unreachable
        return sum(lbs[:need])

    def _credits_lb(self, node: Node, i: int, need: int) -> int:
        if need <= 0:
            return 0
        used, inset, held, take = self.used, self.inset, self.held, self.take
        paid: set[int] = set()
        for j in range(i, len(node.slots)):
            slot = node.slots[j]
            free = False
            avail = False
            for opt in slot.options:
                cid = opt.credential
                if cid in used:
                    continue
                if cid in held or cid in inset:
                    free = True
                    break
                if cid in take:
                    avail = True
            if free:
                need -= slot.max_value
                if need <= 0:
                    return 0
            elif avail:
                paid.add(j)
        cost = 0
        for j in node.ratio_order:
            if j not in paid:
                continue
            slot = node.slots[j]
            assert slot.ratio is not None
            weight, value = slot.ratio
            if slot.max_value >= need:
                return cost + weight * need // value
            cost += weight * slot.max_value // value
            need -= slot.max_value
        return self.unreachable
