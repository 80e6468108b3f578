"""Fuzzy credential search for the embedded store: filters first, then batched rapidfuzz."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from pathways.model import Credential, Level
from pathways.store.base import SearchFilter, SearchPage

SCORE_CUTOFF = 70.0
"""rapidfuzz score (0-100) below which a credential does not match a search text."""

OUTCOME_WEIGHT = 0.95
"""A match in outcomes counts slightly less than the same match in the title."""


def normalise(text: str) -> str:
    """Lower case, accents folded, punctuation to spaces: what both sides are compared as."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return str(utils.default_process(folded))


@dataclass(frozen=True, slots=True)
class _Entry:
    id: str
    country: str
    kind: str
    eqf: frozenset[int]
    title: str
    body: str


def _entry(cred: Credential, levels: Mapping[tuple[str, str], Level]) -> _Entry:
    eqf: frozenset[int] = frozenset()
    if cred.level is not None:
        lvl = levels.get((cred.level.framework, cred.level.code))
        if lvl is not None:
            eqf = frozenset(lvl.eqf)
    body = " ".join([cred.title, *(o.text for o in cred.outcomes)])
    return _Entry(
        id=cred.id,
        country=cred.country,
        kind=cred.kind.value,
        eqf=eqf,
        title=normalise(cred.title),
        body=normalise(body),
    )


class TextSearch:
    """Credential search over titles and outcomes, ranked by rapidfuzz score then id."""

    def __init__(
        self, credentials: Iterable[Credential], levels: Mapping[tuple[str, str], Level]
    ) -> None:
        self._levels = levels
        self._entries = {c.id: _entry(c, levels) for c in credentials}
        self._sorted: list[_Entry] | None = None

    def upsert(self, cred: Credential) -> None:
        """Index a new or changed credential."""
        self._entries[cred.id] = _entry(cred, self._levels)
        self._sorted = None

    def _all(self) -> list[_Entry]:
        if self._sorted is None:
            self._sorted = sorted(self._entries.values(), key=lambda e: e.id)
        return self._sorted

    def search(
        self,
        flt: SearchFilter,
        offset: int,
        limit: int,
        fetch: Callable[[str], Credential | None],
    ) -> SearchPage:
        """One page of matches; `fetch` turns ids into credentials."""
        rows = [e for e in self._all() if _keep(e, flt)]
        scored: list[tuple[str, float | None]]
        query = normalise(flt.text) if flt.text else ""
        if query:
            scored = list(
                rank_texts(
                    query, [e.id for e in rows], [e.title for e in rows], [e.body for e in rows]
                )
            )
        else:
            scored = [(e.id, None) for e in rows]
        page = scored[offset : offset + limit]
        items = tuple((c, s) for i, s in page if (c := fetch(i)) is not None)
        return SearchPage(items=items, total=len(scored))


def rank_texts(
    query: str, ids: Sequence[str], titles: Sequence[str], bodies: Sequence[str]
) -> list[tuple[str, float]]:
    """(id, score 0..1) of the rows matching a normalised query, best first, ties by id.

    Titles are compared with WRatio (partial words count), title and outcomes with
    token_set_ratio; both in one batched rapidfuzz call each, never a Python loop over texts.
    """
    if not ids:
        return []
    by_title = process.cdist([query], titles, scorer=fuzz.WRatio, workers=-1)[0]
    by_body = process.cdist([query], bodies, scorer=fuzz.token_set_ratio, workers=-1)[0]
    hits = []
    for i, cid in enumerate(ids):
        score = max(float(by_title[i]), float(by_body[i]) * OUTCOME_WEIGHT)
        if score >= SCORE_CUTOFF:
            hits.append((cid, round(score / 100.0, 4)))
    hits.sort(key=lambda h: (-h[1], h[0]))
    return hits


def _keep(e: _Entry, flt: SearchFilter) -> bool:
    if flt.country is not None and e.country != flt.country:
        return False
    if flt.kind is not None and e.kind != flt.kind.value:
        return False
    return not (flt.eqf_level is not None and flt.eqf_level not in e.eqf)
