"""Unknown keys: a near miss of a field is a warning, anything further an extra key."""

from __future__ import annotations

import pytest

from pathways.seeds import check_dirs
from pathways.seeds.keys import FIELDS, nearest_field
from tests.support.paths import SHIPPED_SEEDS

CREDENTIAL = FIELDS["credential"]


@pytest.mark.parametrize(
    ("key", "field"),
    [
        ("ectss", "ects"),
        ("Title", "title"),
        ("qualityAssurance", "quality_assurance"),
        ("quality-assurance", "quality_assurance"),
        ("prerequisite", "prerequisites"),
        ("requirment", "requirements"),
        ("outcoems", "outcomes"),
    ],
)
def test_a_near_miss_names_the_field(key: str, field: str) -> None:
    assert nearest_field(key, CREDENTIAL) == field


@pytest.mark.parametrize(
    "key", ["ects", "title_en", "awarding_body", "fet_credits", "duration_days", "note"]
)
def test_fields_and_extra_keys_pass(key: str) -> None:
    assert nearest_field(key, CREDENTIAL) is None


def test_the_shipped_graph_has_no_misspelt_fields() -> None:
    report = check_dirs([SHIPPED_SEEDS])
    assert report.problems == () and report.warnings == ()
