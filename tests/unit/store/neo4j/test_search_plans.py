"""Search and filtered listing run through indexes in Neo4j: no plan scans the credentials."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import GraphDatabase

from pathways.store.neo4j.catalog import Q, query, statements

SCANS = {"AllNodesScan", "NodeByLabelScan"}

_PAGE: dict[str, Any] = {
    "titles": [[0, 0.9]],
    "skills": ["s:weld"],
    "scores": [0.81],
    "skip": [],
    "after_score": 0.9,
    "after_id": "m1",
    "take": 11,
}

PARAMS: dict[Q, dict[str, Any]] = {
    Q.LIST_ALL: {"after": "", "take": 11, "country": None, "kind": None, "eqf": None},
    Q.LIST_BY_COUNTRY: {"after": "", "take": 11, "country": "EE", "kind": None, "eqf": 4},
    Q.LIST_BY_KIND: {"after": "m1", "take": 11, "country": None, "kind": "UNIT", "eqf": None},
    Q.SEARCH_SHORTLIST: {
        "hit_queries": ["+search_text:(weld weld* weld~1)"],
        "filtered_queries": ["+search_text:(weld weld* weld~1) +search_facets:c_ee"],
        "skill_queries": ["search_text:(weld weld* weld~1)"],
        "cap": 2000,
        "holders": True,
        "country": "EE",
        "kind": None,
        "eqf": None,
    },
    Q.SEARCH_TITLES: {"nodes": [0, 1], "with_ids": False, "skills": [[3, True], [4, False]]},
    Q.SEARCH_PAGE: {
        "candidates": [[0, 0.9], [1, 0.81]],
        "skills": ["s:weld"],
        "after_score": 0.9,
        "after_id": "m1",
        "take": 11,
    },
    Q.SEARCH_PAGE_FILTERED: {**_PAGE, "country": "IE", "kind": None, "eqf": 4, "skip": ["m1"]},
}


def _operators(plan: Any) -> list[tuple[str, str]]:
    """(operator, details) of every step of a plan, depth first."""
    name = str(plan["operatorType"]).split("@")[0]
    found = [(name, str(plan.get("args", {}).get("Details", "")))]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


@pytest.fixture(scope="module")
def schema(neo4j_uri: str) -> str:
    """The store's schema (its indexes) in place, as opening a store makes it."""
    with GraphDatabase.driver(neo4j_uri) as driver, driver.session() as session:
        for statement in statements(Q.SCHEMA):
            session.run(statement).consume()
    return neo4j_uri


@pytest.mark.parametrize("name", list(PARAMS), ids=lambda q: q.value)
def test_no_search_or_listing_plan_scans_credentials(schema: str, name: Q) -> None:
    with GraphDatabase.driver(schema) as driver, driver.session() as session:
        summary = session.run("EXPLAIN " + query(name), PARAMS[name]).consume()
    assert summary.plan is not None
    steps = _operators(summary.plan)
    scans = [(op, d) for op, d in steps if op in SCANS and "Credential" in d]
    assert scans == [], "\n".join(f"{op}: {d}" for op, d in steps)
    ops = {op for op, _ in steps}
    if name is Q.SEARCH_SHORTLIST:
        assert "ProcedureCall" in ops
    elif name is Q.SEARCH_TITLES:
        assert "NodeByIdSeek" in ops, steps
    elif name is Q.SEARCH_PAGE:
        # the bands Python ranked, by node id: no traversal of the skills' holders
        assert "NodeByIdSeek" in ops, steps
        assert not any(op.startswith("Expand") and "<-[" in d for op, d in steps), steps
    else:
        assert any("Index" in op or "CountStore" in op for op in ops), steps
    if name.value.startswith("list_"):
        # Pages come in index order and stop at $take: nothing sorts every match.
        assert not ops & {"Top", "Sort", "PartialTop"}, steps
        # The total is one counter looked up by key, not a count of the matches.
        assert any("Index" in op and ":ListingCount" in d for op, d in steps), steps


def test_the_id_order_comes_from_the_id_index_without_a_sort(schema: str) -> None:
    # read once a load by each replica: the index's order, not every credential sorted
    with GraphDatabase.driver(schema) as driver, driver.session() as session:
        summary = session.run("EXPLAIN " + query(Q.CREDENTIAL_ORDER)).consume()
    assert summary.plan is not None
    steps = _operators(summary.plan)
    ops = {op for op, _ in steps}
    assert any("Index" in op and ":Credential(id)" in d for op, d in steps), steps
    assert not ops & {"Top", "Sort", "PartialTop", "PartialSort"}, steps
