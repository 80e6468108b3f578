"""Text folding, tokens, outcome wording and batched similarity."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathways.domain.text import (
    STOPWORDS,
    fold,
    index_tokens,
    looks_like_outcome,
    similarity_matrix,
    stem,
    tokens,
)
from pathways.model import Credential, CredentialKind, Outcome


def test_fold_lowercases_and_strips_accents() -> None:
    assert (
        fold("Õppija Säästev ÉLECTRICITÉ Diseño Ærø Øl")
        == "oppija saastev electricite diseno aero ol"
    )


def test_tokens_drop_stopwords_of_every_partner_language_and_short_words() -> None:
    assert tokens("The welding of steel") == ("weld", "steel")
    assert tokens("Soudage à l'arc et de l'acier") == ("soudag", "arc", "acier")
    assert tokens("Oppija oskab keevitada ja lõigata") == ("keevitada", "loigata")
    assert tokens("og i på til") == ()


def test_stemming_is_light_and_keeps_short_stems() -> None:
    assert stem("welding") == stem("welded") == "weld"
    assert stem("bed") == "bed"
    assert stem("stations") == "stat"


@given(st.text(max_size=60))
def test_tokens_are_folded_ascii_words_of_three_or_more_letters(text: str) -> None:
    for tok in tokens(text):
        assert re.fullmatch(r"[a-z0-9]{3,}", tok)
        assert tok == fold(tok)


def test_index_tokens_cover_title_and_outcomes() -> None:
    cred = Credential(
        "c",
        CredentialKind.UNIT,
        "MIG welding",
        "IE",
        outcomes=(Outcome("o", "Inspect seams"),),
    )

    assert index_tokens(cred) == frozenset({"mig", "weld", "inspect", "seam"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Welding", False),
        ("Metal fabrication", False),
        ("Keevitustööd", False),
        ("Comptabilité générale", False),
        ("", False),
        ("Weld plate", True),
        ("Kirjeldab keevitusprotsessi", True),
        ("Identifier les risques", True),
        ("Planificar obras", True),
        ("Health and safety in workshops", True),
    ],
)
def test_looks_like_outcome(text: str, expected: bool) -> None:
    assert looks_like_outcome(text) is expected


def test_similarity_is_one_for_the_same_words_in_any_order() -> None:
    m = similarity_matrix(["Weld steel plate", "Keep books"], ["plate steel welding", "x"])

    assert m.shape == (2, 2)
    assert m[0, 0] == pytest.approx(1.0)
    assert m[1, 0] < 0.5
    assert m[0, 1] == 0.0


def test_similarity_of_a_single_word_to_a_longer_text_is_not_perfect() -> None:
    m = similarity_matrix(["welding"], ["MIG welding of steel plate in a workshop"])

    assert m[0, 0] < 0.6


def test_similarity_with_empty_sides_has_the_right_shape() -> None:
    assert similarity_matrix([], ["a"]).shape == (0, 1)
    assert similarity_matrix(["a"], []).shape == (1, 0)


def test_similarity_with_many_workers_equals_one_worker() -> None:
    queries = [f"weld plate {i}" for i in range(20)]
    choices = [f"plate {i} welding steel" for i in range(300)]

    assert (similarity_matrix(queries, choices, 1) == similarity_matrix(queries, choices, -1)).all()


@given(st.lists(st.sampled_from(sorted(STOPWORDS)), max_size=8))
def test_text_made_of_stopwords_has_no_tokens(ws: list[str]) -> None:
    assert tokens(" ".join(ws).upper()) == ()


def test_outcome_keys_match_the_text_keys_and_go_with_their_outcomes() -> None:
    import gc

    from pathways.domain import text
    from pathways.model import Outcome

    # Counting the whole table would race with other tests' worker threads; follow ours only.
    prefix = "outcome-keys-test#"
    outcomes = [
        Outcome(id=f"{prefix}{i}", text=f"Weld steel plate number {i} safely") for i in range(50)
    ]
    assert text.outcome_keys(outcomes) == [text.match_key(o.text) for o in outcomes]
    assert all(o in text._OUTCOME_KEYS for o in outcomes)
    del outcomes
    gc.collect()
    assert not [o for o in list(text._OUTCOME_KEYS) if o.id.startswith(prefix)]
