"""Exact branch and bound over the compiled rule tree (stacking_compile explains the weights).

The search walks a stack of goals: a rule to meet, the rest of an `any` (how many
children still needed) or of a `credits` rule (how many micro-ECTS still needed), or
a prerequisite of a credential just added.  Each leaf slot branches over the
credentials that can fill it, held or already-taken ones first; a credential fills at
most one slot, so no double counting.  Prerequisite goals branch over the
prerequisite and its FULL substitutes.  A node is cut when its weight plus a
relaxation (stacking_bound) reaches the incumbent.  Weights are exact integers and
distinct for distinct sets, so the best found is the unique best of the seeds.md order.

Two shortcuts keep it small and stay exact.  A held or already-taken credential
that can fill only this one slot, and counts at least as much as any other filler,
is used without branching (swapping it into any solution never costs more).  When
the prerequisite graph of the candidates has no cycle, a prerequisite already met
by a taken credential is not branched on either (any support is then orderable);
with a cycle every support is tried and the final set is checked for an order.

For `alternatives` the search keeps the `keep` best distinct inclusion-minimal
plans (a plan with a smaller plan inside it is that plan plus padding).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pathways.domain import budget as deadlines
from pathways.domain.stacking.bound import ANY, CREDITS, PRE, RULE, Relaxation, Stack
from pathways.domain.stacking.model import Node, Option, Problem, Slot
from pathways.domain.stacking.order import order_steps


@dataclass(frozen=True, slots=True)
class Fill:
    """A credential counted in one slot: node index, slot index, credential, micro-ECTS."""

    node: int
    slot: int
    credential: str
    value: int


@dataclass(frozen=True, slots=True)
class Support:
    """A prerequisite `prereq` of step `step` met by the new credential `provider`."""

    step: str
    prereq: str
    provider: str


@dataclass(frozen=True, slots=True)
class Found:
    """One plan the search found: the new credentials, their weight and why each is there."""

    credentials: frozenset[str]
    weight: int
    fills: tuple[Fill, ...]
    supports: tuple[Support, ...]


GRACE_NODES = 2_000
"""Nodes a search may still visit past the budget while it has found no plan at all."""

LATE_GRACE_NODES = 200
"""The grace of a search whose request's deadline had passed before it started (the tenth
alias of a greedy document): enough for a plain first plan, not for a hard one."""


CLOCK_EVERY = 1024
"""Nodes between two looks at the request's deadline (a clock read is ~50 ns, a node ~10 us)."""


