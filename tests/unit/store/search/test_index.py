"""The inverted word index: lookups follow the documented rule, writes touch one owner."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from pathways.store.search.index import WordIndex
from pathways.store.search.scoring import FUZZY_MIN, MIN_PREFIX, SKILL, SearchText, normalise


def _texts(*titles: str) -> list[SearchText]:
    return [SearchText(SKILL, "en", t, normalise(t)) for t in titles]


def _rule(word: str, indexed: str) -> bool:
    return (
        indexed == word
        or (len(word) >= MIN_PREFIX and indexed.startswith(word))
        or (len(word) >= FUZZY_MIN and OSA.distance(word, indexed) <= 1)
    )


WORDS = st.text(alphabet="abcde", min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(
    owners=st.dictionaries(
        st.sampled_from(["a", "b", "c", "d"]), st.lists(WORDS, min_size=1, max_size=4)
    ),
    removed=st.sets(st.sampled_from(["a", "b", "c", "d"])),
    query=WORDS,
)
def test_lookup_equals_the_rule_applied_to_every_word(
    owners: dict[str, list[str]], removed: set[str], query: str
) -> None:
    index = WordIndex()
    for owner, words in owners.items():
        index.put(owner, _texts(" ".join(words)))
    for owner in removed:
        index.remove(owner)
    live = {o: set(ws) for o, ws in owners.items() if o not in removed}
    expected = {o for o, ws in live.items() if any(_rule(query, w) for w in ws)}
    assert set(index.lookup([query])) == expected
    vocabulary = {w for ws in live.values() for w in ws}
    assert index.words_for(query) == {w for w in vocabulary if _rule(query, w)}


def test_prefix_typo_and_accent() -> None:
    index = WordIndex()
    index.put("c1", _texts("MIG welding of steel"))
    index.put("c2", _texts("Töökoja ohutus"))
    assert set(index.lookup(["weld"])) == {"c1"}
    assert set(index.lookup(["weldng"])) == {"c1"}
    assert set(index.lookup(["tookoja"])) == {"c2"}
    assert set(index.lookup(["we"])) == set()  # too short for a prefix


def test_putting_an_owner_again_replaces_its_words() -> None:
    index = WordIndex()
    index.put("c1", _texts("welding"))
    index.put("c1", _texts("plumbing"))
    assert index.words_for("weld") == set()
    assert set(index.lookup(["plumb"])) == {"c1"}
    counts = index.lookup(["plumbing", "welding"])
    assert counts == {"c1": 1}
