"""The Neo4j store's search: Lucene full-text indexes shortlist, the shared scoring ranks.

Titles are full-text indexed on Credential nodes (with the filters as facet words, so
Lucene filters too) and labels on Skill nodes, both as `scoring.normalise` wrote them
and split by the whitespace analyzer, so a query word means what it means to the
embedded index: `w` exact, `w*` (prefix) from MIN_PREFIX letters, `w~1` (one typo,
Damerau-style like rapidfuzz's OSA) from FUZZY_MIN.  One Lucene query per word returns
the node ids of the titles it matched, which the replica caps as the embedded index does
(most words matched, then id) in the id order it keeps per load (store.neo4j.idorder);
only the capped titles' normalised texts reach Python, with the holders of each scored
skill (packed on the skill, see store.neo4j.holders): Python scores, takes the union
and counts it (store.neo4j.bands), and the database orders the bands the page can reach
by id and sends one page.  With filters, the holders of the scored skills are filtered
and ranked in the database instead (search_page_filtered).
A listing without text is a keyset page through the id, (country, id) or (kind, id) index.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any

from neo4j import AsyncManagedTransaction, AsyncTransaction

from pathways.model import Credential, CredentialKind
from pathways.store.base import SearchFilter, SearchKey, SearchPage, TextMatch
from pathways.store.neo4j import bands, codec, holders, idorder
from pathways.store.neo4j.catalog import Q, query
from pathways.store.neo4j.reads import LoadCache
from pathways.store.search.scoring import (
    FUZZY_MIN,
    MIN_PREFIX,
    SHORTLIST_LIMIT,
    Best,
    best_scores,
    best_texts,
    credential_texts,
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


async def search(
    tx: Tx,
    flt: SearchFilter,
    limit: int,
    after: SearchKey | None,
    loaded: LoadCache | None = None,
) -> SearchPage:
    """One page of results after `after`, in result order (`loaded`: the replica's cache
    for the load, whose skill index scores the skills and whose id order caps the titles;
    without it, Lucene shortlists the skills and the id order is read for this search)."""
    text = normalise(flt.text) if flt.text else ""
    # skills' holders packed at the load and read before (null in the answer); as kept
    # now, for `loaded` was emptied meanwhile if a switch came
    epoch, kept = (loaded.epoch, loaded.held) if loaded is not None else (0, {})
    skip = await _out_of_date(tx, flt)
    if not text:
        return await _listing(tx, flt, limit, after, frozenset(skip))
    words = query_words(text)
    faceted = any(v is not None for v in _filters(flt).values())
    filtered = bool(skip) or faceted
    index = await loaded.skill_search(tx) if loaded is not None else None
    order = await loaded.id_order(tx) if loaded is not None else await idorder.read(tx)
    queries = [credential_query([w], flt) for w in words]
    pending = await tx.run(
        query(Q.SEARCH_SHORTLIST),
        {
            "hit_queries": [] if faceted else queries,
            "filtered_queries": queries if faceted else [],
            "skill_queries": [f"search_text:({lucene_words([w])})" for w in words]
            if index is None
            else [],
            "cap": SHORTLIST_LIMIT,
            "holders": not filtered,
            **_filters(flt),
        },
    )
    skill_words: set[str] = set()
    skill_scores: dict[str, float] = {}
    if index is not None:  # while the database looks the words up
        best, skill_words = index.score(text, words)
        skill_scores = {sid: b.score for sid, b in best.items()}
    row = await pending.single(strict=True)
    contenders, covered = idorder.contenders(
        row["hits"], order, set(skip.values()), SHORTLIST_LIMIT
    )
    read = await _single(
        tx,
        Q.SEARCH_TITLES,
        nodes=contenders.tolist(),
        with_ids=len(contenders) > SHORTLIST_LIMIT,
        skills=[]
        if index is None or filtered
        else [[n, n not in kept] for n in (index.nodes[s] for s in skill_scores)],
    )
    row_titles = idorder.capped(read["titles"], contenders, covered, SHORTLIST_LIMIT)
    # Only normalised texts come back: enough to score; the page's rows bring the texts
    # as written of what they matched (their titles, the labels of their matched skills).
    # Many owners share a text (titles repeat): each distinct one is split once.
    split: dict[str, list[str]] = {}
    for norms in chain((n for _, n, _ in row_titles), (n for _, n, *_ in row["labels"])):
        if norms and norms not in split:
            split[norms] = norms.split("\n")
    # titles by node id (as a string, the scoring's owner): their ids are not read
    titles = {str(node): split[norms] for node, norms, _ in row_titles if norms}
    labels = {str(sid): split[norms] for sid, norms, *_ in row["labels"] if norms}
    # Lucene does not say which words matched: the same rule, over the shortlist's words.
    matched = matching_words(words, set(" ".join(split).split())) | skill_words
    title_scores = best_scores(text, titles, False, matched)
    if index is None:
        skill_scores = best_scores(text, labels, True, matched)
    after_score = (after.score or 0.0) if after else None
    page_params: dict[str, Any] = {
        "skills": list(skill_scores),
        "after_score": after_score,
        "after_id": after.id if after else None,
        "take": limit + 1,
    }
    if filtered:
        found = await _single(
            tx,
            Q.SEARCH_PAGE_FILTERED,
            titles=[[int(node), score] for node, score in title_scores.items()],
            scores=list(skill_scores.values()),
            skip=sorted(skip),
            **page_params,
            **_filters(flt),
        )
        total = int(found["total"])
    else:
        if index is None:
            held = {str(sid): (h, plus, minus) for sid, _, h, plus, minus in row["labels"]}
        else:
            by_node = {}
            for node, read_held, plus, minus in read["held"]:
                if isinstance(read_held, bytes) and loaded is not None:
                    loaded.keep_held(epoch, int(node), read_held)
                # null: kept from an earlier read
                packed = kept[int(node)] if read_held is None else read_held
                by_node[int(node)] = (packed, plus, minus)
            # a skill missing: the index is of a load a switch replaced meanwhile, and
            # switch.Seqlock runs this read again once it sees the marker moved
            held = {sid: by_node.get(index.nodes[sid], (b"", None, None)) for sid in skill_scores}
        matches = bands.best(
            [(int(node), score) for node, score in title_scores.items()],
            [(holders.unpack(*held[sid]), score) for sid, score in skill_scores.items()],
        )
        total = matches.total
        candidates = bands.reach(matches, after_score, limit + 1)
        found = await _single(
            tx, Q.SEARCH_PAGE, candidates=[list(c) for c in candidates], **page_params
        )
    hits: list[tuple[Credential, float, TextMatch]] = []
    for score, props, node, held in found["page"]:
        cred = codec.credential_from(props)
        tied = {str(sid): data for sid, data in held if skill_scores.get(str(sid)) == score}
        match = _matched(text, matched, cred, score, title_scores.get(str(node)), tied)
        hits.append((cred, float(score), match))
    hits.sort(key=lambda h: (-h[1], h[0].id))
    return SearchPage(
        items=tuple((c, score) for c, score, _ in hits[:limit]),
        total=total,
        matches={c.id: m for c, _, m in hits[:limit]},
        more=len(hits) > limit,
    )


def _matched(
    text: str,
    matched: set[str],
    cred: Credential,
    score: float,
    own: float | None,
    skills: dict[str, str],
) -> TextMatch:
    """The text a result reports, chosen as scoring.combine chooses: its best title unless a
    skill scores higher (`own`: its title's score), then the best by the scoring key of its
    skills with that score (`skills`: their labels as stored)."""
    if own is not None and own >= score:
        return best_texts(text, {cred.id: credential_texts(cred)}, False, matched)[cred.id].match
    labels = {sid: codec.search_texts_from(data) for sid, data in skills.items()}
    return min(best_texts(text, labels, True, matched).values(), key=Best.key).match


async def _out_of_date(tx: Tx, flt: SearchFilter) -> dict[str, int]:
    """Credentials passing the filters but not valid on flt.as_of (few carry dates), with
    their node ids."""
    if flt.as_of is None:
        return {}
    row = await _single(tx, Q.OUT_OF_DATE, day=flt.as_of)
    kind = flt.kind.value if flt.kind else None
    return {
        str(cid): int(node)
        for cid, country, k, eqf, node in row["rows"]
        if (flt.country is None or country == flt.country)
        and (kind is None or k == kind)
        and (flt.eqf_level is None or flt.eqf_level in eqf)
    }


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


WARM_TEXT = "pathways"
"""What the warm-up searches for: any word does (a search that finds nothing plans the same)."""


async def warm(tx: Tx, loaded: LoadCache | None = None) -> None:
    """Run every search and listing statement once, so a replica's first search does not
    pay Neo4j's planning and the full-text indexes' opening (about a second); with `loaded`,
    build its skill index too, and search without it, as past SKILL_INDEX_LIMIT."""
    day = "2000-01-01"
    for flt in (
        SearchFilter(text=WARM_TEXT),
        SearchFilter(text=WARM_TEXT, country="IE", as_of=day),
        SearchFilter(),
        SearchFilter(country="IE"),
        SearchFilter(kind=CredentialKind.MICRO_CREDENTIAL),
    ):
        await search(tx, flt, 1, None, loaded)
    if loaded is not None:
        await search(tx, SearchFilter(text=WARM_TEXT), 1, None)
