"""How a search text finds and ranks credentials; both stores run exactly this.

Texts searched
    Every title of a credential (`Credential.titles`: `title` in its `language`, and each
    `title_<lang>` key) and every label, in every language, of every skill its outcomes
    are aligned to (`Skill.labels`).  So "welding" finds the Estonian "Plaatide
    MAG-keevitus" through its English title, or through the ESCO skill "weld metal parts"
    whose Estonian label is "metallosade keevitamine".

Normalising
    A text and the query are compared as `normalise` makes them: lower case, accents and
    ligatures folded ("Õ" -> "o", "æ" -> "ae"), anything but letters and digits a space.
    Their words are what the normalised text splits into on spaces.

Shortlist (the index)
    The first MAX_QUERY_WORDS distinct words of the query are looked up.  A query word
    `w` matches an indexed word `x` when `x == w`; or `len(w) >= MIN_PREFIX` and `x`
    starts with `w` (partial words: "weld" finds "welding"); or `len(w) >= FUZZY_MIN`
    and their optimal-string-alignment distance is 1 (one typo: "weldng").  Owners of
    texts (credentials for titles, skills for labels) holding a matching word are
    shortlisted: credentials only when they pass the country, kind and EQF filters.
    More than SHORTLIST_LIMIT owners of one kind keep the best covered (most query words
    matched), so a word found everywhere costs a bounded amount.

Score
    Each text of a shortlisted owner is scored `WRatio(query, text) / 100` (rapidfuzz:
    the best of whole-string, partial and token-order-blind ratios, so a word inside a
    long title scores high), times its field's weight: TITLE_WEIGHT for titles,
    SKILL_WEIGHT for skill labels (a title says what the credential is; a skill is one
    thing it teaches).  A credential's score is its best text's, rounded to 4 places;
    it matches when that is at least SCORE_CUTOFF.  The best text is what the result
    reports as matched (`matchedText`, `matchedField`, `matchedLanguage`); ties prefer a
    title, then the language code, then the text, then the skill id.

Order
    Score descending, then credential id.  Pages are keyset: a cursor holds the last
    (score, id), so a page is the same whether or not writes landed before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from pathways.model import Credential, Skill
from pathways.store.base import TextMatch

MIN_PREFIX = 3
"""A query word this long or longer also matches longer words it begins."""

FUZZY_MIN = 4
"""A query word this long or longer also matches words one typo away."""

MAX_QUERY_WORDS = 8
"""Query words looked up; the rest still count in the fuzzy score."""

SHORTLIST_LIMIT = 2_000
"""Most owners (credentials by title, skills by label) scored for one search."""

TITLE_WEIGHT = 1.0
"""Weight of a title match."""

SKILL_WEIGHT = 0.9
"""Weight of a skill-label match: a skill is one thing a credential teaches, not what it is."""

SCORE_CUTOFF = 0.7
"""Weighted score below which a text does not match."""

TITLE = "TITLE"
SKILL = "SKILL"

_FIELD_ORDER = {TITLE: 0, SKILL: 1}

_LIGATURES = str.maketrans(
    {"æ": "ae", "ø": "o", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d", "ß": "ss"}
)
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case, accents and ligatures folded, non-letters to single spaces, trimmed."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def query_words(query: str) -> list[str]:
    """The distinct words of a normalised query that the index looks up."""
    return list(dict.fromkeys(query.split()))[:MAX_QUERY_WORDS]


@dataclass(frozen=True, slots=True)
class SearchText:
    """One searchable text: its field, language, the text as written and normalised."""

    field: str
    language: str
    text: str
    norm: str


def credential_texts(cred: Credential) -> tuple[SearchText, ...]:
    """A credential's titles, one per language."""
    return tuple(
        SearchText(TITLE, lang, title, normalise(title))
        for lang, title in sorted(cred.titles.items())
        if normalise(title)
    )


def skill_texts(skill: Skill) -> tuple[SearchText, ...]:
    """A skill's labels, one per language."""
    return tuple(
        SearchText(SKILL, lang, label, normalise(label))
        for lang, label in sorted(skill.labels.items())
        if isinstance(label, str) and normalise(label)
    )


def cap(hits: Mapping[str, int]) -> list[str]:
    """The SHORTLIST_LIMIT owners matching most query words, ties by id."""
    if len(hits) <= SHORTLIST_LIMIT:
        return sorted(hits)
    return sorted(hits, key=lambda k: (-hits[k], k))[:SHORTLIST_LIMIT]


@dataclass(frozen=True, slots=True)
class Best:
    """The best-scoring text of an owner, weight applied."""

    score: float
    match: TextMatch

    def key(self) -> tuple[float, int, str, str, str]:
        """Sort key: better first (see the module docstring's ties)."""
        m = self.match
        return (-self.score, _FIELD_ORDER[m.field], m.language, m.text, m.skill or "")


def best_texts(
    query: str, owners: Mapping[str, Sequence[SearchText]], skills: bool
) -> dict[str, Best]:
    """The best text of each owner scoring at least SCORE_CUTOFF, in one batched rapidfuzz call."""
    flat = [(owner, t) for owner, texts in owners.items() for t in texts]
    if not flat:
        return {}
    weight = SKILL_WEIGHT if skills else TITLE_WEIGHT
    raw = process.cdist([query], [t.norm for _, t in flat], scorer=fuzz.WRatio, workers=1)[0]
    out: dict[str, Best] = {}
    for (owner, t), r in zip(flat, raw, strict=True):
        score = round(float(r) / 100.0 * weight, 4)
        if score < SCORE_CUTOFF:
            continue
        best = Best(score, TextMatch(t.field, t.language, t.text, owner if skills else None))
        held = out.get(owner)
        if held is None or best.key() < held.key():
            out[owner] = best
    return out


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched credential: its score and the text that matched."""

    id: str
    score: float
    match: TextMatch


def combine(
    titles: Mapping[str, Best],
    skills: Mapping[str, Best],
    holders: Mapping[str, Iterable[str]],
) -> list[Hit]:
    """Each credential's best match over its titles and its matched skills, ranked.

    `holders` gives, for each matched skill, the credentials (filters applied) aligned to it.
    """
    best: dict[str, Best] = dict(titles)
    for sid, skill_best in skills.items():
        for cid in holders.get(sid, ()):
            held = best.get(cid)
            if held is None or skill_best.key() < held.key():
                best[cid] = skill_best
    hits = [Hit(cid, b.score, b.match) for cid, b in best.items()]
    hits.sort(key=lambda h: (-h.score, h.id))
    return hits
