"""Credential search for the embedded store: the word index shortlists, rapidfuzz scores.

Titles are indexed by credential, skill labels by skill (a label is stored and scored
once however many credentials teach the skill), and the credentials aligned to each
skill are kept as slot postings beside them.  Credentials are integer slots
(slots.Slots) shared by the title index, the skill holders and the filter columns, so the
postings a common word touches are counted, filtered and combined as numpy arrays; only
the shortlist and the page are Python objects.  A listing without text is one bisection
into a filter list.
"""

from __future__ import annotations

import contextlib
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

import numpy as np

from pathways.domain.candidates import CandidateIndex, credential_skills
from pathways.domain.dates import valid_on
from pathways.model import Credential, Level, Skill
from pathways.store.base import SearchFilter, SearchKey, SearchPage, TextMatch
from pathways.store.search.index import WordIndex
from pathways.store.search.listing import Facets, FilterKey, FilterLists
from pathways.store.search.ranking import Mask, Ranking, rank
from pathways.store.search.scoring import (
    Best,
    SearchText,
    best_texts,
    cap,
    credential_texts,
    normalise,
    query_words,
    skill_texts,
    title_scores,
)
from pathways.store.search.slots import Column, Slots, view

Fetch = Callable[[str], Credential | None]


Scorer = Callable[
    [str, Mapping[str, Sequence[SearchText]], bool, AbstractSet[str]], Mapping[str, Best]
]
"""What scores a skill shortlist (scoring.best_texts)."""

TitleScorer = Callable[
    [str, Mapping[str, Sequence[SearchText]], AbstractSet[str]], Mapping[str, float]
]
"""What scores a title shortlist (scoring.title_scores)."""


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
        self._slots = Slots()  # credentials
        self._titles = WordIndex(self._slots)
        self._labels = WordIndex()
        self._holders: dict[str, array[int]] = {}  # skill -> slots of the credentials holding it
        self._columns = FacetColumns()
        self._lists = FilterLists()
        self.candidates = CandidateIndex((), levels)
        self._dated: dict[str, Credential] = {}  # only credentials with valid_from/valid_until
        # The scorers are attributes so a test can watch what they are given.
        self.score_titles: TitleScorer = title_scores
        self.score_skills: Scorer = best_texts
        # slots in id order, so slot order is id order (slots.Slots.smallest)
        for sid in sorted(skills):
            self._labels.put(sid, skill_texts(skills[sid]))
        creds = list(credentials)
        for cid in sorted(c.id for c in creds):
            self._slots.slot(cid)
        for cred in creds:
            self.upsert(cred)

    def _facets(self, cred: Credential) -> Facets:
        eqf: tuple[int, ...] = ()
        if cred.level is not None:
            lvl = self._levels.get((cred.level.framework, cred.level.code))
            eqf = lvl.eqf if lvl is not None else ()
        return Facets(cred.country, cred.kind.value, eqf)

    def upsert(self, cred: Credential) -> None:
        """Index a new or changed credential: its titles, filter lists and candidate postings."""
        slot = self._slots.slot(cred.id)
        self._titles.put(cred.id, credential_texts(cred))
        facets = self._facets(cred)
        self._lists.put(cred.id, facets)
        self._columns.put(slot, facets)
        for sid in self.candidates.skills_of(cred.id):
            with contextlib.suppress(ValueError):
                self._holders[sid].remove(slot)
        for sid in credential_skills(cred):
            self._holders.setdefault(sid, array("i")).append(slot)
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
        passing: Mask | None = None
        if key != ANY or skip:
            passing = self._columns.passing(key, len(self._slots))
            for cid in skip:
                if (slot := self._slots.get(cid)) is not None:
                    passing[slot] = False
            title_hits[~passing] = 0
        titles = {c: self._titles.texts(c) for c in cap(title_hits, self._slots)}
        labels = {s: self._labels.texts(s) for s in cap(label_hits, self._labels.slots)}
        title_best = self.score_titles(query, titles, title_words)
        skill_best = self.score_skills(query, labels, True, label_words)
        holders = {sid: view(self._holders[sid]) for sid in skill_best if sid in self._holders}

        def title_match(cid: str) -> TextMatch:
            return best_texts(query, {cid: self._titles.texts(cid)}, False, title_words)[cid].match

        return rank(self._slots, title_best, title_match, skill_best, holders, passing)


class FacetColumns:
    """Each credential slot's country, kind and EQF levels as numbers, for filter masks."""

    def __init__(self) -> None:
        self._codes: dict[str, int] = {}  # country and kind names -> small numbers
        self._country = Column(np.int16, -1)
        self._kind = Column(np.int16, -1)
        self._eqf = Column(np.uint32, 0)  # bit n: EQF level n

    def _code(self, name: str) -> int:
        return self._codes.setdefault(name, len(self._codes))

    def put(self, slot: int, facets: Facets) -> None:
        """Record a credential's facets at its slot."""
        self._country.set(slot, self._code(facets.country))
        self._kind.set(slot, self._code(facets.kind))
        self._eqf.set(slot, sum(1 << e for e in set(facets.eqf) if 0 <= e < 32))

    def passing(self, key: FilterKey, n: int) -> Mask:
        """Whether each of the first `n` slots passes a filter combination (Facets.passes)."""
        country, kind, level = key
        mask: Mask = np.ones(n, dtype=np.bool_)
        for column, name in ((self._country, country), (self._kind, kind)):
            if name is not None:
                code = self._codes.get(name)
                mask &= column.upto(n) == (-2 if code is None else code)
        if level is not None:
            bit = 1 << level if 0 <= level < 32 else 0
            mask &= (self._eqf.upto(n) & bit) != 0
        return mask
