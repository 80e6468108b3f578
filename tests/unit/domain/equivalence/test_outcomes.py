"""Outcome alignment: skills across languages, wording within a language, one to one."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from pathways.domain.equivalence import DEFAULT_POLICY
from pathways.domain.equivalence.outcomes import outcome_overlap, outcome_overlaps
from pathways.model import Credential, CredentialKind, Outcome

S1, S2, S3 = "esco:s1", "esco:s2", "esco:s3"


def cred(cid: str, language: str | None, *outcomes: Outcome) -> Credential:
    return Credential(cid, CredentialKind.MICRO_CREDENTIAL, cid, "IE", language, outcomes=outcomes)


def out(oid: str, text: str, *skills: str, language: str | None = None) -> Outcome:
    return Outcome(oid, text, language, skills)


def test_outcomes_in_different_languages_align_through_shared_skills() -> None:
    a = cred("a", "et", out("a1", "Keevitab terasplaate", S1))
    b = cred("b", "da", out("b1", "Svejser stålplader", S1))

    overlap = outcome_overlap(a, b, DEFAULT_POLICY)

    assert [(p.from_outcome.id, p.to_outcome.id, p.score) for p in overlap.pairs] == [
        ("a1", "b1", 1.0)
    ]
    assert overlap.score == 1.0 and not overlap.substantial_difference


def test_same_wording_in_different_languages_without_skills_does_not_pair() -> None:
    a = cred("a", "en", out("a1", "Install solar panels on roofs"))
    b = cred("b", "da", out("b1", "Install solar panels on roofs"))

    overlap = outcome_overlap(a, b, DEFAULT_POLICY)

    assert overlap.pairs == () and overlap.unmatched == a.outcomes


def test_similar_wording_in_the_same_language_pairs_without_skills() -> None:
    a = cred("a", "en", out("a1", "Install solar panels on roofs"))
    b = cred("b", "en", out("b1", "Install solar panels on flat roofs safely"))

    overlap = outcome_overlap(a, b, DEFAULT_POLICY)

    assert len(overlap.pairs) == 1
    assert DEFAULT_POLICY.text_pair_min <= overlap.pairs[0].score < 1.0
    assert "1 by wording" in overlap.detail


def test_outcome_language_overrides_credential_language() -> None:
    a = cred("a", "en", out("a1", "Install solar panels on roofs", language="fr"))
    b = cred("b", "fr", out("b1", "Install solar panels on roofs"))

    assert len(outcome_overlap(a, b, DEFAULT_POLICY).pairs) == 1


def test_shared_skill_pairs_win_over_better_wording() -> None:
    a = cred("a", "en", out("a1", "Weld steel plate", S1))
    b = cred(
        "b",
        "en",
        out("b1", "Weld steel plate", S2),
        out("b2", "Join metal sheets by arc", S1),
    )

    overlap = outcome_overlap(a, b, DEFAULT_POLICY)

    assert [p.to_outcome.id for p in overlap.pairs] == ["b2"]


def test_assignment_is_one_to_one_and_reports_unmatched() -> None:
    a = cred("a", "en", out("a1", "x", S1), out("a2", "y", S1), out("a3", "z", S3))
    b = cred("b", "en", out("b1", "w", S1))

    overlap = outcome_overlap(a, b, DEFAULT_POLICY)

    assert [(p.from_outcome.id, p.to_outcome.id) for p in overlap.pairs] == [("a1", "b1")]
    assert [o.id for o in overlap.unmatched] == ["a2", "a3"]
    assert overlap.score == round(1 / 3, 4)
    assert overlap.substantial_difference


def test_skill_score_is_the_overlap_coefficient() -> None:
    a = cred("a", "et", out("a1", "x", S1, S2))
    b = cred("b", "en", out("b1", "y", S1, S3, "esco:s4", "esco:s5"))

    assert outcome_overlap(a, b, DEFAULT_POLICY).pairs[0].score == 0.5


def test_no_outcomes_on_either_side_cannot_be_compared() -> None:
    a = cred("a", "en", out("a1", "Weld steel plate", S1))
    b = cred("b", "en")

    overlap = outcome_overlap(a, b, DEFAULT_POLICY)

    assert overlap.score == DEFAULT_POLICY.unknown_score
    assert not overlap.substantial_difference
    assert overlap.unmatched == a.outcomes
    assert "'b' lists no learning outcomes" in overlap.detail


texts = st.sampled_from(
    ["Weld steel plate", "Set up a welding station", "Keep the books", "Inspect welds", "x"]
)
outcomes = st.builds(
    out,
    st.uuids().map(str),
    texts,
    st.sampled_from([S1, S2, S3]),
    language=st.sampled_from([None, "en", "et"]),
)


@given(
    st.lists(outcomes, max_size=5),
    st.lists(st.lists(outcomes, max_size=5), min_size=1, max_size=4),
)
def test_batched_overlaps_equal_one_at_a_time(
    a_outs: list[Outcome], cand_outs: list[list[Outcome]]
) -> None:
    a = cred("a", "en", *a_outs)
    cands = [cred(f"c{i}", "en", *outs) for i, outs in enumerate(cand_outs)]

    batched = outcome_overlaps(a, cands, DEFAULT_POLICY)

    assert batched == [outcome_overlap(a, c, DEFAULT_POLICY) for c in cands]
    for overlap in batched:
        assert 0.0 <= overlap.score <= 1.0
        assert len({p.from_outcome.id for p in overlap.pairs}) == len(overlap.pairs)
        assert len({p.to_outcome.id for p in overlap.pairs}) == len(overlap.pairs)
        assert len(overlap.pairs) + len(overlap.unmatched) == len(a.outcomes)


def test_the_credential_language_is_used_when_outcomes_give_none() -> None:
    base = cred("a", "en", out("a1", "Install solar panels on roofs"))
    other = replace(base, id="b", language="et")

    assert outcome_overlap(base, other, DEFAULT_POLICY).pairs == ()
