"""The embedded store's inverted index: normalised words -> owners of texts holding them.

Owners are held as integer slots (slots.Slots, shared with the other search indexes) in
`array("i")` postings: 4 bytes an entry, and a lookup is numpy work over them.

A sorted vocabulary answers prefix lookups by bisection ("weld" -> weld, welder,
welding...), and a vocabulary bucketed by length answers one-typo lookups with one
batched rapidfuzz call over the words of neighbouring lengths.  Putting or removing one
owner touches only its own words: no write rebuilds the index.
"""

from __future__ import annotations

import bisect
import contextlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from pathways.store.search.scoring import FUZZY_MIN, MIN_PREFIX, SearchText
from pathways.store.search.slots import Slots, view

Counts = npt.NDArray[np.uint8]
"""Per slot, how many query words an owner matched (at most MAX_QUERY_WORDS)."""


class WordIndex:
    """Owners (credential or skill ids) of texts by normalised word, with the texts kept."""

    def __init__(self, slots: Slots | None = None) -> None:
        self.slots = slots if slots is not None else Slots()
        # arrays, not sets: an owner is put once per distinct word, and an entry costs 4
        # bytes where a set's costs 30-60 (issue 16's memory); removal is a C-speed scan
        self._postings: dict[str, array[int]] = {}
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
        slot = self.slots.slot(owner)
        for word in {w for t in texts for w in t.norm.split()}:
            posting = self._postings.get(word)
            if posting is None:
                posting = self._postings[word] = array("i")
                bisect.insort(self._vocab, word)
                bisect.insort(self._by_length.setdefault(len(word), []), word)
            posting.append(slot)

    def remove(self, owner: str) -> None:
        """Drop an owner's texts; unknown owners are ignored."""
        texts = self._texts.pop(owner, None)
        if texts is None:
            return
        slot = self.slots.slot(owner)
        for word in {w for t in texts for w in t.norm.split()}:
            posting = self._postings.get(word)
            if posting is None:
                continue
            with contextlib.suppress(ValueError):
                posting.remove(slot)
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
        counts = self.search(words)[0]
        found = np.flatnonzero(counts)
        return Counter(dict(zip(self.slots.names(found), counts[found].tolist(), strict=True)))

    def search(self, words: Iterable[str]) -> tuple[Counts, set[str]]:
        """Per slot, how many query words its owner matches; and the indexed words matched."""
        counts: Counts = np.zeros(len(self.slots), dtype=np.uint8)
        matched: set[str] = set()
        for word in words:
            found = self.words_for(word)
            if not found:
                continue
            matched |= found
            held = np.zeros(len(self.slots), dtype=np.bool_)
            for indexed in found:
                held[view(self._postings[indexed])] = True
            counts += held
        return counts, matched


def _drop(words: list[str], word: str) -> None:
    at = bisect.bisect_left(words, word)
    if at < len(words) and words[at] == word:
        del words[at]
