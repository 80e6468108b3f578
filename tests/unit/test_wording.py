"""How messages write numbers, counts and names."""

from __future__ import annotations

from pathways.wording import counted, country_name, filled, listed, number, quoted, with_article


def test_numbers_round_alike_to_two_decimals() -> None:
    assert [number(x) for x in (5.0, 2.5, 1 / 3, 6.25, -0.001, 0.0)] == [
        "5",
        "2.5",
        "0.33",
        "6.25",
        "0",
        "0",
    ]


def test_counts_agree_with_their_noun() -> None:
    assert counted(1, "write") == "1 write"
    assert counted(0, "problem") == "0 problems"
    assert counted(2, "qualification") == "2 qualifications"


def test_articles_follow_the_sound_of_the_role() -> None:
    assert with_article("editor") == "an editor"
    assert with_article("recognition officer") == "a recognition officer"


def test_names_lists_and_filled_fields() -> None:
    assert quoted("MIG welding") == "'MIG welding'"
    assert listed(["'a'", "'b'", "'c'", "'d'"], 2) == "'a', 'b' and 2 more"
    assert listed(["'a'"], 2) == "'a'"
    assert not filled("  ") and not filled(None) and filled("QQI")
    assert country_name("ie") == "Ireland" and country_name("GB-SCT") == "Scotland"
    assert country_name("XX") == "XX"
