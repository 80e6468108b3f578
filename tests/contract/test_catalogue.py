"""Frameworks, crosswalk, credential lookup and search: same answers on every store."""

from __future__ import annotations

import pytest

from tests.support.backends import Backend

FRAMEWORKS = "{ frameworks { code country levels { code eqf } } }"
FRAMEWORK = "query($c: String!) { framework(code: $c) { code name levels { code label eqf } } }"
CROSSWALK = """
query($f: String!, $l: String!, $t: String!) {
  crosswalk(framework: $f, level: $l, to: $t) { from { framework code eqf } to { code } viaEqf note }
}"""
CREDENTIAL = """
query($id: ID!) {
  credential(id: $id) {
    id kind title language country ects hours ectsDerived hoursDerived assessment participation
    qualityAssurance provider { id name country } level { framework code eqf }
    outcomes { id text language skills { id label(language: "et") } }
    prerequisites { id } stacksInto { id } recognitions { to { id } decision ects by date }
  }
}"""
SEARCH = """
query($s: String, $c: String, $e: Int, $k: CredentialKind, $first: Int, $after: String) {
  credentials(search: $s, country: $c, eqfLevel: $e, kind: $k, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor score node { id } }
  }
}"""


def _codes(result: dict) -> list[str]:
    return [e["extensions"]["code"] for e in result.get("errors", [])]


def test_frameworks_lists_eqf_first(backend: Backend) -> None:
    data = backend.gql(FRAMEWORKS)["data"]["frameworks"]
    assert [f["code"] for f in data] == ["EQF", "EE-EKR", "IE-NFQ", "XX-TWO"]
    assert data[0]["country"] is None
    assert [lvl["code"] for lvl in data[0]["levels"]] == [str(n) for n in range(1, 9)]


def test_framework_lookup_and_unknown_is_null(backend: Backend) -> None:
    fw = backend.gql(FRAMEWORK, {"c": "IE-NFQ"})["data"]["framework"]
    assert fw["levels"][3] == {"code": "5", "label": "Level 5 Certificate", "eqf": [4]}
    assert backend.gql(FRAMEWORK, {"c": "NOPE"}) == {"data": {"framework": None}}


@pytest.mark.parametrize(
    ("f", "lvl", "to", "expected", "via"),
    [
        ("IE-NFQ", "5", "EQF", ["4"], [4]),
        ("EQF", "1", "IE-NFQ", ["1", "2"], [1]),
        ("IE-NFQ", "5", "EE-EKR", ["4"], [4]),
        ("EE-EKR", "5", "IE-NFQ", ["6"], [5]),
        ("XX-TWO", "A", "IE-NFQ", ["5", "6"], [4, 5]),
        ("IE-NFQ", "6", "XX-TWO", ["A"], [5]),
    ],
)
def test_crosswalk(
    backend: Backend, f: str, lvl: str, to: str, expected: list[str], via: list[int]
) -> None:
    cw = backend.gql(CROSSWALK, {"f": f, "l": lvl, "t": to})["data"]["crosswalk"]
    assert [t["code"] for t in cw["to"]] == expected
    assert cw["viaEqf"] == via
    assert cw["from"]["code"] == lvl


def test_crosswalk_unreferenced_level_has_note(backend: Backend) -> None:
    cw = backend.gql(CROSSWALK, {"f": "XX-TWO", "l": "B", "t": "EQF"})["data"]["crosswalk"]
    assert cw["to"] == [] and cw["viaEqf"] == []
    assert "not referenced" in cw["note"]


def test_crosswalk_no_level_at_that_eqf_has_note(backend: Backend) -> None:
    cw = backend.gql(CROSSWALK, {"f": "IE-NFQ", "l": "1", "t": "EE-EKR"})["data"]["crosswalk"]
    assert cw["to"] == []
    assert "EE-EKR has no level referenced to EQF 1" in cw["note"]


@pytest.mark.parametrize(
    "args",
    [
        {"f": "NOPE", "l": "5", "t": "EQF"},
        {"f": "IE-NFQ", "l": "99", "t": "EQF"},
        {"f": "IE-NFQ", "l": "5", "t": "NOPE"},
    ],
)
def test_crosswalk_unknown_is_not_found(backend: Backend, args: dict) -> None:
    result = backend.gql(CROSSWALK, args)
    assert result["data"] is None
    assert _codes(result) == ["NOT_FOUND"]


