"""equivalents and compare on hand-made cross-border cases with known answers."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from pathways.domain.candidates import CandidateIndex
from pathways.domain.equivalence import (
    MAX_FIRST,
    MIN_FIRST,
    Match,
    check_bounds,
    compare,
    computed_score,
    equivalents,
)
from pathways.errors import BadUserInput
from pathways.model import (
    Credential,
    CredentialKind,
    Decision,
    EquivalenceContext,
    Level,
    LevelRef,
    Outcome,
    Participation,
    Recognition,
)
from tests.support.credentials import INSPECT, IRISH_MIG, SETUP, WELD

BOOKS = "http://data.europa.eu/esco/skill/keep-books"
TAX = "http://data.europa.eu/esco/skill/prepare-tax-returns"

LEVELS = {
    ("EE-EKR", "4"): Level("EE-EKR", "4", (4,)),
    ("IE-NFQ", "5"): Level("IE-NFQ", "5", (4,)),
    ("IE-NFQ", "6"): Level("IE-NFQ", "6", (5,)),
}

# Given: an Estonian welding micro-credential, workload in hours only, outcomes in Estonian.
EE = Credential(
    id="ee-voco-mig",
    kind=CredentialKind.MICRO_CREDENTIAL,
    title="MIG-keevitus",
    country="EE",
    language="et",
    provider="voco",
    level=LevelRef("EE-EKR", "4"),
    hours=130,
    assessment="praktiline eksam",
    participation=Participation.ONSITE,
    quality_assurance="EKKA akrediteering",
    outcomes=(
        Outcome("ee-1", "Seadistab MIG-keevitusseadme ohutult", "et", (SETUP,)),
        Outcome("ee-2", "Keevitab terasplaate MIG-meetodil", "et", (WELD,)),
        Outcome("ee-3", "Kontrollib keevisõmbluse kvaliteeti", "et", (INSPECT,)),
    ),
)

# The comparable Irish one, and distractors that each differ in exactly one respect.
IE = IRISH_MIG
ONLY_LEVEL = replace(IE, id="ie-gti-mig-advanced", level=LevelRef("IE-NFQ", "6"))
ONLY_SIZE = replace(IE, id="ie-gti-mig-long", ects=20, hours=500)
ONLY_DOMAIN = replace(
    IE,
    id="ie-gti-bookkeeping",
    title="Bookkeeping for small firms",
    outcomes=(
        Outcome("bk-1", "Keep the books of a small business", "en", (BOOKS,)),
        Outcome("bk-2", "Prepare a VAT return", "en", (TAX,)),
    ),
)
CANDIDATES = (ONLY_DOMAIN, ONLY_SIZE, ONLY_LEVEL, IE)


def ctx(
    *recognitions: Recognition, candidates: tuple[Credential, ...] = CANDIDATES
) -> EquivalenceContext:
    return EquivalenceContext(EE, candidates, LEVELS, {}, recognitions)


def decision(to: str, kind: Decision, ects: float | None = None) -> Recognition:
    return Recognition(EE.id, to, kind, "QQI", "2025-03-01", ects)


def by_id(matches: list[Match]) -> dict[str, Match]:
    return {m.credential.id: m for m in matches}


def test_the_comparable_credential_ranks_first_with_no_substantial_difference() -> None:
    matches = equivalents(ctx(), None, 0.0, 10)

    assert matches[0].credential.id == IE.id
    best = matches[0]
    assert best.basis == "COMPUTED"
    assert best.substantial_differences == ()
    assert best.score > 0.9
    assert {p.from_outcome.id: p.to_outcome.id for p in best.outcomes.pairs} == {
        "ee-1": "ie-1",
        "ee-2": "ie-2",
        "ee-3": "ie-3",
    }


@pytest.mark.parametrize(
    ("distractor", "criterion"),
    [(ONLY_LEVEL, "Level"), (ONLY_SIZE, "Workload"), (ONLY_DOMAIN, "Learning outcomes")],
)
def test_each_distractor_has_exactly_its_difference_named(
    distractor: Credential, criterion: str
) -> None:
    match = by_id(equivalents(ctx(), None, 0.0, 10))[distractor.id]

    assert len(match.substantial_differences) == 1
    assert match.substantial_differences[0].startswith(f"{criterion}: ")
    assert match.score < by_id(equivalents(ctx(), None, 0.0, 10))[IE.id].score


def test_level_difference_is_said_in_words_with_direction() -> None:
    match = by_id(equivalents(ctx(), None, 0.0, 10))[ONLY_LEVEL.id]

    assert match.level.substantial_difference
    assert "1 EQF level below" in match.level.detail


def test_workload_derived_from_hours_says_so_and_gives_the_range() -> None:
    match = by_id(equivalents(ctx(), None, 0.0, 10))[IE.id]

    assert "derived from 130 h at 25 h/ECTS" in match.workload.detail
    assert "25-30 h/ECTS" in match.workload.detail
    assert not match.workload.substantial_difference


def test_computed_matches_are_best_first_then_by_id() -> None:
    twin = replace(IE, id="ie-aaa-twin")
    matches = equivalents(ctx(candidates=(*CANDIDATES, twin)), None, 0.0, 10)

    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert [m.credential.id for m in matches[:2]] == [twin.id, IE.id]


def test_recorded_full_and_partial_outrank_computed_in_that_order() -> None:
    recs = (decision(ONLY_SIZE.id, Decision.PARTIAL, 5), decision(ONLY_LEVEL.id, Decision.FULL))

    matches = equivalents(ctx(*recs), None, 0.0, 10)

    assert [m.credential.id for m in matches[:3]] == [ONLY_LEVEL.id, ONLY_SIZE.id, IE.id]
    assert [m.basis for m in matches[:3]] == ["RECOGNITION_DECISION"] * 2 + ["COMPUTED"]
    assert matches[0].score == 1.0
    assert matches[1].score == pytest.approx(5 / 20)
    # The criteria are still computed for recorded decisions.
    assert matches[0].level.substantial_difference


def test_partial_score_is_capped_at_one() -> None:
    matches = equivalents(ctx(decision(IE.id, Decision.PARTIAL, 50)), None, 0.0, 10)

    assert matches[0].credential.id == IE.id
    assert matches[0].score == 1.0


def test_a_none_decision_shows_with_score_zero_and_is_named_first() -> None:
    matches = equivalents(ctx(decision(IE.id, Decision.NONE)), None, 0.9, 10)

    first = matches[0]
    assert (first.credential.id, first.basis, first.score) == (IE.id, "RECOGNITION_DECISION", 0)
    assert first.substantial_differences[0].startswith("Recognition decision NONE by QQI")
    assert first.recognition is not None
    # min_score does not apply to decisions, and the computed ones under it are gone.
    assert all(m.score >= 0.9 for m in matches[1:])


def test_country_applies_to_decisions_and_computed_matches() -> None:
    french = replace(IE, id="fr-mig", country="FR")
    matches = equivalents(
        ctx(decision(IE.id, Decision.FULL), candidates=(*CANDIDATES, french)), "fr", 0.0, 10
    )

    assert [m.credential.id for m in matches] == [french.id]


def test_first_cuts_the_whole_list() -> None:
    matches = equivalents(ctx(decision(ONLY_DOMAIN.id, Decision.NONE)), None, 0.0, 2)

    assert [m.credential.id for m in matches] == [ONLY_DOMAIN.id, IE.id]


def test_the_credential_itself_is_never_a_candidate() -> None:
    matches = equivalents(
        ctx(Recognition(EE.id, EE.id, Decision.FULL, "x", "2025-01-01"), candidates=(EE, IE)),
        None,
        0.0,
        10,
    )

    assert [m.credential.id for m in matches] == [IE.id]


def test_compare_computes_every_criterion_without_a_decision() -> None:
    match = compare(ctx(), EE, ONLY_SIZE)

    assert match.basis == "COMPUTED"
    assert match.recognition is None
    assert match.workload.substantial_difference
    assert not match.level.substantial_difference
    assert match.outcomes.score == 1.0
    assert match.quality_assurance.score == 1.0
    assert match.profile.score == 1.0


def test_compare_reports_the_decision_from_a_to_b_only() -> None:
    rec = decision(ONLY_LEVEL.id, Decision.PARTIAL, 2.5)

    forward = compare(ctx(rec), EE, ONLY_LEVEL)
    backward = compare(EquivalenceContext(ONLY_LEVEL, (EE,), LEVELS, {}, (rec,)), ONLY_LEVEL, EE)

    assert (forward.basis, forward.score) == ("RECOGNITION_DECISION", 0.5)
    assert forward.level.substantial_difference
    assert backward.basis == "COMPUTED"


def test_unmatched_outcomes_are_those_of_the_asked_about_credential() -> None:
    match = compare(ctx(), EE, ONLY_DOMAIN)

    assert match.outcomes.pairs == ()
    assert match.outcomes.unmatched == EE.outcomes
    assert match.outcomes.substantial_difference


def test_micro_credential_against_full_qualification_is_a_profile_difference() -> None:
    full = replace(IE, id="ie-qual", kind=CredentialKind.QUALIFICATION)

    match = compare(ctx(), EE, full)

    assert match.profile.substantial_difference
    assert any(d.startswith("Profile: ") for d in match.substantial_differences)


@pytest.mark.parametrize("first", [MIN_FIRST - 1, MAX_FIRST + 1, -5])
def test_first_out_of_bounds_is_bad_user_input(first: int) -> None:
    with pytest.raises(BadUserInput, match="first"):
        check_bounds(0.0, first)


@pytest.mark.parametrize("min_score", [-0.01, 1.01, math.nan])
def test_min_score_out_of_bounds_is_bad_user_input(min_score: float) -> None:
    with pytest.raises(BadUserInput, match="minScore"):
        check_bounds(min_score, 10)


@pytest.mark.parametrize(("first", "min_score"), [(MIN_FIRST, 0.0), (MAX_FIRST, 1.0)])
def test_bounds_are_inclusive(first: int, min_score: float) -> None:
    assert isinstance(equivalents(ctx(), None, min_score, first), list)


@pytest.mark.parametrize("candidate", CANDIDATES, ids=lambda c: c.id)
def test_the_ranking_score_is_the_score_of_the_full_match(candidate: Credential) -> None:
    full = compare(ctx(), EE, candidate)

    assert computed_score(ctx(), EE, candidate, full.outcomes.score) == full.score


def test_a_shorter_list_is_a_prefix_of_a_longer_one() -> None:
    recs = (decision(ONLY_SIZE.id, Decision.PARTIAL, 5),)
    longest = equivalents(ctx(*recs), None, 0.0, MAX_FIRST)

    for first in range(1, len(longest) + 1):
        assert equivalents(ctx(*recs), None, 0.0, first) == longest[:first]


def test_shortlist_then_equivalents_finds_the_comparable_one_across_languages() -> None:
    index = CandidateIndex((EE, *CANDIDATES), LEVELS)
    short = index.shortlist(EE, None, 10)
    by = {c.id: c for c in CANDIDATES}

    matches = equivalents(ctx(candidates=tuple(by[i] for i in short)), None, 0.0, 10)

    assert ONLY_DOMAIN.id not in short and EE.id not in short
    assert matches[0].credential.id == IE.id


def test_another_subject_scores_zero_however_well_level_and_size_agree() -> None:
    assert compare(ctx(), EE, ONLY_DOMAIN).score == 0.0


def test_half_the_outcomes_covered_is_not_scaled_down_and_less_is() -> None:
    half = replace(IE, id="ie-half", outcomes=IE.outcomes[:2])
    third = replace(IE, id="ie-third", outcomes=IE.outcomes[:1])

    m_half, m_third = compare(ctx(), EE, half), compare(ctx(), EE, third)

    # 2 of 3 outcomes: coverage 0.67 (unscaled); 1 of 3: 0.33, scaled by 0.33 / 0.5.
    assert m_half.score == pytest.approx(0.45 * 0.6667 + 0.55, abs=1e-4)
    assert m_third.score == pytest.approx((0.45 * 0.3333 + 0.55) * 0.3333 / 0.5, abs=1e-4)


def test_a_candidate_listing_no_outcomes_is_not_scaled_to_zero() -> None:
    bare = replace(IE, id="ie-bare", outcomes=())

    assert compare(ctx(), EE, bare).score == pytest.approx(0.45 * 0.5 + 0.55)
