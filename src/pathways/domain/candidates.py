"""The candidate index: a short, deterministic list of credentials worth scoring for equivalence.

Shortlist rule (both backends implement exactly this; a Neo4j backend stores the
skills of each outcome and `index_tokens(credential)` and runs it in Cypher):

1. Let N be the number of indexed credentials and `max_df = max(MIN_MAX_DF,
   floor(MAX_DF_SHARE * N))`.  A token is *informative* when at most `max_df` indexed
   credentials hold it (the asked-about one included when it is indexed).
2. Let S be the distinct skills of the asked-about credential's outcomes and T its
   informative tokens (`text.index_tokens`: title and outcome texts, folded,
   stopwords dropped, light stemming).
3. Candidates are the indexed credentials, other than the asked-about id, that hold at
   least one skill of S or one token of T, and whose country equals `country`
   (case-insensitively) when a country is given.
4. Each candidate has shared_skills = |S ∩ its skills|, shared_tokens = |T ∩ its
   tokens|, and eqf_distance = the least |x - y| over the EQF levels x of the
   asked-about credential and y of the candidate, or NO_EQF (99) when either has none.
5. Order by shared_skills desc, shared_tokens desc, eqf_distance asc, id asc; keep the
   first `limit`.

The cost is the sum of the posting lists touched, never the size of the graph.

The index also groups credentials by *shape* (`shape_key`): country, kind, whether
quality assurance is named, whether outcomes are listed, level and workload band.
Equivalence reaches through it the credentials that share nothing with the asked-about
one yet can score (see `pathways.domain.equivalence.reach`).
"""

from __future__ import annotations

import contextlib
import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import TypeVar

from pathways.domain.text import index_tokens
from pathways.model import HOURS_PER_ECTS, Credential, Level, LevelRef

LevelResolver = Callable[[LevelRef], Level | None] | Mapping[tuple[str, str], Level]
"""Finds a credential's level: a function of its LevelRef, or a table by (framework, code)."""

MIN_MAX_DF = 100
"""A token held by no more than this many credentials is always informative."""

MAX_DF_SHARE = 0.05
"""Above this share of all credentials (and MIN_MAX_DF) a token is too common to shortlist by."""

K = TypeVar("K")

NO_EQF = 99
"""The EQF distance used when either credential has no EQF level."""

DEFAULT_LIMIT = 200
"""Shortlist length the stores ask for unless told otherwise."""


BAND_RATIO = 1.25
"""Workload bands are [BAND_RATIO**b, BAND_RATIO**(b+1)) ECTS of a credential's upper workload."""

ZERO_BAND = -1000
"""The band of a credential whose workload is zero."""


def workload_band(cred: Credential) -> int | None:
    """The band of the upper end of a credential's workload in ECTS; None without one."""
    if cred.ects is not None:
        high = cred.ects
    elif cred.hours is not None:
        high = cred.hours / HOURS_PER_ECTS
    else:
        return None
    if high <= 0:
        return ZERO_BAND
    return math.floor(math.log(high) / math.log(BAND_RATIO))