class Budget:
    """A node budget shared by every search of one plan() call, cut short by the deadline.

    The deadline is the request's (domain.budget), so every plan of one request, across
    aliases and reachable's many targets, draws on the same time.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self.timed_out = False
        self.deadline = deadlines.current()
        late = self.deadline is not None and self.deadline.expired()
        self.grace = LATE_GRACE_NODES if late else GRACE_NODES
        self.probes: dict[tuple[int, frozenset[str]], bool] = {}

    def over(self) -> bool:
        """True once the nodes are spent or the deadline has passed."""
        if (
            self.used % CLOCK_EVERY == 0
            and self.deadline is not None
            and not self.timed_out
            and self.deadline.expired()
        ):
            self.timed_out = True
            self.limit = min(self.limit, self.used)
        return self.used > self.limit

    def stopped(self) -> str:
        """What stopped the search, for the explanation."""
        if self.timed_out and self.deadline is not None:
            return f"this request's time budget of {self.deadline.seconds:g} s"
        return f"its budget of {self.limit} nodes"


class _Stop(Exception):
    pass


class Search(Relaxation):
    """One branch and bound over the subtree at `root`."""

    def __init__(
        self,
        problem: Problem,
        root: int,
        budget: Budget,
        keep: int = 1,
        allowed: frozenset[str] | None = None,
        first_only: bool = False,
    ) -> None:
        self.problem = problem
        self.root = root
        self.budget = budget
        self.keep = keep
        self.take = problem.takeable if allowed is None else problem.takeable & allowed
        self.first_only = first_only
        self.held = problem.held
        self.nodes = problem.nodes
        self.cost = problem.weight
        self.inset: set[str] = set()
        self.used: set[str] = set()
        self.weight = 0
        self.fills: list[Fill] = []
        self.supports: list[Support] = []
        self.found: dict[frozenset[str], Found] = {}
        self.plans_seen: list[frozenset[str]] = []
        self.visited = 0
        self.unreachable = 1 << (max(self.cost.values(), default=1).bit_length() + 64)
        self.threshold = self.unreachable

    def run(self) -> tuple[list[Found], bool]:
        """The best plans found, best first, and whether the search finished."""
        complete = True
        try:
            self._dfs(((RULE, self.root, 0, 0), None))
        except _Stop:
            complete = self.first_only and bool(self.found)
        return sorted(self.found.values(), key=lambda f: f.weight), complete

    # --- the walk ---------------------------------------------------------------

    def _dfs(self, stack: Stack) -> None:
        budget = self.budget
        budget.used += 1
        self.visited += 1
        # Past the budget, a search still gets its grace nodes to find its first plan.
        if budget.over() and (self.found or self.visited > budget.grace):
            raise _Stop
        if self.weight + self._lower_bound(stack, self.threshold - self.weight) >= self.threshold:
            return
        if stack is None:
            self._leaf()
            return
        (kind, index, i, need), rest = stack
        if kind == RULE:
            self._expand(self.nodes[index], rest)
        elif kind == ANY:
            self._any(self.nodes[index], i, need, rest)
        elif kind == CREDITS:
            self._credits(self.nodes[index], i, need, rest)
        else:
            step, prereq, providers = self.problem.pre_goals[index]
            self._prereq(step, prereq, providers, rest)

    def _expand(self, node: Node, rest: Stack) -> None:
        if node.kind == "credential":
            self._slot(node, 0, lambda _v: rest)
        elif node.kind == "all":
            stack = rest
            for child in reversed(node.children):
                stack = ((RULE, child, 0, 0), stack)
            self._dfs(stack)
        elif node.kind == "any":
            self._dfs(((ANY, node.index, 0, node.count), rest))
        else:
            self._dfs(((CREDITS, node.index, 0, node.needed), rest))

    def _any(self, node: Node, i: int, need: int, rest: Stack) -> None:
        if need <= 0:
            self._dfs(rest)
            return
        if len(node.children) - i < need:
            return
        child = node.children[i]
        self._dfs(((RULE, child, 0, 0), ((ANY, node.index, i + 1, need - 1), rest)))
        self._dfs(((ANY, node.index, i + 1, need), rest))

    def _credits(self, node: Node, i: int, need: int, rest: Stack) -> None:
        if need <= 0:
            self._dfs(rest)
            return
        if i >= len(node.slots):
            return
        exclusive = self._slot(node, i, lambda v: ((CREDITS, node.index, i + 1, need - v), rest))
        if not exclusive:
            self._dfs(((CREDITS, node.index, i + 1, need), rest))

    def _slot(self, node: Node, i: int, then: Callable[[int], Stack]) -> bool:
        """Branch over the fillers of one slot; True when a free exclusive filler was forced."""
        slot: Slot = node.slots[i]
        used, inset, held = self.used, self.inset, self.held
        free = [
            o
            for o in slot.options
            if o.credential not in used and (o.credential in held or o.credential in inset)
        ]
        for opt in free:
            # Forcing is safe only when nothing could count more here (PARTIAL can beat X).
            if self.problem.occurrences.get(opt.credential, 0) == 1 and opt.value >= slot.max_value:
                self._use(node, i, opt, then(opt.value))
                return True
        for opt in free:
            self._use(node, i, opt, then(opt.value))
        for opt in slot.options:
            cid = opt.credential
            if cid in self.take and cid not in inset:
                self._take(cid)
                self._use(node, i, opt, self._push_prereqs(cid, then(opt.value)))
                self._untake(cid)
        return False

    def _use(self, node: Node, i: int, opt: Option, stack: Stack) -> None:
        self.used.add(opt.credential)
        self.fills.append(Fill(node.index, i, opt.credential, opt.value))
        self._dfs(stack)
        self.fills.pop()
        self.used.discard(opt.credential)

    def _take(self, cid: str) -> None:
        self.inset.add(cid)
        self.weight += self.cost[cid]

    def _untake(self, cid: str) -> None:
        self.inset.discard(cid)
        self.weight -= self.cost[cid]

    def _push_prereqs(self, cid: str, stack: Stack) -> Stack:
        for k in reversed(self.problem.pre_index.get(cid, ())):
            stack = ((PRE, k, 0, 0), stack)
        return stack

    def _prereq(self, step: str, q: str, providers: tuple[str, ...], rest: Stack) -> None:
        inset = self.inset
        for p in providers:
            if p in inset:
                self.supports.append(Support(step, q, p))
                self._dfs(rest)
                self.supports.pop()
                if not self.problem.cyclic:
                    return
        for p in providers:
            if p in self.take and p not in inset:
                self._take(p)
                self.supports.append(Support(step, q, p))
                self._dfs(self._push_prereqs(p, rest))
                self.supports.pop()
                self._untake(p)

    def _leaf(self) -> None:
        chosen = frozenset(self.inset)
        if chosen in self.found:
            return
        if self.problem.cyclic and order_steps(self.problem, chosen) is None:
            return
        if self.keep > 1:
            padded = any(seen < chosen for seen in self.plans_seen)
            self.plans_seen.append(chosen)
            if padded or not self._minimal(chosen):
                return
        self.found[chosen] = Found(chosen, self.weight, tuple(self.fills), tuple(self.supports))
        if self.first_only:
            raise _Stop
        if len(self.found) >= self.keep:
            ranked = sorted(self.found.values(), key=lambda f: f.weight)[: self.keep]
            self.found = {f.credentials: f for f in ranked}
            self.threshold = ranked[-1].weight

    def _minimal(self, chosen: frozenset[str]) -> bool:
        probes = self.budget.probes
        for cid in sorted(chosen):
            key = (self.root, chosen - {cid})
            if key not in probes:
                probe = Search(
                    self.problem, self.root, self.budget, allowed=key[1], first_only=True
                )
                inner = probe.run()[0]
                probes[key] = bool(inner)
                self.plans_seen.extend(f.credentials for f in inner)
            if probes[key]:
                return False
        return True
