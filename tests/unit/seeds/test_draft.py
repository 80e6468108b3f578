"""Reading a draft leniently: every problem named, the rest kept for the reports."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.errors import SeedValidationError
from pathways.model import Graph
from pathways.seeds import credential_from_input
from pathways.seeds.draft import DRAFT_ID, read_draft, sentence

GOOD: dict[str, Any] = {
    "id": "ie-draft",
    "kind": "MICRO_CREDENTIAL",
    "title": "MIG welding basics",
    "country": "IE",
    "provider": "gti",
    "level": {"framework": "IE-NFQ", "code": "5"},
    "ects": 5,
    "outcomes": [
        {"text": "Weld steel plate", "skills": ["s:weld"]},
        {"text": "Apply workshop safety", "skills": ["s:safety"]},
    ],
}


def test_a_valid_draft_reads_as_a_write_would(small_graph: Graph) -> None:
    cred, problems = read_draft(GOOD, small_graph)
    assert problems == ()
    assert cred == credential_from_input(GOOD, small_graph)


def test_each_fault_is_named_and_only_it_is_set_aside(small_graph: Graph) -> None:
    draft = {
        **GOOD,
        "provider": "nobody",
        "validUntil": "someday",
        "prerequisites": ["ie-safety", "nope"],
        "outcomes": [
            {"text": "Weld steel plate", "skills": ["s:weld", "s:nope"]},
            {"skills": ["s:safety"]},
        ],
        "requirements": {"all": "not a list"},
    }
    cred, problems = read_draft(draft, small_graph)
    fields = sorted(p.field or "" for p in problems)
    assert fields == [
        "outcomes[0].skills[1]",
        "outcomes[1].text",
        "prerequisites[1]",
        "provider",
        "requirements.all",
        "validUntil",
    ]
    assert cred.provider is None and cred.valid_until is None and cred.requirements is None
    assert cred.prerequisites == ("ie-safety",)
    assert [o.skills for o in cred.outcomes] == [("s:weld",)]
    assert cred.level is not None and cred.ects == 5
    assert all(sentence(p).startswith(f"{p.field}: ") for p in problems)


def test_a_blank_title_is_reported_and_left_blank(small_graph: Graph) -> None:
    cred, problems = read_draft({**GOOD, "title": "  "}, small_graph)
    assert [p.field for p in problems] == ["title"]
    assert cred.title == "" and cred.id == "ie-draft"


def test_a_draft_without_an_id_gets_a_stand_in(small_graph: Graph) -> None:
    cred, problems = read_draft({k: v for k, v in GOOD.items() if k != "id"}, small_graph)
    assert cred.id == DRAFT_ID
    assert [p.field for p in problems] == ["id"]


def test_the_callers_data_is_not_changed(small_graph: Graph) -> None:
    draft = {**GOOD, "outcomes": [{"text": "Weld", "skills": ["s:nope"]}]}
    read_draft(draft, small_graph)
    assert draft["outcomes"] == [{"text": "Weld", "skills": ["s:nope"]}]


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 50),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.sampled_from(["s:weld", "ie-safety", "IE-NFQ", "5", "ONSITE", "gti", "2025-01-01"]),
    st.lists(st.sampled_from(["s:weld", "nope", "ie-safety", 3]), max_size=3),
    st.fixed_dictionaries(
        {"framework": st.sampled_from(["IE-NFQ", "X"]), "code": st.text(max_size=2)}
    ),
)
_KEYS = st.sampled_from(
    [
        "provider",
        "level",
        "ects",
        "hours",
        "assessment",
        "participation",
        "language",
        "validFrom",
        "valid_until",
        "prerequisites",
        "requirements",
        "outcomes",
        "title",
        "kind",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=6))
def test_any_draft_reads_and_problems_match_the_write_check(
    small_graph: Graph, changes: dict[str, Any]
) -> None:
    draft = {**GOOD, **changes}
    cred, problems = read_draft(draft, small_graph)
    try:
        credential_from_input(draft, small_graph)
    except SeedValidationError as err:
        assert problems
        named = {(p.field, p.problem) for p in problems}
        assert {(p.field, p.problem) for p in err.problems} <= named
    else:
        assert problems == ()
    assert cred.id == "ie-draft"
