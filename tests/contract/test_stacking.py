"""Stacking plans and reachable qualifications: same answers on every store."""

from __future__ import annotations

import pytest

from tests.support.backends import Backend
from tests.support.documents import PLAN, REACHABLE

TARGET = "ie-welding-cert"


def _plan(backend: Backend, **variables: object) -> dict:
    result = backend.gql(PLAN, {"t": TARGET, "h": [], **variables})
    assert "errors" not in result, result
    return result["data"]["stackingPlan"]


def _step_ids(plan: dict) -> list[str]:
    return [s["credential"]["id"] for s in plan["steps"]]


def _assert_ordered(plan: dict) -> None:
    seen: set[str] = set()
    for i, step in enumerate(plan["steps"], start=1):
        assert step["order"] == i
        for pre in step["credential"]["prerequisites"]:
            assert pre["id"] not in _step_ids(plan) or pre["id"] in seen
        seen.add(step["credential"]["id"])


def test_plan_from_nothing_is_least_ects_then_smallest_ids(backend: Backend) -> None:
    plan = _plan(backend)
    assert plan["achievable"] and not plan["alreadyComplete"] and plan["optimal"]
    assert sorted(_step_ids(plan)) == ["ie-drawing", "ie-mig", "ie-safety"]
    assert plan["additionalCredits"] == pytest.approx(10)
    assert plan["additionalHours"] == pytest.approx(250)
    _assert_ordered(plan)
    assert _step_ids(plan).index("ie-safety") < _step_ids(plan).index("ie-mig")
    assert plan["explanation"]


def test_recognised_foreign_credential_counts(backend: Backend) -> None:
    plan = _plan(backend, h=["ee-keevitus"])
    assert sorted(_step_ids(plan)) == ["ie-drawing", "ie-safety"]
    [counted] = plan["counted"]
    assert (counted["held"], counted["countsAs"], counted["basis"]) == (
        {"id": "ee-keevitus"},
        {"id": "ie-mig"},
        "RECOGNITION_DECISION",
    )
    assert counted["ects"] in (None, 5)
    text = " ".join(plan["explanation"])
    assert "QQI" in text and "2025-03-01" in text


def test_countries_filter_can_make_it_unachievable(backend: Backend) -> None:
    plan = _plan(backend, c=["EE"])
    assert plan["achievable"] is False and plan["steps"] == []
    assert plan["explanation"]


def test_empty_countries_means_nothing_new(backend: Backend) -> None:
    plan = _plan(backend, c=[], h=["ie-safety", "ie-tig"])
    assert plan["achievable"] is False


def test_already_complete(backend: Backend) -> None:
    plan = _plan(backend, h=["ie-safety", "ie-mig", "ie-drawing"])
    assert plan["alreadyComplete"] and plan["achievable"] and plan["steps"] == []
    assert plan["additionalCredits"] == 0


def test_alternatives_are_distinct_and_not_better(backend: Backend) -> None:
    plan = backend.gql(PLAN, {"t": TARGET, "h": [], "a": 2})["data"]["stackingPlan"]
    sets = [frozenset(_step_ids(plan))] + [
        frozenset(s["credential"]["id"] for s in alt["steps"]) for alt in plan["alternatives"]
    ]
    assert len(set(sets)) == len(sets) == 3
    costs = [plan["additionalCredits"]] + [a["additionalCredits"] for a in plan["alternatives"]]
    assert costs == sorted(costs)
    assert sets[1] == {"ie-drawing", "ie-safety", "ie-tig"}


def test_count_objective(backend: Backend) -> None:
    plan = _plan(backend, o="COUNT")
    assert len(plan["steps"]) == 3


def test_reachable_ranks_what_the_held_credentials_count_towards(backend: Backend) -> None:
    plans = backend.gql(REACHABLE, {"h": ["ee-keevitus"]})["data"]["reachable"]
    assert [p["target"]["id"] for p in plans] == [TARGET]
    assert plans[0]["additionalCredits"] == pytest.approx(5)
    assert backend.gql(REACHABLE, {"h": ["ee-keevitus"], "m": 4})["data"]["reachable"] == []
    assert backend.gql(REACHABLE, {"h": ["ee-keevitus"], "c": "EE"})["data"]["reachable"] == []


@pytest.mark.parametrize(
    ("doc", "variables", "code", "named"),
    [
        (PLAN, {"t": "nope", "h": []}, "NOT_FOUND", "nope"),
        (PLAN, {"t": TARGET, "h": ["ghost"]}, "NOT_FOUND", "ghost"),
        (PLAN, {"t": "ie-mig", "h": []}, "BAD_USER_INPUT", "ie-mig"),
        (PLAN, {"t": TARGET, "h": [], "a": -1}, "BAD_USER_INPUT", "alternatives"),
        (REACHABLE, {"h": ["ghost"]}, "NOT_FOUND", "ghost"),
        (REACHABLE, {"h": [], "f": 1000}, "BAD_USER_INPUT", "first"),
    ],
)
def test_bad_input(backend: Backend, doc: str, variables: dict, code: str, named: str) -> None:
    result = backend.gql(doc, variables)
    assert [e["extensions"]["code"] for e in result["errors"]] == [code]
    assert named in result["errors"][0]["message"]
    assert result["data"] is None
