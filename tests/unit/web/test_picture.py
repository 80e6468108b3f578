"""The plan picture's nodes and edges, checked against the plan they draw."""

from __future__ import annotations

import asyncio

import pytest

from pathways.model import Graph, Objective, rule_credentials
from pathways.service import PlanResult, Service
from pathways.store.memory import MemoryStore
from pathways.web.picture import Picture, picture


def plan_for(graph: Graph, target: str, held: tuple[str, ...]) -> PlanResult:
    service = Service(MemoryStore(graph))
    return asyncio.run(service.stacking_plan(target, held, Objective.CREDITS, None, 0))


def check_against_plan(drawn: Picture, result: PlanResult, held: tuple[str, ...]) -> None:
    plan = result.plan
    kinds = {n.id: n.kind for n in drawn.nodes}
    assert len(kinds) == len(drawn.nodes), "a credential drawn twice"
    assert kinds[plan.target] == "target"
    for h in held:
        assert kinds[h] in ("held", "target")
    for step in plan.steps:
        assert kinds[step.credential] == "step"
        note = next(n.note for n in drawn.nodes if n.id == step.credential)
        assert note.startswith(f"Step {step.order} ")
    edges = {(e.source, e.target): e.kind for e in drawn.edges}
    for e in drawn.edges:
        assert e.source in kinds and e.target in kinds and e.source != e.target
    for c in plan.counted:
        if c.counts_as != c.held:
            assert edges[(c.held, c.counts_as)] == "counts-as"
    in_rule = set(rule_credentials(result.credentials[plan.target].requirements))  # type: ignore[arg-type]
    as_itself = {c.held for c in plan.counted if c.counts_as == c.held}
    substitutes = {s.credential for s in plan.steps if s.counts}
    for cid, kind in kinds.items():
        fills = (
            kind == "countsas" or cid in as_itself or (kind == "step" and cid not in substitutes)
        )
        if cid in in_rule and fills:
            assert (cid, plan.target) in edges
        if kind == "step":
            for pre in result.credentials[cid].prerequisites:
                if pre in kinds:
                    assert (pre, cid) in edges


def test_small_graph_plan_picture(small_graph: Graph) -> None:
    held = ("ee-keevitus",)
    result = plan_for(small_graph, "ie-welding-cert", held)
    drawn = picture(result.plan, held, result.credentials)
    check_against_plan(drawn, result, held)
    edges = {(e.source, e.target): e.kind for e in drawn.edges}
    # the Estonian course counts as MIG welding, which fills the requirement
    assert edges[("ee-keevitus", "ie-mig")] == "counts-as"
    assert edges[("ie-mig", "ie-welding-cert")] == "fills-requirement-of"
    assert edges[("ie-safety", "ie-welding-cert")] == "fills-requirement-of"
    # MIG is counted, not taken, so its own prerequisite is not drawn as one
    assert ("ie-safety", "ie-mig") not in edges


def test_a_step_needing_another_step_has_a_prerequisite_edge(shipped_graph: Graph) -> None:
    held = ("ee-voco-mag-keevitus",)
    result = plan_for(shipped_graph, "ie-gti-5s-welding-fabrication", held)
    drawn = picture(result.plan, held, result.credentials)
    kinds = {n.id: n.kind for n in drawn.nodes}
    pre = [e for e in drawn.edges if e.kind == "prerequisite-of"]
    assert any(kinds[e.source] == "step" and kinds[e.target] == "step" for e in pre)
    # the held course counts as MIG welding; it is MIG that fills the requirement
    edges = {(e.source, e.target): e.kind for e in drawn.edges}
    assert edges[("ee-voco-mag-keevitus", "ie-gti-mig-welding")] == "counts-as"
    assert ("ee-voco-mag-keevitus", "ie-gti-5s-welding-fabrication") not in edges
    assert edges[("ie-gti-mig-welding", "ie-gti-5s-welding-fabrication")] == "fills-requirement-of"


@pytest.mark.parametrize(
    ("target", "held"),
    [
        ("ie-gti-5s-welding-fabrication", ("ee-voco-mag-keevitus",)),
        ("ie-gti-5s-welding-fabrication", ()),
        ("ie-gti-5s-welding-fabrication", ("ee-voco-mag-keevitus", "ie-gti-weld-inspection")),
    ],
)
def test_shipped_graph_plan_pictures(
    shipped_graph: Graph, target: str, held: tuple[str, ...]
) -> None:
    result = plan_for(shipped_graph, target, held)
    check_against_plan(picture(result.plan, held, result.credentials), result, held)


def test_json_has_what_the_script_draws(small_graph: Graph) -> None:
    result = plan_for(small_graph, "ie-welding-cert", ())
    data = picture(result.plan, (), result.credentials).as_json()
    assert {n["kind"] for n in data["nodes"]} == {"step", "target"}  # type: ignore[index]
    assert {e["label"] for e in data["edges"]} <= {  # type: ignore[index]
        "counts as",
        "prerequisite of",
        "fills requirement of",
    }
