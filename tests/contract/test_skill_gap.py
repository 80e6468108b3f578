"""skillGapPlan: the least-ECTS credentials teaching the missing skills; same on every store.

In the small graph s:weld is taught by ee-keevitus (6 ECTS), ie-mig and ie-tig (5 each,
both after ie-safety) and the 20-ECTS certificate; s:safety by ie-safety (2) and ie-mig;
s:blueprint by ee-joonised (2) and ie-drawing (75 hours: 3); s:care by ie-care (4,
valid until 2030-12-31).  ee-keevitus is recognised FULL as ie-mig on 2025-03-01.
"""

from __future__ import annotations

import pytest

from tests.support.backends import Backend

GAP = (
    "query($s: [ID!]!, $h: [ID!], $c: [String!], $d: String) {"
    " skillGapPlan(skills: $s, held: $h, countries: $c, asOf: $d) {"
    " achievable optimal additionalCredits explanation"
    " covered { id } missing { id } uncovered { id label }"
    " steps { order credential { id } counts { id } } } }"
)


def _gap(backend: Backend, skills: list[str], **variables: object) -> dict:
    result = backend.gql(GAP, {"s": skills, **variables})
    assert "errors" not in result, result
    return result["data"]["skillGapPlan"]


def _ids(items: list[dict]) -> list[str]:
    return [i["id"] for i in items]


def _steps(plan: dict) -> list[str]:
    return [s["credential"]["id"] for s in plan["steps"]]


def test_least_ects_across_countries(backend: Backend) -> None:
    plan = _gap(backend, ["s:weld", "s:blueprint"])
    assert plan["achievable"] and plan["optimal"]
    assert _ids(plan["missing"]) == ["s:weld", "s:blueprint"]
    assert plan["covered"] == [] and plan["uncovered"] == []
    assert _steps(plan) == ["ee-joonised", "ee-keevitus"]
    assert plan["additionalCredits"] == pytest.approx(8)
    assert [s["order"] for s in plan["steps"]] == [1, 2]
    assert all(s["counts"] is None for s in plan["steps"])


def test_prerequisites_are_steps_first_and_ties_go_to_the_smaller_ids(backend: Backend) -> None:
    # MIG + safety and TIG + safety both cost 7 ECTS in two credentials: MIG's ids sort first.
    plan = _gap(backend, ["s:weld", "s:blueprint"], c=["IE"])
    assert _steps(plan) == ["ie-drawing", "ie-safety", "ie-mig"]
    assert plan["additionalCredits"] == pytest.approx(10)
    text = "\n".join(plan["explanation"])
    assert "prerequisite of 'MIG welding of steel plate'" in text


def test_held_and_recognised_credentials_cover_skills(backend: Backend) -> None:
    plan = _gap(backend, ["s:weld", "s:safety"], h=["ee-keevitus"], c=["IE"])
    assert _ids(plan["covered"]) == ["s:weld", "s:safety"]
    assert plan["missing"] == [] and plan["steps"] == [] and plan["achievable"]
    assert any("recognised as 'MIG welding of steel plate'" in line for line in plan["explanation"])
    before = _gap(backend, ["s:weld", "s:safety"], h=["ee-keevitus"], c=["IE"], d="2025-02-28")
    assert _ids(before["covered"]) == ["s:weld"]
    assert _ids(before["missing"]) == ["s:safety"]
    assert _steps(before) == ["ie-safety"]


def test_a_skill_no_allowed_credential_teaches_is_uncovered(backend: Backend) -> None:
    plan = _gap(backend, ["s:care", "s:blueprint"], c=["EE"])
    assert not plan["achievable"]
    assert _ids(plan["uncovered"]) == ["s:care"]
    assert plan["uncovered"][0]["label"] == "support older people"
    assert _steps(plan) == ["ee-joonised"]


def test_a_credential_out_of_its_dates_is_left_out_and_said(backend: Backend) -> None:
    assert _steps(_gap(backend, ["s:care"], d="2030-12-31")) == ["ie-care"]
    plan = _gap(backend, ["s:care"], d="2031-01-01")
    assert _ids(plan["uncovered"]) == ["s:care"] and plan["steps"] == []
    assert (
        "'Care of older people' is left out: it is valid until 2030-12-31, not on 2031-01-01."
        in plan["explanation"]
    )


@pytest.mark.parametrize(
    ("variables", "code", "named"),
    [
        ({"s": ["s:weld", "s:nope"]}, "NOT_FOUND", "s:nope"),
        ({"s": ["s:weld"], "h": ["ghost"]}, "NOT_FOUND", "ghost"),
        ({"s": ["s:weld"], "d": "2025-02-30"}, "BAD_USER_INPUT", "asOf"),
        ({"s": ["s:weld"] * 51}, "BAD_USER_INPUT", "skills"),
    ],
)
def test_bad_input(backend: Backend, variables: dict, code: str, named: str) -> None:
    result = backend.gql(GAP, variables)
    assert [e["extensions"]["code"] for e in result["errors"]] == [code]
    assert named in result["errors"][0]["message"]
    assert result["data"] is None
