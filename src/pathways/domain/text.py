"""Text normalisation, index tokens, outcome wording checks and batched rapidfuzz similarity.

Every function here is deterministic and language-blind: the same token rule runs at
index time and at query time (and a Neo4j backend stores `index_tokens` as computed
here), so both backends agree on what two credentials share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from weakref import WeakKeyDictionary

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from pathways.model import Credential, Outcome

MIN_TOKEN_LENGTH = 3
"""Shorter tokens (after folding) carry too little meaning to index."""

MIN_STEM_LENGTH = 4
"""A suffix is only stripped when at least this much of the word remains."""


# Function words of the five partner languages (en, et, da, fr, es), accents folded.
def _wordlist(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: frozenset[str] = _wordlist(
    """
    a an and are as at be by can for from has have in into is it its of on or that the their
    this to was were will with within using use able upon basic introduction advanced level
    ja ning ka et on ei kui see mis kes oma ning voi vaid ning ning oskab teab oppija oppe
    ning kus kuidas koos abil jaoks ning vastavalt ning alusel ning tase
    og i pa til af for med er at den det de en et som kan har om ved fra eller samt
    deltageren kursisten kunne niveau
    le la les un une des du de et en au aux pour par sur dans avec est sont ou son sa ses
    etre capable apprenant niveau
    el los las unos unas del y o en con por para que es son su sus al ser como
    alumno alumna capaz nivel
    """
)

# Suffixes stripped once, longest first; light and language-blind on purpose (see module doc).
_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        _wordlist(
            """
        ations ation ement ements ments ment ingen ende erne ing ings ed es s e er
        ions ion ites ite iones mine mise tud ide ega des te
        """
        ),
        key=lambda s: (-len(s), s),
    )
)

# Action verbs that open a learning outcome, folded, in en/et/da/fr/es (imperative,
# infinitive or third person, as outcome statements are written in each language).
ACTION_VERBS: frozenset[str] = _wordlist(
    """
    analyse analyze apply assess build calculate carry check choose classify communicate
    compare compile configure construct create define demonstrate describe design determine
    develop diagnose discuss distinguish document draft estimate evaluate execute explain
    identify implement inspect install interpret justify list maintain manage measure monitor
    operate organise organize outline perform plan prepare present produce program recognise
    recognize recommend record repair report select set solve summarise test troubleshoot
    understand use weld write work follow handle apply be
    oskab teab tunneb kirjeldab selgitab kasutab rakendab analuusib hindab koostab
    planeerib valmistab seadistab paigaldab hooldab teostab tootab mootab arvutab
    dokumenteerib eristab valib keevitab
    kan beskrive forklare anvende analysere vurdere planlaegge udfore installere
    dokumentere identificere svejse vaelge maale beregne udarbejde gennemfore kende
    analyser appliquer concevoir decrire definir elaborer evaluer expliquer identifier
    installer mettre mesurer organiser planifier preparer realiser rediger souder utiliser
    verifier etre connaitre calculer choisir controler
    analizar aplicar calcular comprender conocer definir describir disenar elaborar
    evaluar explicar identificar instalar medir organizar planificar preparar realizar
    redactar seleccionar soldar utilizar verificar ser saber montar mantener
    """
)

_WORD = re.compile(r"[a-z0-9]+")

# Letters that NFKD does not decompose into a base letter and an accent.
_LIGATURES = str.maketrans(
    {"æ": "ae", "ø": "o", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d"}
)


STEM_CACHE = 65_536
"""Words whose stems are kept: a vocabulary repeats, and the suffix loop costs most."""


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Õppija' and 'oppija', 'Ærø' and 'aero' compare equal."""
    folded = text.casefold()
    if folded.isascii():  # nothing to fold further (most texts); the char loop is the cost
        return folded
    decomposed = unicodedata.normalize("NFKD", folded.translate(_LIGATURES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Folded alphanumeric words, stopwords kept."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=STEM_CACHE)
def stem(word: str) -> str:
    """Strip the longest known suffix when enough of the word remains."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_LENGTH:
            return word[: -len(suffix)]
    return word


TEXT_CACHE = 4096
"""Texts whose tokens are kept by text (questions repeat); outcome keys live with the graph."""


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text) if len(w) >= MIN_TOKEN_LENGTH and w not in STOPWORDS)


@lru_cache(maxsize=TEXT_CACHE)
def tokens(text: str) -> tuple[str, ...]:
    """Informative tokens of a text: folded words of 3+ letters, stopwords dropped, stemmed."""
    return _tokens(text)


@lru_cache(maxsize=TEXT_CACHE)
def match_key(text: str) -> str:
    """The string rapidfuzz compares for a text: its tokens, space-joined."""
    return " ".join(tokens(text))


_OUTCOME_KEYS: WeakKeyDictionary[Outcome, str] = WeakKeyDictionary()


def outcome_keys(outcomes: Sequence[Outcome]) -> list[str]:
    """`match_key` of each outcome's text, kept while the outcome is part of a live graph.

    Keyed by the outcome itself, so a replaced credential's keys go with it: the memory
    follows the graph, not the number of texts ever seen (a text-keyed cache of the
    100,000 outcomes grew by 180 MB under a stream of writes).
    """
    keys = []
    for outcome in outcomes:
        key = _OUTCOME_KEYS.get(outcome)
        if key is None:
            key = _OUTCOME_KEYS[outcome] = " ".join(_tokens(outcome.text))
        keys.append(key)
    return keys


def index_tokens(credential: Credential) -> frozenset[str]:
    """Distinct tokens of a credential's title and outcome texts (what the index holds).

    Outcome match keys are not kept here but on first comparison (see `outcome_keys`):
    kept for every outcome of a graph they cost ~1 KB a credential (issue 16's memory),
    and a comparison touches a few hundred credentials.
    """
    found: set[str] = set(_tokens(credential.title))
    for outcome in credential.outcomes:
        found.update(_tokens(outcome.text))
    return frozenset(found)


def looks_like_outcome(text: str) -> bool:
    """False for a bare topic: fewer than 3 words and the first is not a known action verb.

    Outcomes say what a learner can do ("Set up a MIG welding station"); a bare noun
    phrase ("Welding", "Keevitustööd") names a topic instead.  Longer texts pass, so the
    heuristic only flags the clear cases.
    """
    found = words(text)
    if not found:
        return False
    if len(found) >= 3:
        return True
    # Exact forms only: stemming would let the topic "Welding" pass as the verb "weld".
    return found[0] in ACTION_VERBS


def similarity_matrix(
    queries: Sequence[str], choices: Sequence[str], workers: int = 1
) -> npt.NDArray[np.float32]:
    """Pairwise similarity 0..1 of two lists of texts, in one batched rapidfuzz call.

    Texts are compared by `match_key` with token_sort_ratio: word order does not matter,
    and, unlike token_set_ratio, a one-word text is not a perfect match for every longer
    text containing that word.
    """
    return key_similarity([match_key(q) for q in queries], [match_key(c) for c in choices], workers)


def key_similarity(
    queries: Sequence[str], choices: Sequence[str], workers: int = 1
) -> npt.NDArray[np.float32]:
    """`similarity_matrix` over texts already turned into match keys."""
    if not queries or not choices:
        return np.zeros((len(queries), len(choices)), dtype=np.float32)
    result = process.cdist(
        queries, choices, scorer=fuzz.token_sort_ratio, dtype=np.float32, workers=workers
    )
    matrix: npt.NDArray[np.float32] = np.asarray(result, dtype=np.float32) / np.float32(100.0)
    return matrix
