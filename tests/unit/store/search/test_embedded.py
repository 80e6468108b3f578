"""Embedded search: it goes through the index, agrees with a brute force, and writes update it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set

from rapidfuzz.distance import OSA

from pathways.model import Credential, CredentialKind, Outcome, Skill
from pathways.store.base import SearchFilter
from pathways.store.search.embedded import EmbeddedSearch
from pathways.store.search.ranking import combine
from pathways.store.search.scoring import (
    FUZZY_MIN,
    MIN_PREFIX,
    SCORE_CUTOFF,
    Best,
    SearchText,
    best_texts,
    credential_texts,
    normalise,
    query_words,
    skill_texts,
    title_scores,
)

SKILLS = {
    "s:weld": Skill("s:weld", {"en": "weld metal parts", "et": "metallosade keevitamine"}),
    "s:care": Skill("s:care", {"en": "support older people"}),
}


def _cred(
    cid: str, title: str, country: str = "IE", skill: str | None = None, **extra: str
) -> Credential:
    outcomes = (Outcome(f"{cid}#1", "Do it", "en", (skill,)),) if skill else ()
    return Credential(
        id=cid,
        kind=CredentialKind.MICRO_CREDENTIAL,
        title=title,
        country=country,
        language="et" if country == "EE" else "en",
        outcomes=outcomes,
        extra=dict(extra),
    )


def _filler(n: int) -> list[Credential]:
    return [_cred(f"f{i:04d}", f"Bookkeeping module {i}") for i in range(n)]


def _rule(word: str, indexed: str) -> bool:
    return (
        indexed == word
        or (len(word) >= MIN_PREFIX and indexed.startswith(word))
        or (len(word) >= FUZZY_MIN and OSA.distance(word, indexed) <= 1)
    )


def _brute(search: SearchFilter, creds: Sequence[Credential]) -> list[tuple[str, float]]:
    """Every text of every credential passing the filter, no index: the reference."""
    query = normalise(search.text or "")
    passing = [c for c in creds if search.country in (None, c.country)]
    titles = {c.id: credential_texts(c) for c in passing}
    labels = {s.id: skill_texts(s) for s in SKILLS.values()}
    everything = [t for texts in (*titles.values(), *labels.values()) for t in texts]
    matched = {
        w
        for t in everything
        for w in t.norm.split()
        if any(_rule(q, w) for q in query_words(query))
    }
    holders = {
        sid: {c.id for c in passing if any(sid in o.skills for o in c.outcomes)} for sid in SKILLS
    }
    ranking = combine(
        best_texts(query, titles, False, matched),
        best_texts(query, labels, True, matched),
        holders,
    )
    # The reference ranks by sorting everything.
    hits = ranking.all()
    assert [(h.score, h.id) for h in hits] == sorted(
        ((h.score, h.id) for h in hits), key=lambda p: (-p[0], p[1])
    )
    return [(h.id, h.score) for h in hits]


def test_the_scorer_sees_only_the_shortlist() -> None:
    creds = [
        _cred("ie-mig", "MIG welding of steel plate", skill="s:weld"),
        _cred("ee-mag", "MAG keevitus", "EE", skill="s:weld", title_en="MAG welding"),
        _cred("ie-care", "Care of older people", skill="s:care"),
        *_filler(500),
    ]
    search = EmbeddedSearch(creds, SKILLS, {})
    seen: list[str] = []

    def watching_titles(
        query: str, owners: Mapping[str, Sequence[SearchText]], matched: Set[str]
    ) -> Mapping[str, float]:
        seen.extend(owners)
        return title_scores(query, owners, matched)

    def watching_skills(
        query: str, owners: Mapping[str, Sequence[SearchText]], skills: bool, matched: Set[str]
    ) -> Mapping[str, Best]:
        seen.extend(owners)
        return best_texts(query, owners, skills, matched)

    search.score_titles = watching_titles
    search.score_skills = watching_skills
    page = search.search(SearchFilter(text="welding"), 10, None, {c.id: c for c in creds}.get)
    assert seen == ["ee-mag", "ie-mig"]  # of 503 credentials and 2 skills, two titles
    assert [c.id for c, _ in page.items] == ["ee-mag", "ie-mig"]
    assert page.matches["ee-mag"].language == "en"


def test_ranking_equals_scoring_every_text() -> None:
    creds = [
        _cred("ie-mig", "MIG welding of steel plate", skill="s:weld"),
        _cred("ie-tig", "TIG welding", skill="s:weld"),
        _cred("ee-mag", "MAG keevitus", "EE", skill="s:weld", title_en="MAG welding"),
        _cred("ie-care", "Care of older people", skill="s:care"),
        _cred("ie-care2", "Elderly support", skill="s:care"),
        *_filler(50),
    ]
    search = EmbeddedSearch(creds, SKILLS, {})
    fetch = {c.id: c for c in creds}.get
    for text in ["weld", "welding", "keevitamine", "older people", "bookkeeping 7", "weldng"]:
        for country in [None, "IE", "EE"]:
            flt = SearchFilter(text=text, country=country)
            page = search.search(flt, 100, None, fetch)
            got = [(c.id, s) for c, s in page.items]
            assert got == _brute(flt, creds), text
            assert all(s is not None and s >= SCORE_CUTOFF for _, s in got)


def test_an_upsert_updates_the_index_for_that_credential_only() -> None:
    creds = [_cred("ie-mig", "MIG welding", skill="s:weld"), *_filler(20)]
    search = EmbeddedSearch(creds, SKILLS, {})
    current = {c.id: c for c in creds}
    search.upsert(moved := _cred("ie-mig", "Plumbing basics", "EE"))
    current[moved.id] = moved
    assert search.search(SearchFilter(text="welding"), 10, None, current.get).items == ()
    found = search.search(SearchFilter(text="plumbing", country="EE"), 10, None, current.get)
    assert [c.id for c, _ in found.items] == ["ie-mig"]
    listed = search.search(SearchFilter(country="IE"), 100, None, current.get)
    assert "ie-mig" not in [c.id for c, _ in listed.items]
    assert listed.total == 20
