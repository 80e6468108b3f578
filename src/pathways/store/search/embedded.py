"""Credential search for the embedded store: the word index shortlists, rapidfuzz scores.

Titles are indexed by credential, skill labels by skill (a label is stored and scored
once however many credentials teach the skill), and the candidate index kept here (the
equivalence shortlist's, one copy for both) knows the credentials aligned to each skill.
A search costs the posting lists its words touch plus the shortlist it scores; a listing
without text is one bisection into a filter list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from pathways.domain.candidates import CandidateIndex
from pathways.domain.dates import valid_on
from pathways.model import Credential, Level, Skill
from pathways.store.base import SearchFilter, SearchKey, SearchPage
from pathways.store.search.index import WordIndex
from pathways.store.search.listing import Facets, FilterKey, FilterLists
from pathways.store.search.scoring import (
    Best,
    Ranking,
    SearchText,
    best_texts,
    cap,
    combine,
    credential_texts,
    normalise,
    query_words,
    skill_texts,
)

Fetch = Callable[[str], Credential | None]


Scorer = Callable[
    [str, Mapping[str, Sequence[SearchText]], bool, AbstractSet[str]], Mapping[str, Best]
]
"""What scores a shortlist (scoring.best_texts)."""


ANY: FilterKey = (None, None, None)


def filter_key(flt: SearchFilter) -> FilterKey:
    """The filter combination a search asks for."""
    return (flt.country, flt.kind.value if flt.kind else None, flt.eqf_level)


class EmbeddedSearch:
    """Search and filtered listing over indexes kept up to date one credential at a time."""

    def __init__(
        self,
        credentials: Iterable[Credential],
        skills: Mapping[str, Skill],
        levels: Mapping[tuple[str, str], Level],
    ) -> None:
        self._levels = levels
        self._titles = WordIndex()
        self._labels = WordIndex()
        self._lists = FilterLists()
        self.candidates = CandidateIndex((), levels)
        self._dated: dict[str, Credential] = {}  # only credentials with valid_from/valid_until
        # The scorer is an attribute so a test can watch what it is given.
        self.score: Scorer = best_texts
        for skill in skills.values():
            self._labels.put(skill.id, skill_texts(skill))
        for cred in credentials:
            self.upsert(cred)

    def _facets(self, cred: Credential) -> Facets:
        eqf: tuple[int, ...] = ()
        if cred.level is not None:
            lvl = self._levels.get((cred.level.framework, cred.level.code))
            eqf = lvl.eqf if lvl is not None else ()
        return Facets(cred.country, cred.kind.value, eqf)

    def upsert(self, cred: Credential) -> None:
        """Index a new or changed credential: its titles, filter lists and candidate postings."""
        self._titles.put(cred.id, credential_texts(cred))
        self._lists.put(cred.id, self._facets(cred))
        if cred.valid_from is not None or cred.valid_until is not None:
            self._dated[cred.id] = cred
        else:
            self._dated.pop(cred.id, None)
        self.candidates.add(cred)

    def search(
        self, flt: SearchFilter, limit: int, after: SearchKey | None, fetch: Fetch
    ) -> SearchPage:
        """One page of results after `after`; `fetch` turns ids into credentials."""
        key = filter_key(flt)
        query = normalise(flt.text) if flt.text else ""
        skip = self.out_of_date(flt.as_of)
        if not query:
            ids, total, more = self._lists.page(key, after.id if after else None, limit, skip)
            listed = tuple((c, None) for i in ids if (c := fetch(i)) is not None)
            return SearchPage(items=listed, total=total, more=more)
        ranking = self.rank(query, key, skip)
        hits, more = ranking.page(after, limit)
        items = tuple((c, h.score) for h in hits if (c := fetch(h.id)) is not None)
        return SearchPage(
            items=items,
            total=ranking.total,
            matches={h.id: h.match for h in hits},
            more=more,
        )

    def out_of_date(self, day: str | None) -> frozenset[str]:
        """Credentials not valid on `day` (asOf): found among the few that carry dates."""
        if day is None:
            return frozenset()
        return frozenset(cid for cid, cred in self._dated.items() if not valid_on(cred, day))

    def rank(self, query: str, key: FilterKey, skip: frozenset[str] = frozenset()) -> Ranking:
        """Every credential passing `key` that matches a normalised query, in result order."""
        words = query_words(query)
        title_hits, title_words = self._titles.search(words)
        label_hits, label_words = self._labels.search(words)
        if key != ANY or skip:
            title_hits = Counter(
                {c: n for c, n in title_hits.items() if c not in skip and self._passes(c, key)}
            )
        titles = {c: self._titles.texts(c) for c in cap(title_hits)}
        labels = {s: self._labels.texts(s) for s in cap(label_hits)}
        title_best = self.score(query, titles, False, title_words)
        skill_best = self.score(query, labels, True, label_words)
        holding = self.candidates.holding
        if key == ANY:
            holders = {sid: holding(sid) for sid in skill_best}
        else:
            members = self._lists.members(key)
            holders = {sid: holding(sid) & members for sid in skill_best}
        if skip:
            holders = {sid: ids - skip for sid, ids in holders.items()}
        return combine(title_best, skill_best, holders)

    def _passes(self, cid: str, key: FilterKey) -> bool:
        facets = self._lists.facets(cid)
        return facets is not None and facets.passes(key)
