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
    Each text of a shortlisted owner that holds a matching word is scored
    `WRatio(query, text) / 100` (rapidfuzz:
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
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from pathways.model import Credential, Skill
from pathways.store.base import TextMatch
from pathways.store.search.slots import Slots

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


def cap(counts: npt.NDArray[np.uint8], slots: Slots) -> list[str]:
    """The SHORTLIST_LIMIT owners matching most query words, ties by id.

    `counts` holds, per slot, how many query words its owner matched (0: none).  Only the
    band of counts the limit falls in is ordered, and only as far as the limit needs.
    """
    found = np.flatnonzero(counts)
    if len(found) <= SHORTLIST_LIMIT:
        return slots.smallest(found, len(found))
    held = counts[found]
    kept: list[str] = []
    for n in range(int(held.max()), 0, -1):
        band = found[held == n]
        room = SHORTLIST_LIMIT - len(kept)
        kept.extend(slots.smallest(band, min(room, len(band))))
        if len(band) >= room:
            break
    return kept


def matching_words(words: Sequence[str], vocabulary: Iterable[str]) -> set[str]:
    """The words of `vocabulary` that one of the query words matches, by the rule above."""
    vocab = set(vocabulary)
    found: set[str] = set()
    for word in words:
        if word in vocab:
            found.add(word)
        if len(word) >= MIN_PREFIX:
            found.update(x for x in vocab if x.startswith(word))
        if len(word) >= FUZZY_MIN:
            near = [x for x in vocab if abs(len(x) - len(word)) <= 1]
            found.update(
                c
                for c, _d, _i in process.extract(
                    word, near, scorer=OSA.distance, score_cutoff=1, limit=None
                )
            )
    return found


def _wratio(query: str, norms: list[str], weight: float) -> npt.NDArray[np.float32]:
    """WRatio of the query against each text; 0 for those that cannot reach SCORE_CUTOFF.

    Each distinct text is scored once (many credentials share a title, many skills a
    label).  The cutoff sits a little under the threshold the callers apply, so what
    passes there is scored exactly as without it; below it rapidfuzz skips the partial
    and token ratios.
    """
    at: dict[str, int] = {}
    where = [at.setdefault(n, len(at)) for n in norms]
    cutoff = (SCORE_CUTOFF - 1e-3) / weight
    found: npt.NDArray[np.float32] = process.cdist(
        [query], list(at), scorer=fuzz.WRatio, score_cutoff=cutoff, workers=1
    )[0]
    return found if len(at) == len(norms) else found[where]


def title_scores(
    query: str, owners: Mapping[str, Sequence[SearchText]], matched: AbstractSet[str]
) -> dict[str, float]:
    """`best_scores` of credentials' titles from the word index (a title's text is looked
    up only for a page).  An owner the index found with one title holds a matched word in
    it, so only owners with several titles have them checked."""
    flat_owners: list[str] = []
    norms: list[str] = []
    for owner, texts in owners.items():
        for t in texts:
            if len(texts) == 1 or not matched.isdisjoint(t.norm.split()):
                flat_owners.append(owner)
                norms.append(t.norm)
    return _best_of(query, flat_owners, norms, TITLE_WEIGHT / 100.0)


def _best_of(query: str, owners: list[str], norms: list[str], weight: float) -> dict[str, float]:
    """Each owner's best weighted score over its texts (owners[i] holds norms[i]), if it passes."""
    if not norms:
        return {}
    raw = _wratio(query, norms, weight)
    at = np.flatnonzero(raw * weight >= SCORE_CUTOFF - 5e-5)
    out: dict[str, float] = {}
    for i, value in zip(at.tolist(), raw[at].tolist(), strict=True):
        score = round(value * weight, 4)
        if score >= SCORE_CUTOFF and score > out.get(owners[i], 0.0):
            out[owners[i]] = score
    return out


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
    query: str,
    owners: Mapping[str, Sequence[SearchText]],
    skills: bool,
    matched: AbstractSet[str],
) -> dict[str, Best]:
    """The best text of each owner scoring at least SCORE_CUTOFF, in one batched rapidfuzz call.

    Only texts holding one of the `matched` words are scored.
    """
    flat = [
        (owner, t)
        for owner, texts in owners.items()
        for t in texts
        if not matched.isdisjoint(t.norm.split())
    ]
    if not flat:
        return {}
    weight = (SKILL_WEIGHT if skills else TITLE_WEIGHT) / 100.0
    raw = _wratio(query, [t.norm for _, t in flat], weight)
    out: dict[str, Best] = {}
    for i in np.flatnonzero(raw * weight >= SCORE_CUTOFF - 5e-5):
        owner, t = flat[i]
        score = round(float(raw[i]) * weight, 4)
        if score < SCORE_CUTOFF:
            continue
        best = Best(score, TextMatch(t.field, t.language, t.text, owner if skills else None))
        held = out.get(owner)
        if held is None or best.key() < held.key():
            out[owner] = best
    return out


def best_scores(
    query: str, owners: Mapping[str, Sequence[str]], skills: bool, matched: AbstractSet[str]
) -> dict[str, float]:
    """`best_texts`'s scores alone, from normalised texts only (what a store ships cheaply)."""
    holds: dict[str, bool] = {}  # per distinct text: many owners share one

    def hit(norm: str) -> bool:
        found = holds.get(norm)
        if found is None:
            found = holds[norm] = not matched.isdisjoint(norm.split())
        return found

    flat = [(owner, norm) for owner, norms in owners.items() for norm in norms if hit(norm)]
    weight = (SKILL_WEIGHT if skills else TITLE_WEIGHT) / 100.0
    return _best_of(query, [o for o, _ in flat], [n for _, n in flat], weight)
