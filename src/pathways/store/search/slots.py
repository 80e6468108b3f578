"""Dense integer slots for the ids the search indexes hold, and columns over them.

A search touches tens of thousands of postings when its words are common; as Python
sets of id strings each costs a hash and a pointer chase, as int32 arrays it costs a few
bytes of numpy work.  So the indexes store slots, counts and unions are numpy masks
over them, and an id string is looked up only for the shortlist and the page.  A slot
is never reused: an id keeps its slot for the life of the process.

Slots handed out in id order (a store's start gives its ids their slots sorted) compare
as their ids do, so "the k smallest ids" of many slots is a numpy partition over that
sorted prefix plus a string sort of the few slots taken later.
"""

from __future__ import annotations

import bisect
import heapq
from array import array
from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.intc]
"""Slots as a numpy array (the element type of `array("i")`)."""


class Slots:
    """Ids by slot and slots by id; a new id takes the next slot."""

    def __init__(self) -> None:
        self._of: dict[str, int] = {}
        self.ids: list[str] = []
        self._sorted = 0  # slots below this have ascending ids

    def __len__(self) -> int:
        return len(self.ids)

    def slot(self, owner: str) -> int:
        """The slot of `owner`, taking a new one when it has none."""
        found = self._of.get(owner)
        if found is None:
            found = self._of[owner] = len(self.ids)
            if self._sorted == found and (not found or self.ids[-1] < owner):
                self._sorted += 1
            self.ids.append(owner)
        return found

    def get(self, owner: str) -> int | None:
        """The slot of `owner`, if it has one."""
        return self._of.get(owner)

    def names(self, slots: npt.NDArray[np.integer[Any]]) -> list[str]:
        """The ids of some slots, in their order."""
        ids = self.ids
        return [ids[s] for s in slots.tolist()]

    def smallest(
        self, slots: npt.NDArray[np.integer[Any]], k: int, after: str | None = None
    ) -> list[str]:
        """The `k` smallest ids (greater than `after`, if given) of some slots, in order."""
        if k <= 0 or not len(slots):
            return []
        cut = self._sorted
        head = slots[slots < cut]
        tail = self.names(slots[slots >= cut])
        if after is not None:
            head = head[head >= bisect.bisect_right(self.ids, after, 0, cut)]
            tail = [t for t in tail if t > after]
        if len(head) > k:
            head = np.partition(head, k - 1)[:k]
        return heapq.nsmallest(k, [*self.names(np.sort(head)), *tail])


def view(posting: array[int]) -> Ints:
    """A posting's slots as a numpy array (a view: use it before the posting changes)."""
    return np.frombuffer(posting, dtype=np.intc)


class Column:
    """One small integer per slot in a numpy array that grows by doubling (a write is O(1))."""

    def __init__(self, dtype: npt.DTypeLike, fill: int) -> None:
        self._fill = fill
        self._values = np.full(64, fill, dtype=dtype)

    def set(self, slot: int, value: int) -> None:
        """Store a slot's value."""
        if slot >= len(self._values):
            grown = np.full(max(2 * len(self._values), slot + 1), self._fill, self._values.dtype)
            grown[: len(self._values)] = self._values
            self._values = grown
        self._values[slot] = value

    def upto(self, n: int) -> npt.NDArray[np.integer[Any]]:
        """The values of slots 0..n-1 (a view)."""
        if n > len(self._values):
            self.set(n - 1, self._fill)
        return self._values[:n]
