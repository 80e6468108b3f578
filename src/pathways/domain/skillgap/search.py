"""Exact branch and bound for the skill-gap cover (problem.py explains the weights).

A node holds the credentials chosen so far and a cursor into their prerequisite
obligations.  Obligations are met first: each unmet one branches over its providers;
then the uncovered skill with the fewest available teachers branches over them.
Branch i forbids the candidates of branches 1..i-1 below it, so every set is
reached at most once and every set is still reachable (take the first candidate
that the set contains).  Weights are exact and distinct per set, so the lightest
set found is the unique best of (ECTS, count, sorted ids).

When the prerequisite graph of the candidates has a cycle, a set meeting every
obligation may still admit no order: then an obligation already met is also tried
with each further provider, and a set is kept only if it can be ordered.

The bound packs pending demands (uncovered skills, unmet obligations) whose
available candidates are pairwise disjoint and sums their cheapest weights: distinct
candidates, so never more than any completion costs, and pruning at `>=` is exact.
Skills whose candidate closures share no credential are solved apart (`groups`);
with the dominated teachers left out at compile time (problem.py) most skills of a
question form groups of one or two.
A greedy start (cheapest teacher plus the providers that first made it takeable)
gives an incumbent at once, so a search cut by its node budget or the request's
deadline still answers with a valid plan, marked not optimal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from pathways.domain import budget as deadlines
from pathways.domain.skillgap.problem import GapProblem
from pathways.domain.stacking.order import order_with

NODE_BUDGET = 200_000
"""Search nodes one skill-gap plan may visit before it settles for the best found."""

CHECK_EVERY = 256
"""Nodes between two looks at the request's deadline."""


class _Stop(Exception):
    pass


