"""The prerequisite structure of a planning context: what can be taken, cycles, groups."""

from __future__ import annotations

from collections.abc import Mapping

from pathways.domain.stacking.model import Node, Prereq
from pathways.model import Credential, PlanningContext


def unmet_prerequisites(
    cred: Credential, subs: Mapping[str, list[str]], held: frozenset[str]
) -> list[tuple[str, list[str]]]:
    """Each prerequisite of `cred` no held credential meets, with the credentials that would
    meet it: the prerequisite and its full substitutes, never `cred` itself."""
    needs: list[tuple[str, list[str]]] = []
    for q in cred.prerequisites:
        providers = [p for p in [q, *subs.get(q, [])] if p != cred.id]
        if not any(p in held for p in providers):
            needs.append((q, providers))
    return needs


def prerequisites(
    ctx: PlanningContext,
    subs: Mapping[str, list[str]],
    held: frozenset[str],
    allowed: frozenset[str],
) -> tuple[dict[str, tuple[Prereq, ...]], frozenset[str]]:
    """Unmet prerequisites of every allowed credential, and those that can still be taken."""
    pending = {
        cid: [
            (q, [p for p in providers if p in allowed])
            for q, providers in unmet_prerequisites(ctx.credentials[cid], subs, held)
        ]
        for cid in sorted(allowed)
    }
    alive = set(allowed)
    changed = True
    while changed:
        changed = False
        for cid in sorted(alive):
            if any(not any(p in alive for p in provs) for _, provs in pending[cid]):
                alive.discard(cid)
                changed = True
    prereqs = {
        cid: tuple((q, tuple(p for p in provs if p in alive)) for q, provs in pending[cid])
        for cid in alive
    }
    return prereqs, frozenset(alive)


def has_cycle(prereqs: Mapping[str, tuple[Prereq, ...]]) -> bool:
    state: dict[str, int] = {}
    for start in prereqs:
        if state.get(start):
            continue
        stack = [(start, iter([p for _, ps in prereqs[start] for p in ps]))]
        state[start] = 1
        while stack:
            cid, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[cid] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return True
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter([p for _, ps in prereqs.get(nxt, ()) for p in ps])))
    return False


def group_children(
    raw: list[Node], prereqs: Mapping[str, tuple[Prereq, ...]]
) -> tuple[list[Node], tuple[int, ...]]:
    """Split a top-level `all` into groups of children that share no credential."""
    root = raw[0]
    if root.kind != "all" or len(root.children) < 2:
        return raw, (0,)
    owner: dict[str, int] = {}
    parent = list(range(len(root.children)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pos, child in enumerate(root.children):
        for cid in _closure(raw, child, prereqs):
            if cid in owner:
                parent[find(pos)] = find(owner[cid])
            else:
                owner[cid] = pos
    members: dict[int, list[int]] = {}
    for pos, child in enumerate(root.children):
        members.setdefault(find(pos), []).append(child)
    nodes = list(raw)
    groups: list[int] = []
    for kids in members.values():
        if len(kids) == 1:
            groups.append(kids[0])
        else:
            nodes.append(Node(len(nodes), "all", None, 0, children=tuple(kids)))
            groups.append(len(nodes) - 1)
    return nodes, tuple(groups)


def _closure(nodes: list[Node], index: int, prereqs: Mapping[str, tuple[Prereq, ...]]) -> set[str]:
    seen: set[str] = set()
    todo = [index]
    while todo:
        node = nodes[todo.pop()]
        todo.extend(node.children)
        for slot in node.slots:
            work = [o.credential for o in slot.options]
            while work:
                cid = work.pop()
                if cid in seen:
                    continue
                seen.add(cid)
                work.extend(p for _, provs in prereqs.get(cid, ()) for p in provs)
    return seen
