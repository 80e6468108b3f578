"""The Neo4j store's search: Lucene full-text indexes shortlist, the shared scoring ranks.

Titles are full-text indexed on Credential nodes (with the filters as facet words, so
Lucene filters too) and labels on Skill nodes, both as `scoring.normalise` wrote them
and split by the whitespace analyzer, so a query word means what it means to the
embedded index: `w` exact, `w*` (prefix) from MIN_PREFIX letters, `w~1` (one typo,
Damerau-style like rapidfuzz's OSA) from FUZZY_MIN.  Only the shortlist's texts and the
ids of credentials aligned to the skills that matched reach Python; a listing without
text is a keyset page through the id, (country, id) or (kind, id) index.
"""

from __future__ import annotations

import re
from typing import Any

from neo4j import AsyncManagedTransaction, AsyncTransaction

from pathways.model import Credential
from pathways.store.base import SearchFilter, SearchKey, SearchPage
from pathways.store.neo4j import codec
from pathways.store.neo4j.catalog import Q, query
from pathways.store.search.scoring import (
    FUZZY_MIN,
    MIN_PREFIX,
    SHORTLIST_LIMIT,
    best_texts,
    combine,
    matching_words,
    normalise,
    query_words,
)

Tx = AsyncManagedTransaction | AsyncTransaction

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def lucene_words(words: list[str]) -> str:
    """The Lucene clauses matching any of the query words by the shared rule."""
    clauses = []
    for word in words:
        w = _LUCENE_SPECIAL.sub(r"\\\1", word)
        clauses.append(w)
        if len(word) >= MIN_PREFIX:
            clauses.append(f"{w}*")
        if len(word) >= FUZZY_MIN:
            clauses.append(f"{w}~1")
    return " ".join(clauses)


def credential_query(words: list[str], flt: SearchFilter) -> str:
    """The Lucene query over credential titles and facets for a search with filters."""
    parts = [f"+search_text:({lucene_words(words)})"]
    if flt.country is not None:
        parts.append(f"+search_facets:{codec.facet('c', flt.country)}")
    if flt.kind is not None:
        parts.append(f"+search_facets:{codec.facet('k', flt.kind.value)}")
    if flt.eqf_level is not None:
        parts.append(f"+search_facets:e_{flt.eqf_level}")
    return " ".join(parts)


def _filters(flt: SearchFilter) -> dict[str, Any]:
    return {
        "country": flt.country,
        "kind": flt.kind.value if flt.kind else None,
        "eqf": flt.eqf_level,
    }


async def _single(tx: Tx, name: Q, **params: Any) -> dict[str, Any]:
    result = await tx.run(query(name), params)
    record = await result.single(strict=True)
    return dict(record)


async def search(tx: Tx, flt: SearchFilter, limit: int, after: SearchKey | None) -> SearchPage:
    """One page of results after `after`, in result order."""
    text = normalise(flt.text) if flt.text else ""
    skip = await _out_of_date(tx, flt)
    if not text:
        return await _listing(tx, flt, limit, after, skip)
    words = query_words(text)
    row = await _single(
        tx,
        Q.SEARCH_SHORTLIST,
        credential_query=credential_query(words, flt),
        skill_query=f"search_text:({lucene_words(words)})",
        cap=SHORTLIST_LIMIT,
        **_filters(flt),
    )
    titles = {
        str(cid): codec.search_texts_from(data) for cid, data in row["titles"] if cid not in skip
    }
    labels = {str(sid): codec.search_texts_from(data) for sid, data in row["labels"]}
    # Lucene does not say which words matched: the same rule, over the shortlist's words.
    vocabulary = {
        w for texts in (*titles.values(), *labels.values()) for t in texts for w in t.norm.split()
    }
    matched = matching_words(words, vocabulary)
    title_best = best_texts(text, titles, False, matched)
    skill_best = best_texts(text, labels, True, matched)
    holders: dict[str, set[str]] = {}
    if skill_best:
        found = await _single(tx, Q.SEARCH_HOLDERS, skills=sorted(skill_best), **_filters(flt))
        holders = {str(sid): {str(i) for i in ids} - skip for sid, ids in found["rows"]}
    ranking = combine(title_best, skill_best, holders)
    hits, more = ranking.page(after, limit)
    found_creds = await _credentials(tx, [h.id for h in hits])
    return SearchPage(
        items=tuple((found_creds[h.id], h.score) for h in hits if h.id in found_creds),
        total=ranking.total,
        matches={h.id: h.match for h in hits},
        more=more,
    )


async def _credentials(tx: Tx, ids: list[str]) -> dict[str, Credential]:
    if not ids:
        return {}
    row = await _single(tx, Q.CREDENTIALS_BY_ID, ids=ids)
    found = (codec.credential_from(props) for props in row["credentials"])
    return {c.id: c for c in found}


async def _out_of_date(tx: Tx, flt: SearchFilter) -> frozenset[str]:
    """Credentials passing the filters but not valid on flt.as_of (few carry dates)."""
    if flt.as_of is None:
        return frozenset()
    row = await _single(tx, Q.OUT_OF_DATE, day=flt.as_of)
    kind = flt.kind.value if flt.kind else None
    return frozenset(
        str(cid)
        for cid, country, k, eqf in row["rows"]
        if (flt.country is None or country == flt.country)
        and (kind is None or k == kind)
        and (flt.eqf_level is None or flt.eqf_level in eqf)
    )


async def _listing(
    tx: Tx, flt: SearchFilter, limit: int, after: SearchKey | None, skip: frozenset[str]
) -> SearchPage:
    """Credentials passing the filters by id, after `after`, through an index; `skip` left out
    (the page reads past them: at most as many more rows as there are to skip)."""
    if flt.country is not None:
        name = Q.LIST_BY_COUNTRY
    elif flt.kind is not None:
        name = Q.LIST_BY_KIND
    else:
        name = Q.LIST_ALL
    take = limit + 1 + len(skip)
    row = await _single(tx, name, after=after.id if after else "", take=take, **_filters(flt))
    creds = [c for c in map(codec.credential_from, row["page"]) if c.id not in skip]
    return SearchPage(
        items=tuple((c, None) for c in creds[:limit]),
        total=int(row["total"]) - len(skip),
        more=len(creds) > limit,
    )