def test_credential_with_relations(backend: Backend) -> None:
    c = backend.gql(CREDENTIAL, {"id": "ie-mig"})["data"]["credential"]
    assert c["kind"] == "MICRO_CREDENTIAL" and c["participation"] == "ONSITE"
    assert c["provider"] == {"id": "gti", "name": "Galway Technical Institute", "country": "IE"}
    assert c["level"] == {"framework": "IE-NFQ", "code": "5", "eqf": [4]}
    assert c["outcomes"][0]["id"] == "ie-mig#o1"
    assert {s["id"] for s in c["outcomes"][0]["skills"]} == {"s:weld", "s:safety"}
    assert c["prerequisites"] == [{"id": "ie-safety"}]
    assert c["stacksInto"] == [{"id": "ie-welding-cert"}]
    assert (c["ects"], c["hours"], c["ectsDerived"], c["hoursDerived"]) == (5, 125, False, False)


def test_credential_workload_derivation_is_visible(backend: Backend) -> None:
    c = backend.gql(CREDENTIAL, {"id": "ie-drawing"})["data"]["credential"]
    assert (c["ects"], c["hours"], c["ectsDerived"], c["hoursDerived"]) == (3, 75, True, False)
    t = backend.gql(CREDENTIAL, {"id": "ie-tig"})["data"]["credential"]
    assert (t["ects"], t["hours"], t["ectsDerived"], t["hoursDerived"]) == (5, 125, False, True)


def test_credential_recognitions_and_skill_labels(backend: Backend) -> None:
    c = backend.gql(CREDENTIAL, {"id": "ee-keevitus"})["data"]["credential"]
    assert c["recognitions"] == [
        {
            "to": {"id": "ie-mig"},
            "decision": "FULL",
            "ects": None,
            "by": "QQI",
            "date": "2025-03-01",
        }
    ]
    assert c["outcomes"][0]["skills"] == [{"id": "s:weld", "label": "metallosade keevitamine"}]


def test_unknown_credential_is_null(backend: Backend) -> None:
    assert backend.gql(CREDENTIAL, {"id": "nope"}) == {"data": {"credential": None}}


def test_search_filters_and_pages(backend: Backend) -> None:
    everything = backend.gql(SEARCH, {"first": 100})["data"]["credentials"]
    assert everything["totalCount"] == 8
    ids = [e["node"]["id"] for e in everything["edges"]]
    assert ids == sorted(ids)
    page1 = backend.gql(SEARCH, {"first": 3})["data"]["credentials"]
    assert page1["pageInfo"]["hasNextPage"] is True
    page2 = backend.gql(SEARCH, {"first": 3, "after": page1["pageInfo"]["endCursor"]})
    assert [e["node"]["id"] for e in page2["data"]["credentials"]["edges"]] == ids[3:6]
    ee = backend.gql(SEARCH, {"c": "EE"})["data"]["credentials"]
    assert [e["node"]["id"] for e in ee["edges"]] == ["ee-joonised", "ee-keevitus"]
    eqf5 = backend.gql(SEARCH, {"e": 5})["data"]["credentials"]
    assert [e["node"]["id"] for e in eqf5["edges"]] == ["ie-tig"]
    quals = backend.gql(SEARCH, {"k": "QUALIFICATION"})["data"]["credentials"]
    assert [e["node"]["id"] for e in quals["edges"]] == ["ie-welding-cert"]


def test_search_text_is_fuzzy_over_titles(backend: Backend) -> None:
    hits = backend.gql(SEARCH, {"s": "weldng"})["data"]["credentials"]["edges"]
    ids = [h["node"]["id"] for h in hits]
    assert {"ie-mig", "ie-tig", "ie-welding-cert"} <= set(ids)
    assert "ie-care" not in ids
    assert all(0 < h["score"] <= 1 for h in hits)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    by_outcome = backend.gql(SEARCH, {"s": "older people"})["data"]["credentials"]["edges"]
    assert by_outcome[0]["node"]["id"] == "ie-care"


@pytest.mark.parametrize(
    "args",
    [{"first": 101}, {"first": -1}, {"after": "not-a-cursor"}, {"e": 9}],
)
def test_search_bad_input(backend: Backend, args: dict) -> None:
    result = backend.gql(SEARCH, args)
    assert _codes(result) == ["BAD_USER_INPUT"]
    assert result["data"] is None
