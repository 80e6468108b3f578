"""Write records good and bad, and what validating them against the whole graph says.

The reference for a write's validation is the old path: the record checked against a
snapshot of the whole graph.  `validated` runs it; `records` draws records that hit
every check a write has (unknown and mistyped ids, prerequisite cycles through existing
credentials, outcome ids another credential uses, bad levels).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from pathways.errors import SeedValidationError
from pathways.model import Graph, Outcome
from pathways.seeds.dump import credential_record
from pathways.seeds.inputs import Near, credential_from_input
from pathways.seeds.loader import dependencies
from tests.support.paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from synth import synth_graph

CUSTOM_OUTCOME = "hand-set-outcome-7"


def write_graph() -> Graph:
    """A small synthetic graph with prerequisite chains and one hand-set outcome id."""
    graph = synth_graph(n_micro=300, n_quals=12, seed=5)
    first = next(iter(graph.credentials.values()))
    outcomes = (Outcome(CUSTOM_OUTCOME, "Hand-set outcome", "en", ()), *first.outcomes[1:])
    creds = {**graph.credentials, first.id: replace(first, outcomes=outcomes)}
    return replace(graph, credentials=creds)


def validated(data: dict[str, Any], graph: Graph, near: Near | None = None) -> object:
    """The credential, or the problems, as comparable plain data."""
    try:
        cred = credential_from_input(data, graph, near=near)
    except SeedValidationError as err:
        return ("problems", [(p.field, p.problem, p.id) for p in err.problems])
    return ("ok", credential_record(cred))


def long_cycle_write(graph: Graph) -> dict[str, Any]:
    """A credential made to need one that needs it through two or more others."""
    needs: dict[str, list[str]] = {}
    for cred in graph.credentials.values():
        for pre in cred.prerequisites:
            needs.setdefault(pre, []).append(cred.id)
    for own in sorted(needs):
        for mid in needs[own]:
            for top in needs.get(mid, []):
                for far in needs.get(top, []):
                    record = credential_record(graph.credentials[own])
                    record["prerequisites"] = [far]
                    return record
    raise AssertionError("the graph has no prerequisite chain of three")


def requirement_cycle_write(graph: Graph) -> dict[str, Any]:
    """A component made to require the qualification whose rule names it."""
    for cred in sorted(graph.credentials.values(), key=lambda c: c.id):
        if cred.requirements is not None:
            part = dependencies(cred)[-1]
            record = credential_record(graph.credentials[part])
            record["requirements"] = {"all": [{"credential": cred.id}]}
            return record
    raise AssertionError("the graph has no qualification")


def _typo(ident: str, at: int) -> str:
    # past the first two characters: Neo4j suggests from ids sharing those (an index seek)
    k = 2 + at % max(1, len(ident) - 2)
    return ident[:k] + ("x" if ident[k : k + 1] != "x" else "y") + ident[k + 1 :]


@st.composite
def records(draw: st.DrawFn, graph: Graph) -> dict[str, Any]:
    """A credential write: an existing record or a new one, with some checks made to fail."""
    ids = sorted(graph.credentials)
    base = graph.credentials[draw(st.sampled_from(ids))]
    data = credential_record(base)
    if draw(st.booleans()):
        data["id"] = f"written-{draw(st.integers(0, 3))}"
    own = str(data["id"])
    # who (transitively) depends on `own`: naming one of them closes a cycle
    needs: dict[str, list[str]] = {}
    for cred in graph.credentials.values():
        for pre in dependencies(cred):
            needs.setdefault(pre, []).append(cred.id)
    above, todo = set(), [own]
    while todo:
        for up in needs.get(todo.pop(), []):
            if up not in above:
                above.add(up)
                todo.append(up)
    pool = st.sampled_from(ids)
    choices = [pool, pool.map(lambda i: _typo(i, draw(st.integers(0, 9)))), st.just(own)]
    if above:
        choices.append(st.sampled_from(sorted(above)))
    if draw(st.booleans()):
        data["prerequisites"] = draw(st.lists(st.one_of(*choices), max_size=3, unique=True))
    if draw(st.integers(0, 4)) == 0 and data.get("provider"):
        data["provider"] = _typo(str(data["provider"]), draw(st.integers(0, 9)))
    outcomes = [dict(o) for o in data.get("outcomes", [])]
    if outcomes and draw(st.integers(0, 3)) == 0:
        outcomes[0]["skills"] = [*outcomes[0].get("skills", []), "synth-skill-zz"]
    if outcomes and draw(st.integers(0, 2)) == 0:
        other = graph.credentials[draw(pool)]
        taken = [o.id for o in other.outcomes] + [CUSTOM_OUTCOME, f"{own}#o1", "fresh-outcome"]
        outcomes[-1]["id"] = draw(st.sampled_from(taken))
    data["outcomes"] = outcomes
    if draw(st.integers(0, 5)) == 0 and isinstance(data.get("level"), dict):
        data["level"] = {**data["level"], "code": "99"}
    if draw(st.integers(0, 4)) == 0:
        # a rule naming a mistyped id, or one that depends on this credential (a cycle)
        named = draw(st.one_of(*choices[:2], *choices[3:]))
        data["requirements"] = {"any": [{"credential": named}, {"credential": "m0zz9"}]}
    return data
