"""Matched credentials in result order: each one's best match, by score then id, keyset pages.

Skills are ranked by their match's key (`scoring.Best.key`, best first); a credential
aligned to several takes the best ranked, and its own best title wins when it scores at
least as much (a title sorts before a skill label of the same score).  Per credential
that is one integer in a numpy array over the credential slots (`slots.Slots`), so a
skill taught by thousands costs numpy work, not a Python loop over them; the total is a
count, and the ids of a score band are looked up only when a page reaches that band.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from pathways.store.base import SearchKey, TextMatch
from pathways.store.search.scoring import Best
from pathways.store.search.slots import Ints, Slots

Mask = npt.NDArray[np.bool_]
"""Per credential slot, whether it passes the search's filters."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched credential: its score and the text that matched."""

    id: str
    score: float
    match: TextMatch


class Ranking:
    """Matched credentials by score, then id; a page costs the bands it reaches, not a sort."""

    def __init__(
        self,
        slots: Slots,
        best_skill: npt.NDArray[np.int32],
        skills: Sequence[Best],
        titles: Mapping[str, float],
        title_match: Callable[[str], TextMatch],
    ) -> None:
        # best_skill: per slot, the rank in `skills` of its best skill (len(skills): none);
        # titles: the credentials whose title won, with their scores
        self._slots = slots
        self._best = best_skill
        self._skills = skills
        self._title_match = title_match
        self._matched = np.flatnonzero(best_skill < len(skills))
        self._ranks = best_skill[self._matched]
        self._neg = [-b.score for b in skills]  # ascending, as the skills are sorted
        self._by_title: dict[float, list[str]] = {}
        for cid, score in titles.items():
            self._by_title.setdefault(score, []).append(cid)
        self.total = len(self._matched) + len(titles)

    def _first(self, score: float, k: int, after: str | None) -> list[str]:
        """The `k` smallest ids (above `after`, if given) of the credentials scoring `score`."""
        lo, hi = bisect.bisect_left(self._neg, -score), bisect.bisect_right(self._neg, -score)
        titles = self._by_title.get(score, [])
        if after is not None:
            titles = [c for c in titles if c > after]
        if hi == lo:
            return heapq.nsmallest(k, titles)
        held = self._matched[(self._ranks >= lo) & (self._ranks < hi)]
        return heapq.nsmallest(k, [*titles, *self._slots.smallest(held, k, after)])

    def _hit(self, cid: str, score: float) -> Hit:
        slot = self._slots.get(cid)
        rank = int(self._best[slot]) if slot is not None and slot < len(self._best) else -1
        if 0 <= rank < len(self._skills):
            return Hit(cid, score, self._skills[rank].match)
        return Hit(cid, score, self._title_match(cid))

    def page(self, after: SearchKey | None, limit: int) -> tuple[list[Hit], bool]:
        """Up to `limit` hits after `after` (keyset), and whether more follow."""
        want = limit + 1
        hits: list[Hit] = []
        last = None if after is None else (after.score or 0.0)
        for score in sorted({-n for n in self._neg} | set(self._by_title), reverse=True):
            if last is not None and score > last:
                continue
            floor = after.id if after is not None and score == last else None
            hits.extend(self._hit(c, score) for c in self._first(score, want - len(hits), floor))
            if len(hits) >= want:
                break
        return hits[:limit], len(hits) > limit

    def all(self) -> list[Hit]:
        """Every hit in order (tests and small answers)."""
        return self.page(None, self.total)[0]


def rank(
    slots: Slots,
    titles: Mapping[str, float],
    title_match: Callable[[str], TextMatch],
    skills: Mapping[str, Best],
    holders: Mapping[str, Ints],
    passing: Mask | None = None,
) -> Ranking:
    """Each credential's best match over its titles and its matched skills, ranked.

    `titles`: the best title score of credentials whose title matched (filters applied);
    `holders`: per matched skill, the slots of the credentials aligned to it; `passing`:
    the slots a holder must be in (the filters), None for all.
    """
    order = sorted(skills, key=lambda s: skills[s].key())
    none = len(order)
    best = np.full(len(slots), none, dtype=np.int32)
    # worst first, so a credential is left with the best ranked skill it holds
    for r in range(none - 1, -1, -1):
        held = holders.get(order[r])
        if held is not None and len(held):
            best[held] = r
    if passing is not None:
        best[~passing] = none
    won: dict[str, float] = {}
    for cid, score in titles.items():
        slot = slots.get(cid)
        if slot is not None:
            r = int(best[slot])
            if r < none and skills[order[r]].score > score:
                continue
            best[slot] = none
        won[cid] = score
    return Ranking(slots, best, [skills[s] for s in order], won, title_match)


def combine(
    titles: Mapping[str, Best],
    skills: Mapping[str, Best],
    holders: Mapping[str, AbstractSet[str]],
) -> Ranking:
    """`rank` from id sets: `holders` gives, per matched skill, the credentials aligned to it."""
    slots = Slots()
    for cid in sorted({*titles, *(c for ids in holders.values() for c in ids)}):
        slots.slot(cid)
    arrays = {
        sid: np.array([slots.slot(c) for c in ids], dtype=np.intc) for sid, ids in holders.items()
    }
    scores = {cid: b.score for cid, b in titles.items()}
    return rank(slots, scores, lambda cid: titles[cid].match, skills, arrays)