def shape_key(cred: Credential) -> str:
    """What equivalence scores without outcomes depend on, as one JSON string.

    `[country (casefolded), kind, quality assurance named (0/1), outcomes listed (0/1),
    level framework, level code, workload band]`; both stores compute it here.
    """
    ref = cred.level
    qa = 1 if cred.quality_assurance and cred.quality_assurance.strip() else 0
    return json.dumps(
        [
            cred.country.casefold(),
            cred.kind.value,
            qa,
            1 if cred.outcomes else 0,
            ref.framework if ref is not None else None,
            ref.code if ref is not None else None,
            workload_band(cred),
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def credential_skills(credential: Credential) -> frozenset[str]:
    """The distinct skills of a credential's outcomes."""
    return frozenset(s for o in credential.outcomes for s in o.skills)


def eqf_distance(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    """Least distance between two sets of EQF levels, NO_EQF when either is empty."""
    if not a or not b:
        return NO_EQF
    return min(abs(x - y) for x in a for y in b)


class CandidateIndex:
    """Inverted indexes by skill, token and EQF level over a set of credentials."""

    def __init__(self, credentials: Iterable[Credential], levels: LevelResolver) -> None:
        self._levels = levels
        # per credential, what to unindex on removal: tuples of interned strings (a token
        # is one object however many credentials hold it), a third of a frozenset's size
        self._skills: dict[str, tuple[str, ...]] = {}
        self._tokens: dict[str, tuple[str, ...]] = {}
        self._eqf: dict[str, tuple[int, ...]] = {}
        self._country: dict[str, str] = {}
        self._shape: dict[str, str] = {}
        self._by_shape: dict[str, set[str]] = {}
        self._bare: set[str] = set()  # shapes of credentials listing no outcomes
        self._by_skill: dict[str, set[str]] = {}
        # token postings are lists (8 bytes an entry, where a set takes 30-60): a
        # credential's tokens are distinct, and they are only counted, never intersected
        self._by_token: dict[str, list[str]] = {}
        self._by_eqf: dict[int, set[str]] = {}
        for cred in credentials:
            self.add(cred)

    def __len__(self) -> int:
        return len(self._country)

    def __contains__(self, credential_id: object) -> bool:
        return credential_id in self._country

    def _eqf_of(self, cred: Credential) -> tuple[int, ...]:
        if cred.level is None:
            return ()
        ref = cred.level
        if isinstance(self._levels, Mapping):
            level = self._levels.get((ref.framework, ref.code))
        else:
            level = self._levels(ref)
        return level.eqf if level is not None else ()

    def add(self, cred: Credential) -> None:
        """Index a credential, replacing an earlier version with the same id."""
        if cred.id in self._country:
            self.remove(cred.id)
        cid = cred.id
        skills = tuple(map(sys.intern, credential_skills(cred)))
        toks = tuple(map(sys.intern, index_tokens(cred)))
        eqf = self._eqf_of(cred)
        self._skills[cid], self._tokens[cid], self._eqf[cid] = skills, toks, eqf
        self._country[cid] = cred.country.casefold()
        shape = self._shape[cid] = sys.intern(shape_key(cred))
        self._by_shape.setdefault(shape, set()).add(cid)
        if not cred.outcomes:
            self._bare.add(shape)
        for s in skills:
            self._by_skill.setdefault(s, set()).add(cid)
        for t in toks:
            self._by_token.setdefault(t, []).append(cid)
        for e in eqf:
            self._by_eqf.setdefault(e, set()).add(cid)

    def remove(self, credential_id: str) -> None:
        """Drop a credential from every index; unknown ids are ignored."""
        if credential_id not in self._country:
            return
        for s in self._skills.pop(credential_id):
            _discard(self._by_skill, s, credential_id)
        for t in self._tokens.pop(credential_id):
            _drop(self._by_token, t, credential_id)
        for e in self._eqf.pop(credential_id):
            _discard(self._by_eqf, e, credential_id)
        del self._country[credential_id]
        shape = self._shape.pop(credential_id)
        _discard(self._by_shape, shape, credential_id)
        if shape not in self._by_shape:
            self._bare.discard(shape)

    def max_df(self) -> int:
        """The largest posting list a token may have and still be informative."""
        return max(MIN_MAX_DF, int(MAX_DF_SHARE * len(self)))

    def holding(self, skill: str) -> AbstractSet[str]:
        """Ids of indexed credentials with an outcome aligned to this skill (do not change it)."""
        return self._by_skill.get(skill, frozenset())

    def skills_of(self, credential_id: str) -> tuple[str, ...]:
        """The skills an indexed credential was indexed under (empty when unknown)."""
        return self._skills.get(credential_id, ())

    def with_eqf(self, level: int) -> frozenset[str]:
        """Ids of indexed credentials referenced to this EQF level."""
        return frozenset(self._by_eqf.get(level, ()))

    def shape_counts(self, bare_only: bool = False) -> list[tuple[str, int]]:
        """Shape keys held (only those listing no outcomes if `bare_only`), with their counts."""
        if bare_only:
            return [(shape, len(self._by_shape[shape])) for shape in self._bare]
        return [(shape, len(ids)) for shape, ids in self._by_shape.items()]

    def with_shapes(self, shapes: Iterable[str]) -> list[str]:
        """Ids of the indexed credentials of these shapes, sorted."""
        found: set[str] = set()
        for shape in shapes:
            found.update(self._by_shape.get(shape, ()))
        return sorted(found)

    def shortlist(
        self,
        cred: Credential,
        country: str | None = None,
        limit: int = DEFAULT_LIMIT,
        *,
        exclude_country: str | None = None,
    ) -> list[str]:
        """Ids of the best `limit` candidates for `cred`, by the rule in the module docstring.

        `exclude_country` leaves out the candidates of that country (design checks look abroad).
        """
        if limit <= 0:
            return []
        cap = self.max_df()
        skill_hits: Counter[str] = Counter()
        token_hits: Counter[str] = Counter()
        for s in credential_skills(cred):
            skill_hits.update(self._by_skill.get(s, ()))
        for t in index_tokens(cred):
            posting = self._by_token.get(t)
            if posting is not None and len(posting) <= cap:
                token_hits.update(posting)
        wanted = country.casefold() if country is not None else None
        ids = (skill_hits.keys() | token_hits.keys()) - {cred.id}
        if wanted is not None:
            ids = {i for i in ids if self._country[i] == wanted}
        if exclude_country is not None:
            left_out = exclude_country.casefold()
            ids = {i for i in ids if self._country[i] != left_out}
        eqf = self._eqf_of(cred)
        ranked = sorted(
            ids,
            key=lambda i: (-skill_hits[i], -token_hits[i], eqf_distance(eqf, self._eqf[i]), i),
        )
        return ranked[:limit]


def _discard(table: dict[K, set[str]], key: K, cid: str) -> None:
    posting = table.get(key)
    if posting is not None:
        posting.discard(cid)
        if not posting:
            del table[key]


def _drop(table: dict[str, list[str]], key: str, cid: str) -> None:
    posting = table.get(key)
    if posting is not None:
        with contextlib.suppress(ValueError):
            posting.remove(cid)
        if not posting:
            del table[key]
