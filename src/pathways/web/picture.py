"""The plan as a graph to draw: held credentials, what they count as, the steps, the target.

Only which nodes and edges there are is decided here; where they go is the layout
library's job in the browser (static/vendor/dagre, called by static/plan.js).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pathways.domain.stacking import Plan
from pathways.model import Credential, rule_credentials
from pathways.web.render import number

NodeKind = Literal["held", "countsas", "step", "target"]
EdgeKind = Literal["counts-as", "prerequisite-of", "fills-requirement-of"]

EDGE_LABELS: Mapping[EdgeKind, str] = {
    "counts-as": "counts as",
    "prerequisite-of": "prerequisite of",
    "fills-requirement-of": "fills requirement of",
}

_RANK: Mapping[NodeKind, int] = {"target": 0, "held": 1, "step": 2, "countsas": 3}


@dataclass(frozen=True, slots=True)
class PictureNode:
    """One credential in the picture, with the line that says what it is in this plan."""

    id: str
    kind: NodeKind
    title: str
    note: str


@dataclass(frozen=True, slots=True)
class PictureEdge:
    """A relation between two credentials of the picture."""

    source: str
    target: str
    kind: EdgeKind

    @property
    def label(self) -> str:
        """The relation in words."""
        return EDGE_LABELS[self.kind]


@dataclass(frozen=True, slots=True)
class Picture:
    """Nodes and edges of a plan, in a stable order."""

    nodes: tuple[PictureNode, ...]
    edges: tuple[PictureEdge, ...]

    def as_json(self) -> dict[str, object]:
        """What static/plan.js draws."""
        return {
            "nodes": [
                {"id": n.id, "kind": n.kind, "title": n.title, "note": n.note} for n in self.nodes
            ],
            "edges": [
                {"source": e.source, "target": e.target, "kind": e.kind, "label": e.label}
                for e in self.edges
            ],
        }


def picture(plan: Plan, held: tuple[str, ...], credentials: Mapping[str, Credential]) -> Picture:
    """The picture of `plan` for a learner holding `held` (every held credential is shown)."""
    kinds: dict[str, NodeKind] = {}

    def put(cid: str, kind: NodeKind) -> None:
        if cid not in kinds or _RANK[kind] < _RANK[kinds[cid]]:
            kinds[cid] = kind

    put(plan.target, "target")
    for cid in held:
        put(cid, "held")
    for step in plan.steps:
        put(step.credential, "step")
        if step.counts:
            put(step.counts, "countsas")
    for counted in plan.counted:
        if counted.counts_as != counted.held:
            put(counted.counts_as, "countsas")

    target = credentials.get(plan.target)
    rule = target.requirements if target else None
    in_rule = set(rule_credentials(rule)) if rule else set()
    edges: dict[tuple[str, str], EdgeKind] = {}

    def link(a: str, b: str, kind: EdgeKind) -> None:
        if a != b and a in kinds and b in kinds:
            edges.setdefault((a, b), kind)

    for counted in plan.counted:
        link(counted.held, counted.counts_as, "counts-as")
    for step in plan.steps:
        if step.counts:
            link(step.credential, step.counts, "counts-as")
    # what fills the target's rule: steps taken as themselves, what is counted for the
    # learner, and held credentials counted as themselves (not those counted as another)
    as_itself = {c.held for c in plan.counted if c.counts_as == c.held}
    substitutes = {s.credential for s in plan.steps if s.counts}
    for cid, kind in list(kinds.items()):
        cred = credentials.get(cid)
        for pre in cred.prerequisites if cred and kind == "step" else ():
            link(pre, cid, "prerequisite-of")
        fills = {
            "step": cid not in substitutes,
            "countsas": True,
            "held": cid in as_itself,
            "target": False,
        }[kind]
        if fills and cid in in_rule:
            link(cid, plan.target, "fills-requirement-of")

    order = {s.credential: s.order for s in plan.steps}
    nodes = tuple(
        PictureNode(cid, kind, _title(cid, credentials), _note(cid, kind, order, credentials))
        for cid, kind in sorted(kinds.items(), key=lambda item: _sort_key(item, order))
    )
    return Picture(nodes, tuple(PictureEdge(a, b, k) for (a, b), k in edges.items()))


def _sort_key(item: tuple[str, NodeKind], order: Mapping[str, int]) -> tuple[int, int, str]:
    cid, kind = item
    place = {"held": 0, "countsas": 1, "step": 2, "target": 3}[kind]
    return (place, order.get(cid, 0), cid)


def _title(cid: str, credentials: Mapping[str, Credential]) -> str:
    cred = credentials.get(cid)
    return cred.title if cred else cid


def _note(
    cid: str,
    kind: NodeKind,
    order: Mapping[str, int],
    credentials: Mapping[str, Credential],
) -> str:
    cred = credentials.get(cid)
    where = f"{cred.country} · {number(cred.workload_ects)} ECTS" if cred else "not in the graph"
    if kind == "step":
        return f"Step {order[cid]} · {where}"
    if kind == "held":
        return f"You hold this · {where}"
    if kind == "countsas":
        return f"Counted for you · {where}"
    return f"Target · {where}"
