"""The level, workload, quality-assurance and profile criteria, and their symmetry."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathways.domain.equivalence import DEFAULT_POLICY, compare
from pathways.domain.equivalence.criteria import (
    level_criterion,
    profile_criterion,
    quality_assurance_criterion,
    workload_criterion,
)
from pathways.model import (
    Credential,
    CredentialKind,
    EquivalenceContext,
    Level,
    LevelRef,
    Participation,
)

LEVELS = {
    ("IE-NFQ", "9"): Level("IE-NFQ", "9", (7,)),
    ("IE-NFQ", "6"): Level("IE-NFQ", "6", (5,)),
    ("EE-EKR", "4"): Level("EE-EKR", "4", (4,)),
    ("XX-QF", "7|8"): Level("XX-QF", "7|8", (7, 8)),
    ("XX-QF", "0"): Level("XX-QF", "0", ()),
}


def cred(cid: str = "a", **fields: object) -> Credential:
    base = Credential(cid, CredentialKind.MICRO_CREDENTIAL, f"Title {cid}", "IE")
    return replace(base, **fields)  # type: ignore[arg-type]


def lvl(framework: str, code: str) -> LevelRef:
    return LevelRef(framework, code)


def test_two_level_referencing_compares_by_the_nearest_pair() -> None:
    a, b = cred("a", level=lvl("XX-QF", "7|8")), cred("b", level=lvl("IE-NFQ", "9"))

    crit = level_criterion(a, b, LEVELS, DEFAULT_POLICY)

    assert (crit.score, crit.substantial_difference) == (1.0, False)
    assert "EQF 7 or 8" in crit.detail


def test_one_eqf_level_apart_is_substantial_and_two_scores_zero() -> None:
    one = level_criterion(
        cred("a", level=lvl("EE-EKR", "4")),
        cred("b", level=lvl("IE-NFQ", "6")),
        LEVELS,
        DEFAULT_POLICY,
    )
    three = level_criterion(
        cred("a", level=lvl("EE-EKR", "4")),
        cred("b", level=lvl("IE-NFQ", "9")),
        LEVELS,
        DEFAULT_POLICY,
    )

    assert one.substantial_difference and one.score == 0.5
    assert three.substantial_difference and three.score == 0.0
    assert "3 EQF levels below" in three.detail


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        (None, "states no level"),
        (lvl("XX-QF", "0"), "not referenced to the EQF"),
        (lvl("IE-NFQ", "99"), "which is not in it"),
    ],
)
def test_unknown_levels_are_reported_as_such_not_as_no_difference(
    ref: LevelRef | None, words: str
) -> None:
    crit = level_criterion(
        cred("a", level=ref), cred("b", level=lvl("IE-NFQ", "6")), LEVELS, DEFAULT_POLICY
    )

    assert crit.score == DEFAULT_POLICY.unknown_score
    assert not crit.substantial_difference
    assert words in crit.detail and "cannot be compared" in crit.detail


def test_the_same_unreferenced_level_of_one_framework_is_the_same_level() -> None:
    a, b = cred("a", level=lvl("XX-QF", "0")), cred("b", level=lvl("XX-QF", "0"))

    assert level_criterion(a, b, LEVELS, DEFAULT_POLICY).score == 1.0


def test_workload_within_tolerance_is_not_substantial() -> None:
    crit = workload_criterion(cred("a", ects=5), cred("b", ects=4), DEFAULT_POLICY)

    assert not crit.substantial_difference
    assert crit.score == pytest.approx(0.8)
    assert "20% apart" in crit.detail


def test_workload_beyond_tolerance_is_substantial() -> None:
    crit = workload_criterion(cred("a", ects=5), cred("b", ects=3), DEFAULT_POLICY)

    assert crit.substantial_difference
    assert "beyond the 25% tolerance" in crit.detail


def test_hours_only_workload_counts_its_whole_25_to_30_hour_range() -> None:
    # 150 h is 5-6 ECTS; against 6 ECTS there is no gap at all.
    crit = workload_criterion(cred("a", hours=150), cred("b", ects=6), DEFAULT_POLICY)

    assert crit.score == 1.0
    assert "6 ECTS derived from 150 h at 25 h/ECTS (5-6 ECTS at 25-30 h/ECTS)" in crit.detail


def test_missing_workload_cannot_be_compared() -> None:
    crit = workload_criterion(cred("a"), cred("b", ects=5), DEFAULT_POLICY)

    assert (crit.score, crit.substantial_difference) == (DEFAULT_POLICY.unknown_score, False)
    assert "'Title a' gives no workload" in crit.detail


def test_quality_assurance_named_on_one_side_only_is_substantial() -> None:
    crit = quality_assurance_criterion(
        cred("a", quality_assurance="QQI"), cred("b"), DEFAULT_POLICY
    )

    assert crit.substantial_difference and crit.score == 0.0
    assert "'Title b' names no quality assurance" in crit.detail


def test_quality_assurance_named_on_both_sides() -> None:
    crit = quality_assurance_criterion(
        cred("a", quality_assurance="QQI"), cred("b", quality_assurance="EKKA"), DEFAULT_POLICY
    )

    assert (crit.score, crit.substantial_difference) == (1.0, False)
    assert "QQI" in crit.detail and "EKKA" in crit.detail


@pytest.mark.parametrize(
    ("kind", "substantial"),
    [
        (CredentialKind.MICRO_CREDENTIAL, False),
        (CredentialKind.UNIT, False),
        (CredentialKind.PARTIAL_QUALIFICATION, True),
        (CredentialKind.QUALIFICATION, True),
    ],
)
def test_profile_against_a_micro_credential(kind: CredentialKind, substantial: bool) -> None:
    crit = profile_criterion(cred("a"), cred("b", kind=kind))

    assert crit.substantial_difference is substantial


def test_partial_against_full_qualification_is_substantial() -> None:
    crit = profile_criterion(
        cred("a", kind=CredentialKind.PARTIAL_QUALIFICATION),
        cred("b", kind=CredentialKind.QUALIFICATION),
    )

    assert crit.substantial_difference
    assert "a full qualification" in crit.detail


def test_participation_difference_is_mentioned_but_not_substantial() -> None:
    crit = profile_criterion(
        cred("a", participation=Participation.ONLINE),
        cred("b", participation=Participation.ONSITE),
    )

    assert not crit.substantial_difference
    assert "online vs onsite" in crit.detail


level_refs = st.sampled_from([None, *(lvl(f, c) for f, c in LEVELS), lvl("IE-NFQ", "99")])
eqf_sets = st.lists(st.integers(1, 8), min_size=0, max_size=2, unique=True).map(
    lambda xs: tuple(sorted(xs))
)


@given(level_refs, level_refs, eqf_sets, eqf_sets)
def test_compare_is_symmetric_on_the_level_criterion(
    ra: LevelRef | None, rb: LevelRef | None, ea: tuple[int, ...], eb: tuple[int, ...]
) -> None:
    table = {
        **LEVELS,
        ("GEN", "a"): Level("GEN", "a", ea),
        ("GEN", "b"): Level("GEN", "b", eb),
    }
    for a_ref, b_ref in ((ra, rb), (lvl("GEN", "a"), lvl("GEN", "b")), (ra, lvl("GEN", "b"))):
        a, b = cred("a", level=a_ref), cred("b", level=b_ref)
        ctx_ab = EquivalenceContext(a, (b,), table, {}, ())
        ctx_ba = EquivalenceContext(b, (a,), table, {}, ())

        ab, ba = compare(ctx_ab, a, b).level, compare(ctx_ba, b, a).level

        assert (ab.score, ab.substantial_difference) == (ba.score, ba.substantial_difference)
        assert 0.0 <= ab.score <= 1.0


@given(
    st.one_of(st.none(), st.floats(0.1, 200)),
    st.one_of(st.none(), st.floats(1, 5000)),
    st.one_of(st.none(), st.floats(0.1, 200)),
    st.one_of(st.none(), st.floats(1, 5000)),
)
def test_workload_criterion_is_symmetric_and_bounded(
    ea: float | None, ha: float | None, eb: float | None, hb: float | None
) -> None:
    a, b = cred("a", ects=ea, hours=ha), cred("b", ects=eb, hours=hb)

    ab, ba = workload_criterion(a, b, DEFAULT_POLICY), workload_criterion(b, a, DEFAULT_POLICY)

    assert (ab.score, ab.substantial_difference) == (ba.score, ba.substantial_difference)
    assert 0.0 <= ab.score <= 1.0
