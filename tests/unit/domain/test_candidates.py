"""The candidate index: who is shortlisted, in what order, and that it follows its written rule."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.domain.candidates import (
    MIN_MAX_DF,
    NO_EQF,
    CandidateIndex,
    credential_skills,
    eqf_distance,
)
from pathways.domain.text import index_tokens
from pathways.model import Credential, CredentialKind, Level, LevelRef, Outcome

LEVELS = {
    ("EE-EKR", "4"): Level("EE-EKR", "4", (4,)),
    ("IE-NFQ", "5"): Level("IE-NFQ", "5", (4,)),
    ("IE-NFQ", "6"): Level("IE-NFQ", "6", (5,)),
    ("IE-NFQ", "9"): Level("IE-NFQ", "9", (7,)),
}
WELD, INSPECT, BOOKS = "esco:weld", "esco:inspect", "esco:books"


def cred(
    cid: str,
    title: str,
    *outcomes: tuple[str, tuple[str, ...]],
    country: str = "IE",
    level: tuple[str, str] | None = ("IE-NFQ", "5"),
) -> Credential:
    return Credential(
        cid,
        CredentialKind.MICRO_CREDENTIAL,
        title,
        country,
        level=LevelRef(*level) if level else None,
        outcomes=tuple(Outcome(f"{cid}-{i}", t, None, s) for i, (t, s) in enumerate(outcomes)),
    )


EE = cred(
    "ee", "MIG-keevitus", ("Keevitab terasplaate", (WELD,)), country="EE", level=("EE-EKR", "4")
)
IE = cred("ie", "MIG welding", ("Weld steel plate", (WELD,)), ("Inspect welds", (INSPECT,)))
IE_TOKEN = cred("ie-token", "Keevitus for beginners", level=("IE-NFQ", "9"))
IE_BOOKS = cred("ie-books", "Bookkeeping", ("Keep the books", (BOOKS,)))
DK = cred("dk", "Svejsning", ("Svejse stålplader", (WELD,)), country="DK", level=("IE-NFQ", "6"))
ALL = (EE, IE, IE_TOKEN, IE_BOOKS, DK)


def index(*creds: Credential) -> CandidateIndex:
    return CandidateIndex(creds or ALL, LEVELS)


def test_shortlist_finds_skill_and_token_neighbours_and_excludes_itself() -> None:
    short = index().shortlist(EE, None, 10)

    assert EE.id not in short
    assert IE_BOOKS.id not in short
    # IE and DK share one skill each; IE also shares a token; the token-only one comes last.
    assert short == [IE.id, DK.id, IE_TOKEN.id]


def test_shortlist_by_token_alone_across_credentials_without_skills() -> None:
    assert index().shortlist(IE_TOKEN, None, 10) == [EE.id]


def test_country_filter_and_limit() -> None:
    idx = index()

    assert idx.shortlist(EE, "dk", 10) == [DK.id]
    assert idx.shortlist(EE, None, 1) == [IE.id]
    assert idx.shortlist(EE, None, 0) == []


def test_a_credential_not_in_the_index_can_be_asked_about() -> None:
    idx = index(IE, DK)

    assert idx.shortlist(EE, None, 10) == [IE.id, DK.id]


def test_remove_and_replace_update_every_posting() -> None:
    idx = index()
    idx.remove(IE.id)
    idx.remove("never-indexed")

    assert IE.id not in idx and len(idx) == len(ALL) - 1
    assert IE.id not in idx.shortlist(EE, None, 10)

    idx.add(replace(DK, outcomes=()))
    assert idx.shortlist(EE, None, 10) == [IE_TOKEN.id]
    assert idx.with_eqf(5) == frozenset({DK.id})


def test_a_callable_level_resolver_is_accepted() -> None:
    idx = CandidateIndex(ALL, lambda ref: LEVELS.get((ref.framework, ref.code)))

    assert idx.shortlist(EE, None, 10) == index().shortlist(EE, None, 10)


def test_tokens_held_by_too_many_credentials_are_not_informative() -> None:
    crowd = [cred(f"c{i:03}", f"Workshop practice {i}") for i in range(MIN_MAX_DF + 1)]
    rare = cred("rare", "Underwater practice")
    idx = CandidateIndex([*crowd, rare], LEVELS)

    asked = cred("asked", "Underwater workshop")

    assert idx.shortlist(asked, None, 500) == [rare.id]
    assert idx.max_df() == MIN_MAX_DF


def test_eqf_distance_uses_the_nearest_pair_and_no_eqf() -> None:
    assert eqf_distance((7, 8), (5,)) == 2
    assert eqf_distance((), (5,)) == NO_EQF


# A brute-force reading of the docstring rule, scoring every credential.
def reference_shortlist(
    creds: list[Credential], asked: Credential, country: str | None, limit: int
) -> list[str]:
    def eqf(c: Credential) -> tuple[int, ...]:
        lvl = LEVELS.get((c.level.framework, c.level.code)) if c.level else None
        return lvl.eqf if lvl else ()

    max_df = max(MIN_MAX_DF, int(0.05 * len(creds)))
    df: dict[str, int] = {}
    for c in creds:
        for tok in index_tokens(c):
            df[tok] = df.get(tok, 0) + 1
    s = credential_skills(asked)
    t = {x for x in index_tokens(asked) if 0 < df.get(x, 0) <= max_df}
    rows = []
    for c in creds:
        ss, st_ = len(s & credential_skills(c)), len(t & index_tokens(c))
        if c.id == asked.id or (ss == 0 and st_ == 0):
            continue
        if country is not None and c.country.casefold() != country.casefold():
            continue
        rows.append((-ss, -st_, eqf_distance(eqf(asked), eqf(c)), c.id))
    return [r[3] for r in sorted(rows)[:limit]]


words = st.sampled_from(["weld", "steel", "plate", "books", "keevitus", "safety", "arc", "roof"])
skills = st.sampled_from([WELD, INSPECT, BOOKS, "esco:roof"])
levels = st.sampled_from([None, *LEVELS])
credentials = st.builds(
    lambda i, title, outs, country, level: cred(
        f"c{i}", title, *outs, country=country, level=level
    ),
    st.integers(0, 30),
    st.lists(words, min_size=1, max_size=3).map(" ".join),
    st.lists(
        st.tuples(
            st.lists(words, max_size=3).map(" ".join), st.lists(skills, max_size=2).map(tuple)
        ),
        max_size=3,
    ),
    st.sampled_from(["IE", "EE", "DK"]),
    levels,
)


@settings(max_examples=150)
@given(
    st.lists(credentials, min_size=1, max_size=25, unique_by=lambda c: c.id),
    st.sampled_from([None, "IE", "ee"]),
    st.integers(1, 8),
)
def test_shortlist_follows_the_documented_rule(
    creds: list[Credential], country: str | None, limit: int
) -> None:
    idx = CandidateIndex(creds, LEVELS)

    for asked in creds[:3]:
        assert idx.shortlist(asked, country, limit) == reference_shortlist(
            creds, asked, country, limit
        )