class Budget:
    """The search nodes left to every group of one skill-gap plan."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0


def solve(pb: GapProblem, node_budget: int = NODE_BUDGET) -> tuple[frozenset[str], bool]:
    """The best set covering every teachable missing skill, and whether it is proven best.

    Skills whose candidates (teachers and, transitively, the providers of their
    prerequisites) share no credential are solved apart: weights add up, so the best
    union is the union of the groups' bests.
    """
    budget = Budget(node_budget)
    chosen: set[str] = set()
    proven = True
    for group in groups(pb):
        best, done = GapSearch(pb, group, budget).run()
        chosen |= best
        proven = proven and done
    return frozenset(chosen), proven


def groups(pb: GapProblem) -> list[tuple[str, ...]]:
    """The missing skills in groups whose candidate closures are disjoint, in asked order."""
    owner: dict[str, int] = {}
    parent = list(range(len(pb.demands)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pos, skill in enumerate(pb.demands):
        todo = list(pb.teachers[skill])
        seen: set[str] = set()
        while todo:
            cid = todo.pop()
            if cid in seen:
                continue
            seen.add(cid)
            if cid in owner:
                parent[find(pos)] = find(owner[cid])
            else:
                owner[cid] = pos
            todo.extend(p for _q, ps in pb.prereqs.get(cid, ()) for p in ps)
    members: dict[int, list[str]] = {}
    for pos, skill in enumerate(pb.demands):
        members.setdefault(find(pos), []).append(skill)
    return [tuple(m) for m in members.values()]


class GapSearch:
    """One branch and bound over a group of a compiled skill-gap problem's demands."""

    def __init__(self, pb: GapProblem, demands: tuple[str, ...], budget: Budget) -> None:
        self.pb = pb
        self.demands = demands
        self.w = pb.weight
        self.budget = budget
        self.chosen: set[str] = set()
        self.weight = 0
        self.forbidden: set[str] = set()
        self.obligations: list[tuple[str, str, tuple[str, ...]]] = []
        self.best: frozenset[str] | None = None
        self.best_weight = 0

    def run(self) -> tuple[frozenset[str], bool]:
        """The best set found, and whether it is proven the best."""
        if not self.demands:
            return frozenset(), True
        start = self._greedy()
        self.best, self.best_weight = start, sum(self.w[c] for c in start)
        depth = 4 * (len(self.pb.takeable) + len(self.demands)) + 1000
        if sys.getrecursionlimit() < depth:
            sys.setrecursionlimit(depth)  # only ever raised; the limit is process-wide
        try:
            self._dfs(0)
        except _Stop:
            return start if self.best is None else self.best, False
        return start if self.best is None else self.best, True

    # --- the walk ------------------------------------------------------------------

    def _dfs(self, cursor: int) -> None:
        budget = self.budget
        budget.used += 1
        out_of_time = budget.used % CHECK_EVERY == 1 and deadlines.expired()
        if budget.used > budget.limit or out_of_time:
            raise _Stop
        if self.best is not None and self.weight + self._bound(cursor) >= self.best_weight:
            return
        chosen = self.chosen
        while cursor < len(self.obligations):
            _step, _q, providers = self.obligations[cursor]
            met = any(p in chosen for p in providers)
            if not met:
                self._branch(providers, cursor + 1)
                return
            if self.pb.cyclic:
                self._dfs(cursor + 1)
                self._branch(providers, cursor + 1)
                return
            cursor += 1
        skill = self._next_skill()
        if skill is None:
            self._leaf()
            return
        self._branch(self.pb.teachers[skill], cursor)

    def _branch(self, candidates: Iterable[str], cursor: int) -> None:
        """Take each available candidate in turn, forbidding the earlier ones below it."""
        banned: list[str] = []
        for cid in candidates:
            if cid in self.chosen or cid in self.forbidden:
                continue
            self._take(cid)
            self._dfs(cursor)
            self._untake(cid)
            self.forbidden.add(cid)
            banned.append(cid)
        self.forbidden.difference_update(banned)

    def _take(self, cid: str) -> None:
        self.chosen.add(cid)
        self.weight += self.w[cid]
        self.obligations.extend((cid, q, ps) for q, ps in self.pb.prereqs.get(cid, ()))

    def _untake(self, cid: str) -> None:
        del self.obligations[len(self.obligations) - len(self.pb.prereqs.get(cid, ())) :]
        self.weight -= self.w[cid]
        self.chosen.discard(cid)

    def _next_skill(self) -> str | None:
        """The uncovered skill with the fewest available teachers, or None when all are."""
        best: str | None = None
        fewest = 0
        for skill in self.demands:
            teachers = self.pb.teachers[skill]
            if any(t in self.chosen for t in teachers):
                continue
            n = sum(1 for t in teachers if t not in self.forbidden)
            if best is None or n < fewest:
                best, fewest = skill, n
        return best

    def _leaf(self) -> None:
        chosen = frozenset(self.chosen)
        if self.pb.cyclic and order_with(self.pb.prereqs, chosen) is None:
            return
        if self.best is None or self.weight < self.best_weight:
            self.best, self.best_weight = chosen, self.weight

    # --- the bound -----------------------------------------------------------------

    def _bound(self, cursor: int) -> int:
        """Cheapest weights of pending demands with pairwise disjoint candidates."""
        chosen, forbidden, w = self.chosen, self.forbidden, self.w
        demands: list[tuple[int, list[str]]] = []
        pending: list[tuple[str, ...]] = [
            ps for _s, _q, ps in self.obligations[cursor:] if not any(p in chosen for p in ps)
        ]
        for skill in self.demands:
            teachers = self.pb.teachers[skill]
            if not any(t in chosen for t in teachers):
                pending.append(teachers)
        for cands in pending:
            avail = [c for c in cands if c not in forbidden and c not in chosen]
            if not avail:
                return 1 << (self.best_weight.bit_length() + 1)
            demands.append((min(w[c] for c in avail), avail))
        demands.sort(key=lambda d: -d[0])
        used: set[str] = set()
        total = 0
        for cheapest, avail in demands:
            if used.isdisjoint(avail):
                used.update(avail)
                total += cheapest
        return total

    # --- the greedy start ------------------------------------------------------------

    def _greedy(self) -> frozenset[str]:
        """Cheapest teacher per uncovered skill with the providers that first made it takeable."""
        chosen: set[str] = set()
        for skill in self.demands:
            teachers = self.pb.teachers[skill]
            if any(t in chosen for t in teachers):
                continue
            chosen |= self._with_derivation(teachers[0])
        return frozenset(chosen)

    def _with_derivation(self, cid: str) -> set[str]:
        out: set[str] = set()
        todo = [cid]
        while todo:
            c = todo.pop()
            if c not in out:
                out.add(c)
                todo.extend(self.pb.derivation.get(c, ()))
        return out
