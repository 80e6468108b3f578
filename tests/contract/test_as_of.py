"""asOf: credentials valid that day, decisions dated by then; same answers on every store.

The small graph dates two credentials (ie-tig valid from 2025-01-01, ie-care until
2030-12-31) and its decisions (ee-keevitus FULL as ie-mig on 2025-03-01).
"""

from __future__ import annotations

import pytest

from tests.support.backends import Backend

LIST = (
    "query($s: String, $d: String) { credentials(search: $s, asOf: $d, first: 100) {"
    " totalCount edges { node { id } } } }"
)
PLAN = (
    "query($h: [ID!]!, $d: String, $a: Int) {"
    ' stackingPlan(target: "ie-welding-cert", held: $h, asOf: $d, alternatives: $a) {'
    " achievable steps { credential { id } } counted { held { id } countsAs { id } }"
    " explanation alternatives { steps { credential { id } } } } }"
)
REACHABLE = "query($h: [ID!]!, $d: String) { reachable(held: $h, asOf: $d) { target { id } } }"
EQUIVALENTS = (
    "query($id: ID!, $d: String) { equivalents(credential: $id, asOf: $d, first: 20) {"
    " credential { id } basis } }"
)


def _ids(backend: Backend, search: str | None = None, day: str | None = None) -> set[str]:
    result = backend.gql(LIST, {"s": search, "d": day})
    assert "errors" not in result, result
    conn = result["data"]["credentials"]
    ids = {e["node"]["id"] for e in conn["edges"]}
    assert conn["totalCount"] == len(ids)
    return ids


def _plan(backend: Backend, held: list[str], day: str | None, alts: int = 0) -> dict:
    result = backend.gql(PLAN, {"h": held, "d": day, "a": alts})
    assert "errors" not in result, result
    return result["data"]["stackingPlan"]


def _steps(plan: dict) -> set[str]:
    return {s["credential"]["id"] for s in plan["steps"]}


def test_the_listing_keeps_only_credentials_valid_that_day(backend: Backend) -> None:
    today = _ids(backend)
    assert {"ie-tig", "ie-care"} <= today
    assert _ids(backend, day="2024-12-31") == today - {"ie-tig"}
    assert _ids(backend, day="2025-01-01") == today
    assert _ids(backend, day="2030-12-31") == today
    assert _ids(backend, day="2031-01-01") == today - {"ie-care"}
    assert "ie-tig" in _ids(backend, "TIG welding", "2025-06-01")
    assert "ie-tig" not in _ids(backend, "TIG welding", "2024-06-01")


def test_a_decision_counts_only_from_its_date(backend: Backend) -> None:
    before = _plan(backend, ["ee-keevitus"], "2025-02-28")
    assert _steps(before) == {"ie-drawing", "ie-mig", "ie-safety"}
    assert before["counted"] == []
    on = _plan(backend, ["ee-keevitus"], "2025-03-01")
    assert _steps(on) == {"ie-drawing", "ie-safety"}
    assert on["counted"] == [{"held": {"id": "ee-keevitus"}, "countsAs": {"id": "ie-mig"}}]


def test_a_credential_not_yet_valid_is_never_a_step_and_the_explanation_says_so(
    backend: Backend,
) -> None:
    plan = _plan(backend, [], "2024-12-31", alts=3)
    every = [_steps(plan)] + [
        {s["credential"]["id"] for s in alt["steps"]} for alt in plan["alternatives"]
    ]
    assert all("ie-tig" not in steps for steps in every)
    assert (
        "'TIG welding of stainless steel' is left out: it is valid from 2025-01-01, "
        "not on 2024-12-31." in plan["explanation"]
    )
    later = _plan(backend, [], "2025-06-01", alts=3)
    assert any(
        "ie-tig" in {s["credential"]["id"] for s in a["steps"]} for a in later["alternatives"]
    )
    assert not any("left out" in line for line in later["explanation"])


def test_reachable_waits_for_the_decision(backend: Backend) -> None:
    def targets(day: str | None) -> list[str]:
        result = backend.gql(REACHABLE, {"h": ["ee-keevitus"], "d": day})
        assert "errors" not in result, result
        return [p["target"]["id"] for p in result["data"]["reachable"]]

    assert targets(None) == ["ie-welding-cert"]
    assert targets("2025-03-01") == ["ie-welding-cert"]
    assert targets("2025-02-28") == []


def test_equivalents_match_only_valid_credentials_and_dated_decisions(backend: Backend) -> None:
    def matches(day: str | None) -> list[tuple[str, str]]:
        result = backend.gql(EQUIVALENTS, {"id": "ee-keevitus", "d": day})
        assert "errors" not in result, result
        return [(m["credential"]["id"], m["basis"]) for m in result["data"]["equivalents"]]

    assert matches("2025-03-01")[0] == ("ie-mig", "RECOGNITION_DECISION")
    early = matches("2024-12-31")
    assert all(basis == "COMPUTED" for _, basis in early)
    assert "ie-tig" not in [cid for cid, _ in early]
    assert "ie-tig" in [cid for cid, _ in matches("2025-03-01")]


@pytest.mark.parametrize("day", ["2025-02-30", "yesterday", "2025-3-1", "x" * 5000])
@pytest.mark.parametrize(
    ("doc", "variables"),
    [
        (LIST, {}),
        (PLAN, {"h": []}),
        (REACHABLE, {"h": ["ee-keevitus"]}),
        (EQUIVALENTS, {"id": "ee-keevitus"}),
    ],
)
def test_a_malformed_date_is_bad_user_input(
    backend: Backend, doc: str, variables: dict, day: str
) -> None:
    result = backend.gql(doc, {**variables, "d": day})
    assert [e["extensions"]["code"] for e in result["errors"]] == ["BAD_USER_INPUT"]
    assert "asOf" in result["errors"][0]["message"]
    assert result["data"] is None
