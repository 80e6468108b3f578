"""Ranking: each credential's best match, in order, paged by keyset, against a plain sort."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.store.base import SearchKey, TextMatch
from pathways.store.search.ranking import combine
from pathways.store.search.scoring import SKILL, TITLE, Best, normalise

IDS = st.sampled_from([f"c{i}" for i in range(12)])
SCORES = st.sampled_from([0.7, 0.75, 0.81, 0.9, 1.0])


def _title(score: float, text: str) -> Best:
    return Best(score, TextMatch(TITLE, "en", text))


def _skill(score: float, sid: str) -> Best:
    return Best(score, TextMatch(SKILL, "et", f"label {sid}", sid))


@settings(max_examples=300, deadline=None)
@given(
    titles=st.dictionaries(IDS, st.tuples(SCORES, st.sampled_from(["a", "b"]))),
    skills=st.dictionaries(
        st.sampled_from(["s1", "s2", "s3", "s4"]), st.tuples(SCORES, st.sets(IDS))
    ),
    after=st.one_of(st.none(), st.builds(SearchKey, SCORES, IDS)),
    limit=st.integers(0, 6),
)
def test_pages_equal_sorting_every_credentials_best(
    titles: dict[str, tuple[float, str]],
    skills: dict[str, tuple[float, set[str]]],
    after: SearchKey | None,
    limit: int,
) -> None:
    title_best = {c: _title(s, t) for c, (s, t) in titles.items()}
    skill_best = {sid: _skill(s, sid) for sid, (s, _) in skills.items()}
    holders = {sid: ids for sid, (_, ids) in skills.items()}
    best: dict[str, Best] = {}
    for cid, b in title_best.items():
        best[cid] = b
    for sid, b in skill_best.items():
        for cid in holders[sid]:
            if cid not in best or b.key() < best[cid].key():
                best[cid] = b
    ordered = sorted(best.items(), key=lambda kv: (-kv[1].score, kv[0]))
    if after is not None:
        ordered = [kv for kv in ordered if (-kv[1].score, kv[0]) > (-(after.score or 0), after.id)]
    ranking = combine(title_best, skill_best, holders)
    hits, more = ranking.page(after, limit)
    assert ranking.total == len(best)
    assert [(h.id, h.score, h.match) for h in hits] == [
        (cid, b.score, b.match) for cid, b in ordered[:limit]
    ]
    assert more == (len(ordered) > limit)


def test_normalise_folds_accents_ligatures_and_punctuation() -> None:
    assert normalise("  Töökoja-OHUTUS; Ærø   ß ") == "tookoja ohutus aero ss"
