"""The embedded store's inverted index: normalised words -> owners of texts holding them.

A sorted vocabulary answers prefix lookups by bisection ("weld" -> weld, welder,
welding...), and a vocabulary bucketed by length answers one-typo lookups with one
batched rapidfuzz call over the words of neighbouring lengths.  Putting or removing one
owner touches only its own words: no write rebuilds the index.
"""

from __future__ import annotations

import bisect
import contextlib
from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from pathways.store.search.scoring import FUZZY_MIN, MIN_PREFIX, SearchText


class WordIndex:
    """Owners (credential or skill ids) of texts by normalised word, with the texts kept."""

    def __init__(self) -> None:
        # lists, not sets: an owner is put once per distinct word, and a list costs 8 bytes
        # an owner where a set costs 30-60 (issue 16's memory); removal is a C-speed scan
        self._postings: dict[str, list[str]] = {}
        self._vocab: list[str] = []
        self._by_length: dict[int, list[str]] = {}
        self._texts: dict[str, tuple[SearchText, ...]] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def texts(self, owner: str) -> tuple[SearchText, ...]:
        """The texts an owner was put with (empty when unknown)."""
        return self._texts.get(owner, ())

    def put(self, owner: str, texts: Sequence[SearchText]) -> None:
        """Index an owner's texts, replacing what it had."""
        self.remove(owner)
        if not texts:
            return
        self._texts[owner] = tuple(texts)
        for word in {w for t in texts for w in t.norm.split()}:
            posting = self._postings.get(word)
            if posting is None:
                posting = self._postings[word] = []
                bisect.insort(self._vocab, word)
                bisect.insort(self._by_length.setdefault(len(word), []), word)
            posting.append(owner)

    def remove(self, owner: str) -> None:
        """Drop an owner's texts; unknown owners are ignored."""
        texts = self._texts.pop(owner, None)
        if texts is None:
            return
        for word in {w for t in texts for w in t.norm.split()}:
            posting = self._postings.get(word)
            if posting is None:
                continue
            with contextlib.suppress(ValueError):
                posting.remove(owner)
            if not posting:
                del self._postings[word]
                _drop(self._vocab, word)
                _drop(self._by_length[len(word)], word)

    def words_for(self, word: str) -> set[str]:
        """Indexed words a query word matches (the rule in scoring's module docstring)."""
        found = {word} if word in self._postings else set()
        if len(word) >= MIN_PREFIX:
            start = bisect.bisect_left(self._vocab, word)
            for candidate in self._vocab[start:]:
                if not candidate.startswith(word):
                    break
                found.add(candidate)
        if len(word) >= FUZZY_MIN:
            near = [
                w
                for n in (len(word) - 1, len(word), len(word) + 1)
                for w in self._by_length.get(n, ())
            ]
            for candidate, _dist, _i in process.extract(
                word, near, scorer=OSA.distance, score_cutoff=1, limit=None
            ):
                found.add(candidate)
        return found

    def lookup(self, words: Iterable[str]) -> Counter[str]:
        """Owners holding a match of each query word: how many of the words they match."""
        return self.search(words)[0]

    def search(self, words: Iterable[str]) -> tuple[Counter[str], set[str]]:
        """`lookup`, and the indexed words the query words matched."""
        hits: Counter[str] = Counter()
        matched: set[str] = set()
        for word in words:
            owners: set[str] = set()
            for indexed in self.words_for(word):
                matched.add(indexed)
                owners.update(self._postings[indexed])
            hits.update(owners)
        return hits, matched


def _drop(words: list[str], word: str) -> None:
    at = bisect.bisect_left(words, word)
    if at < len(words) and words[at] == word:
        del words[at]
