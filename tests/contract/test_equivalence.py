"""Equivalents, compare and quality reports: same answers on every store."""

from __future__ import annotations

import pytest

from tests.support.backends import Backend

MATCH_FIELDS = """
  credential { id } score basis substantialDifferences
  level { score substantialDifference detail }
  workload { score substantialDifference detail }
  outcomes { score substantialDifference pairs { from { id } to { id } score } unmatched { id } }
  qualityAssurance { score substantialDifference detail }
  profile { score substantialDifference }
"""
EQUIVALENTS = (
    "query($id: ID!, $c: String, $m: Float, $f: Int) {"
    " equivalents(credential: $id, country: $c, minScore: $m, first: $f) {" + MATCH_FIELDS + "} }"
)
COMPARE = "query($a: ID!, $b: ID!) { compare(a: $a, b: $b) {" + MATCH_FIELDS + "} }"
QUALITY = """
query($id: ID!) { qualityReport(credential: $id) { credential { id } score missing warnings notes } }
"""


def _codes(result: dict) -> list[str]:
    return [e["extensions"]["code"] for e in result.get("errors", [])]


def test_recorded_full_decision_comes_first(backend: Backend) -> None:
    matches = backend.gql(EQUIVALENTS, {"id": "ee-keevitus"})["data"]["equivalents"]
    first = matches[0]
    assert first["credential"]["id"] == "ie-mig"
    assert (first["basis"], first["score"]) == ("RECOGNITION_DECISION", 1.0)
    assert all(m["basis"] == "COMPUTED" for m in matches[1:])
    assert "ee-keevitus" not in [m["credential"]["id"] for m in matches]
    # Welding outcomes align through the shared ESCO-style skill across languages.
    assert first["outcomes"]["pairs"][0]["from"]["id"] == "ee-keevitus#o1"


def test_recorded_none_decision_is_shown_as_such(backend: Backend) -> None:
    matches = backend.gql(EQUIVALENTS, {"id": "ie-care"})["data"]["equivalents"]
    none = [m for m in matches if m["credential"]["id"] == "ee-keevitus"]
    assert none and none[0]["basis"] == "RECOGNITION_DECISION" and none[0]["score"] == 0
    assert matches[0] == none[0]
    assert any(
        "NONE" in d or "not recognised" in d.lower() for d in none[0]["substantialDifferences"]
    )


def test_country_filter_and_min_score(backend: Backend) -> None:
    only_ie = backend.gql(EQUIVALENTS, {"id": "ee-keevitus", "c": "IE"})["data"]["equivalents"]
    assert only_ie and all(m["credential"]["id"].startswith("ie-") for m in only_ie)
    strict = backend.gql(EQUIVALENTS, {"id": "ee-keevitus", "m": 0.99})["data"]["equivalents"]
    assert [m["basis"] for m in strict] == ["RECOGNITION_DECISION"]


def test_compare_names_the_level_difference(backend: Backend) -> None:
    m = backend.gql(COMPARE, {"a": "ie-mig", "b": "ie-tig"})["data"]["compare"]
    assert m["basis"] == "COMPUTED"
    assert m["level"]["substantialDifference"] is True
    assert m["workload"]["substantialDifference"] is False
    back = backend.gql(COMPARE, {"a": "ie-tig", "b": "ie-mig"})["data"]["compare"]
    assert back["level"] == m["level"] or (
        back["level"]["score"] == m["level"]["score"]
        and back["level"]["substantialDifference"] == m["level"]["substantialDifference"]
    )


def test_compare_reports_recorded_decision_as_basis(backend: Backend) -> None:
    m = backend.gql(COMPARE, {"a": "ee-keevitus", "b": "ie-mig"})["data"]["compare"]
    assert m["basis"] == "RECOGNITION_DECISION"
    assert m["workload"]["score"] < 1  # computed either way: 6 against 5 ECTS


def test_quality_report_lists_missing_elements(backend: Backend) -> None:
    r = backend.gql(QUALITY, {"id": "ie-care"})["data"]["qualityReport"]
    assert r["missing"] == [
        "type of assessment",
        "form of participation",
        "type of quality assurance",
    ]
    assert r["score"] == pytest.approx(6 / 9, abs=1e-4)
    assert any("issued credential" in n for n in r["notes"])
    full = backend.gql(QUALITY, {"id": "ie-mig"})["data"]["qualityReport"]
    assert full["missing"] == [] and full["score"] == 1


@pytest.mark.parametrize(
    ("doc", "variables", "code"),
    [
        (EQUIVALENTS, {"id": "nope"}, "NOT_FOUND"),
        (EQUIVALENTS, {"id": "ie-mig", "f": 0}, "BAD_USER_INPUT"),
        (EQUIVALENTS, {"id": "ie-mig", "f": 101}, "BAD_USER_INPUT"),
        (EQUIVALENTS, {"id": "ie-mig", "m": 1.5}, "BAD_USER_INPUT"),
        (EQUIVALENTS, {"id": "ie-mig", "m": -0.1}, "BAD_USER_INPUT"),
        (COMPARE, {"a": "ie-mig", "b": "nope"}, "NOT_FOUND"),
        (COMPARE, {"a": "nope", "b": "ie-mig"}, "NOT_FOUND"),
        (QUALITY, {"id": "nope"}, "NOT_FOUND"),
    ],
)
def test_bad_input(backend: Backend, doc: str, variables: dict, code: str) -> None:
    result = backend.gql(doc, variables)
    assert _codes(result) == [code]
    assert result["data"] is None
