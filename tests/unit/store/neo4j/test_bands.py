"""Ranking matches by node id (store.neo4j.bands) against a brute force over dicts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pathways.store.neo4j import bands
from pathways.store.neo4j.bands import DENSE_SLACK

SCORES = st.sampled_from([0.7, 0.72, 0.8, 0.81, 0.9, 1.0])
NODES = st.one_of(
    st.integers(min_value=0, max_value=40),
    # far past the matches' count: the sparse path
    st.integers(min_value=DENSE_SLACK + 100, max_value=DENSE_SLACK + 140),
)
TITLES = st.lists(st.tuples(NODES, SCORES), unique_by=lambda t: t[0], max_size=12)
SKILLS = st.lists(st.tuples(st.lists(NODES, unique=True, max_size=10), SCORES), max_size=8)


def _brute(
    titles: list[tuple[int, float]], skills: list[tuple[list[int], float]]
) -> dict[int, float]:
    found: dict[int, float] = {}
    for node, score in [*titles, *((n, s) for held, s in skills for n in held)]:
        found[node] = max(found.get(node, 0.0), score)
    return found


@given(titles=TITLES, skills=SKILLS)
def test_best_is_the_union_with_each_credential_s_best_score(
    titles: list[tuple[int, float]], skills: list[tuple[list[int], float]]
) -> None:
    matches = bands.best(titles, skills)
    expected = _brute(titles, skills)
    assert matches.total == len(expected)
    assert dict(zip(matches.nodes.tolist(), matches.scores.tolist(), strict=True)) == expected


@given(
    titles=TITLES,
    skills=SKILLS,
    take=st.integers(min_value=1, max_value=12),
    cursor=st.one_of(st.none(), st.tuples(SCORES, st.integers(min_value=0, max_value=41))),
)
def test_reach_holds_the_page_whatever_the_ids_and_cursor(
    titles: list[tuple[int, float]],
    skills: list[tuple[list[int], float]],
    take: int,
    cursor: tuple[float, int] | None,
) -> None:
    # The database orders ties by credential id; any order of ids must find its page in
    # what reach returns.  Here a credential's id is its node id reversed, the worst case
    # for a reach that would guess ties by node id.
    expected = _brute(titles, skills)

    def key(item: tuple[int, float]) -> tuple[float, int]:
        return (-item[1], -item[0])

    after = None if cursor is None else (cursor[0], cursor[1])
    ordered = sorted(expected.items(), key=key)
    if after is not None:
        ordered = [i for i in ordered if key(i) > (-after[0], -after[1])]
    page = ordered[:take]
    reached = bands.reach(bands.best(titles, skills), None if after is None else after[0], take)
    assert len(set(reached)) == len(reached)
    assert set(page) <= set(reached)
    assert all(expected[node] == score for node, score in reached)
    # nothing past the cursor's band is fetched
    if after is not None:
        assert all(score <= after[0] for _, score in reached)
