"""Round trips through ELM, OB3 and CTDL: what comes back, and what a format cannot hold."""

from __future__ import annotations

import dataclasses

from pathways.model import Graph
from pathways.portability import portability


def _inputs(graph: Graph, cid: str) -> tuple:  # type: ignore[type-arg]
    cred = graph.credentials[cid]
    skills = tuple(graph.skills[s] for s in sorted({s for o in cred.outcomes for s in o.skills}))
    return cred, graph.providers["gti"], graph.frameworks["IE-NFQ"], skills


def test_a_complete_credential_survives_every_format(small_graph: Graph) -> None:
    facts = portability(*_inputs(small_graph, "ie-mig"))
    assert [f.format for f in facts] == ["ELM", "OB3", "CTDL"]
    assert all(f.ok for f in facts)
    assert "2 learning outcome(s)" in facts[0].detail
    assert "no place for its form of participation" in facts[1].detail
    assert "no place" not in facts[0].detail and "no place" not in facts[2].detail


def test_what_does_not_come_back_is_named(small_graph: Graph) -> None:
    cred, _, framework, skills = _inputs(small_graph, "ie-mig")
    # an awarding body with no provider record has nothing the documents can name
    ghost = dataclasses.replace(cred, provider="ghost")
    facts = portability(ghost, None, framework, skills)
    assert [f.ok for f in facts] == [False, False, False]
    assert facts[0].detail == "writes, but reads back without its awarding body."


def test_white_space_in_the_title_is_no_loss(small_graph: Graph) -> None:
    cred, provider, framework, skills = _inputs(small_graph, "ie-mig")
    padded = dataclasses.replace(cred, title="  MIG welding  of steel plate ")
    assert all(f.ok for f in portability(padded, provider, framework, skills))
