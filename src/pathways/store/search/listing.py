"""Filtered listing for the embedded store: a sorted id list per combination of filters.

Every credential sits in one list per combination of the filters it could be asked
for: (its country or any) x (its kind or any) x (each of its EQF levels or any), at most
2 x 2 x (levels + 1) lists.  A listing is one bisection into one list (keyset: after the
last id seen) and the count is the list's length; a write moves one credential in its
few lists.  Nothing walks the credentials.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

FilterKey = tuple[str | None, str | None, int | None]
"""(country, kind, EQF level); None means "any"."""


@dataclass(frozen=True, slots=True)
class Facets:
    """What a credential is filtered by."""

    country: str
    kind: str
    eqf: tuple[int, ...]

    def keys(self) -> set[FilterKey]:
        """Every filter combination this credential passes."""
        return {
            (country, kind, level)
            for country in (self.country, None)
            for kind in (self.kind, None)
            for level in (*self.eqf, None)
        }

    def passes(self, key: FilterKey) -> bool:
        """Whether this credential passes one filter combination."""
        country, kind, level = key
        return (
            (country is None or country == self.country)
            and (kind is None or kind == self.kind)
            and (level is None or level in self.eqf)
        )


class FilterLists:
    """Credential ids in id order, one list per filter combination, kept per write."""

    def __init__(self) -> None:
        self._lists: dict[FilterKey, list[str]] = {}
        self._facets: dict[str, Facets] = {}
        # Sets of the combinations searches have filtered by, kept per write once made.
        self._sets: dict[FilterKey, set[str]] = {}

    def __len__(self) -> int:
        return len(self._facets)

    def facets(self, cid: str) -> Facets | None:
        """The facets a credential was put with."""
        return self._facets.get(cid)

    def put(self, cid: str, facets: Facets) -> None:
        """Place a credential in its lists, moving it out of lists it no longer belongs to."""
        old = self._facets.get(cid)
        before = old.keys() if old is not None else set()
        after = facets.keys()
        for key in before - after:
            _drop(self._lists[key], cid)
            if not self._lists[key]:
                del self._lists[key]
            if key in self._sets:
                self._sets[key].discard(cid)
        for key in after - before:
            bisect.insort(self._lists.setdefault(key, []), cid)
            if key in self._sets:
                self._sets[key].add(cid)
        self._facets[cid] = facets

    def members(self, key: FilterKey) -> set[str]:
        """The ids passing `key` as a set (made on first use, then kept per write)."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = set(self._lists.get(key, ()))
        return found

    def page(
        self, key: FilterKey, after: str | None, limit: int, skip: frozenset[str] = frozenset()
    ) -> tuple[list[str], int, bool]:
        """Up to `limit` ids passing `key` after id `after`, the count passing it, more to come.

        `skip` (ids left out, such as credentials not valid on the asked day) is small: the
        walk past skipped ids and the count's correction cost its size, not the list's.
        """
        ids = self._lists.get(key, [])
        start = bisect.bisect_right(ids, after) if after is not None else 0
        if not skip:
            page = ids[start : start + limit]
            return page, len(ids), start + limit < len(ids)
        skipped = [cid for cid in skip if (f := self._facets.get(cid)) and f.passes(key)]
        page, at = [], start
        while at < len(ids) and len(page) < limit:
            if ids[at] not in skip:
                page.append(ids[at])
            at += 1
        last = ids[at - 1] if at else None
        later_skipped = sum(1 for cid in skipped if last is None or cid > last)
        return page, len(ids) - len(skipped), len(ids) - at - later_skipped > 0


def _drop(ids: list[str], cid: str) -> None:
    at = bisect.bisect_left(ids, cid)
    if at < len(ids) and ids[at] == cid:
        del ids[at]
