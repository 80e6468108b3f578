"""Search across languages, what matched, and keyset pages: same answers on every store."""

from __future__ import annotations

from typing import Any

import pytest

from tests.contract.conftest import Backend

SEARCH = """
query($s: String, $c: String, $e: Int, $k: CredentialKind, $first: Int, $after: String) {
  credentials(search: $s, country: $c, eqfLevel: $e, kind: $k, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor score matchedText matchedField matchedLanguage node { id } }
  }
}"""


def _search(backend: Backend, **variables: Any) -> dict[str, Any]:
    result = backend.gql(SEARCH, variables)
    assert "errors" not in result, result
    found: dict[str, Any] = result["data"]["credentials"]
    return found


def _matched(edge: dict[str, Any]) -> tuple[str, str, str, str]:
    return (
        edge["node"]["id"],
        edge["matchedField"],
        edge["matchedLanguage"],
        edge["matchedText"],
    )


def test_an_english_word_finds_an_estonian_course_through_its_skill(backend: Backend) -> None:
    found = _search(backend, s="weld", c="EE")
    assert [_matched(e) for e in found["edges"]] == [
        ("ee-keevitus", "SKILL", "en", "weld metal parts")
    ]
    assert found["totalCount"] == 1


def test_an_estonian_word_finds_irish_courses_through_skill_labels(backend: Backend) -> None:
    found = _search(backend, s="keevitamine", c="IE", first=100)
    ids = [e["node"]["id"] for e in found["edges"]]
    assert {"ie-mig", "ie-tig"} <= set(ids)
    assert "ie-care" not in ids
    for edge in found["edges"]:
        assert edge["matchedField"] == "SKILL"
        assert edge["matchedLanguage"] == "et"
        assert edge["matchedText"] == "metallosade keevitamine"


def test_a_title_in_another_language_matches_and_is_named(backend: Backend) -> None:
    found = _search(backend, s="technical drawings")
    first = found["edges"][0]
    assert _matched(first) == ("ee-joonised", "TITLE", "en", "Reading technical drawings")
    # The title as the credential writes it stays the Estonian one.
    estonian = _search(backend, s="jooniste lugemine")
    assert _matched(estonian["edges"][0]) == (
        "ee-joonised",
        "TITLE",
        "et",
        "Tehniliste jooniste lugemine",
    )


def test_partial_words_and_accents_fold(backend: Backend) -> None:
    partial = [e["node"]["id"] for e in _search(backend, s="stainl")["edges"]]
    assert partial == ["ie-tig"]
    folded = _search(backend, s="TÖÖKOJA ohutus")["edges"]
    assert folded[0]["matchedText"] == "töökoja ohutus"


def test_a_title_match_outranks_the_same_match_in_a_skill_label(backend: Backend) -> None:
    found = _search(backend, s="older people")["edges"]
    assert _matched(found[0]) == ("ie-care", "TITLE", "en", "Care of older people")


def test_search_pages_by_keyset_cover_every_result_once(backend: Backend) -> None:
    everything = _search(backend, s="weld", first=100)
    assert everything["pageInfo"]["hasNextPage"] is False
    ids = [e["node"]["id"] for e in everything["edges"]]
    assert len(ids) == everything["totalCount"] >= 4
    paged: list[str] = []
    after = None
    while True:
        page = _search(backend, s="weld", first=2, after=after)
        assert page["totalCount"] == everything["totalCount"]
        paged += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert paged == ids


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"c": "IE", "e": 4}, ["ie-care", "ie-drawing", "ie-mig", "ie-safety", "ie-welding-cert"]),
        ({"c": "IE", "k": "MICRO_CREDENTIAL", "e": 5}, ["ie-tig"]),
        ({"k": "MICRO_CREDENTIAL", "e": 4}, None),
        ({"c": "EE", "e": 4}, ["ee-joonised", "ee-keevitus"]),
        ({"c": "XX"}, []),
    ],
)
def test_filtered_listing_pages_by_id(
    backend: Backend, filters: dict[str, Any], expected: list[str] | None
) -> None:
    whole = _search(backend, first=100, **filters)
    ids = [e["node"]["id"] for e in whole["edges"]]
    assert ids == sorted(ids)
    assert whole["totalCount"] == len(ids)
    if expected is not None:
        assert ids == expected
    assert all(e["score"] is None and e["matchedText"] is None for e in whole["edges"])
    paged: list[str] = []
    after = None
    for _ in range(len(ids) + 1):
        page = _search(backend, first=1, after=after, **filters)
        assert page["totalCount"] == len(ids)
        paged += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert paged == ids


def test_a_cursor_from_elsewhere_is_bad_user_input(backend: Backend) -> None:
    result = backend.gql(SEARCH, {"after": "cHcyOlsieCIsIDFd"})  # pw2:["x", 1]
    assert [e["extensions"]["code"] for e in result["errors"]] == ["BAD_USER_INPUT"]
