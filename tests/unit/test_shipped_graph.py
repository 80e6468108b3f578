"""The shipped graph_seeds/: coverage per partner country, EU standard elements, crosswalk facts."""

from __future__ import annotations

import asyncio
import csv
import re
from collections.abc import Iterator

import pytest

from pathways.model import Credential, CredentialKind, Graph, rule_credentials
from pathways.seeds import load_dirs
from tests.support.paths import DATA, SHIPPED_SEEDS

SHIPPED = SHIPPED_SEEDS
MAPPINGS_CSV = DATA / "nqf_eqf_mappings.csv"
ESCO_CONCEPTS_CSV = DATA / "esco_concepts.csv"

PARTNER_COUNTRIES = ("IE", "EE", "DK", "FR", "ES")
SMALL_KINDS = frozenset({CredentialKind.MICRO_CREDENTIAL, CredentialKind.UNIT})
TARGET_KINDS = frozenset({CredentialKind.QUALIFICATION, CredentialKind.PARTIAL_QUALIFICATION})
ESCO_PREFIX = "http://data.europa.eu/esco/"


@pytest.fixture(scope="module")
def graph() -> Graph:
    """The shipped graph, loaded once for this module."""
    return load_dirs([SHIPPED])


def _of_country(graph: Graph, country: str, kinds: frozenset[CredentialKind]) -> list[Credential]:
    return sorted(
        (c for c in graph.credentials.values() if c.country == country and c.kind in kinds),
        key=lambda c: c.id,
    )


def _missing_elements(cred: Credential) -> list[str]:
    """The EU micro-credential standard elements this credential lacks."""
    missing = []
    if not cred.title:
        missing.append("title")
    if not cred.language:
        missing.append("language")
    if not cred.provider:
        missing.append("provider")
    if cred.level is None:
        missing.append("level")
    if cred.ects is None and cred.hours is None:
        missing.append("ects or hours")
    if not cred.assessment:
        missing.append("assessment")
    if cred.participation is None:
        missing.append("participation")
    if not cred.quality_assurance:
        missing.append("quality_assurance")
    if not cred.outcomes:
        missing.append("outcomes")
    return missing


def test_shipped_graph_loads_with_every_reference_resolved() -> None:
    # the loader rejects unknown ids, levels, cycles and malformed rules, so loading is the check
    loaded = load_dirs([SHIPPED])
    assert loaded.credentials
    assert loaded.recognitions


@pytest.mark.parametrize("country", PARTNER_COUNTRIES)
def test_at_least_20_micro_credentials_per_country(graph: Graph, country: str) -> None:
    small = _of_country(graph, country, SMALL_KINDS)
    assert len(small) >= 20, f"{country}: {len(small)} micro-credentials/units"


@pytest.mark.parametrize("country", PARTNER_COUNTRIES)
def test_every_outcome_of_micro_credentials_is_aligned_to_a_skill(
    graph: Graph, country: str
) -> None:
    unaligned = [
        f"{c.id}: {o.text!r}"
        for c in _of_country(graph, country, SMALL_KINDS)
        for o in c.outcomes
        if not o.skills
    ]
    assert not unaligned


@pytest.mark.parametrize("country", PARTNER_COUNTRIES)
def test_every_micro_credential_carries_the_eu_standard_elements(
    graph: Graph, country: str
) -> None:
    incomplete = {
        c.id: missing
        for c in _of_country(graph, country, SMALL_KINDS)
        if (missing := _missing_elements(c))
    }
    assert not incomplete


@pytest.mark.parametrize("country", PARTNER_COUNTRIES)
def test_at_least_3_qualifications_with_requirements_per_country(
    graph: Graph, country: str
) -> None:
    targets = [c for c in _of_country(graph, country, TARGET_KINDS) if c.requirements is not None]
    assert len(targets) >= 3, f"{country}: {[c.id for c in targets]}"


@pytest.mark.parametrize("country", PARTNER_COUNTRIES)
def test_qualifications_carry_the_eu_standard_elements(graph: Graph, country: str) -> None:
    incomplete = {
        c.id: missing
        for c in _of_country(graph, country, TARGET_KINDS)
        if (missing := _missing_elements(c)) or any(not o.skills for o in c.outcomes)
    }
    assert not incomplete


def test_given_ects_and_hours_agree_within_the_ects_range(graph: Graph) -> None:
    # ECTS Users' Guide: 1 ECTS = 25-30 hours of work
    off = {
        c.id: round(c.hours / c.ects, 1)
        for c in graph.credentials.values()
        if c.ects and c.hours is not None and not 25 <= c.hours / c.ects <= 30
    }
    assert not off


def test_at_least_15_recognitions_between_partner_countries(graph: Graph) -> None:
    creds = graph.credentials
    cross = [
        r
        for r in graph.recognitions
        if creds[r.from_id].country in PARTNER_COUNTRIES
        and creds[r.to_id].country in PARTNER_COUNTRIES
        and creds[r.from_id].country != creds[r.to_id].country
    ]
    assert len(cross) >= 15


def test_some_qualifications_are_reachable_from_another_country(graph: Graph) -> None:
    # a rule names a foreign credential, or a foreign credential is recognised into one it names
    creds = graph.credentials
    recognised_from: dict[str, set[str]] = {}
    for rec in graph.recognitions:
        recognised_from.setdefault(rec.to_id, set()).add(creds[rec.from_id].country)
    crossing = [
        target.id
        for target in creds.values()
        if target.requirements is not None
        and any(
            creds[named].country != target.country
            or recognised_from.get(named, set()) - {target.country}
            for named in rule_credentials(target.requirements)
        )
    ]
    assert len(crossing) >= 2


def _mapping_rows() -> Iterator[dict[str, str]]:
    with MAPPINGS_CSV.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _eqf_levels(cell: str) -> tuple[int, ...]:
    # blank: not referenced; "7|8" and "2/3": two EQF levels
    return tuple(int(part) for part in re.split(r"[|/]", cell.strip()) if part.strip())


def test_every_nqf_level_of_the_reference_table_has_exactly_its_eqf_levels(graph: Graph) -> None:
    wrong = []
    for row in _mapping_rows():
        framework = graph.frameworks.get(row["framework_code"])
        level = framework.level(row["national_level"]) if framework else None
        expected = _eqf_levels(row["eqf_level"])
        if level is None or tuple(sorted(level.eqf)) != expected:
            got = None if level is None else level.eqf
            wrong.append(f"{row['framework_code']} {row['national_level']!r}: {got} != {expected}")
    assert not wrong


def test_frameworks_keep_the_reference_tables_level_order_and_country(graph: Graph) -> None:
    expected: dict[str, list[str]] = {}
    countries: dict[str, str] = {}
    for row in _mapping_rows():
        expected.setdefault(row["framework_code"], []).append(row["national_level"])
        countries[row["framework_code"]] = row["country_iso"]
    for code, levels in expected.items():
        framework = graph.frameworks[code]
        assert [lvl.code for lvl in framework.levels] == levels, code
        assert framework.country == countries[code], code


def test_eqf_has_eight_levels_with_descriptors(graph: Graph) -> None:
    eqf = graph.frameworks["EQF"]
    assert [lvl.code for lvl in eqf.levels] == [str(n) for n in range(1, 9)]
    for lvl in eqf.levels:
        assert lvl.eqf == (int(lvl.code),)
        assert set(lvl.descriptors) >= {"knowledge", "skills", "responsibility_autonomy"}


def test_every_esco_uri_is_taken_from_the_reference_extract(graph: Graph) -> None:
    with ESCO_CONCEPTS_CSV.open(encoding="utf-8", newline="") as fh:
        known = {row["uri"] for row in csv.DictReader(fh)}
    invented = sorted(
        sid for sid in graph.skills if sid.startswith(ESCO_PREFIX) and sid not in known
    )
    assert not invented


def test_the_quality_report_finds_every_shipped_micro_credential_complete(graph: Graph) -> None:
    from pathways.domain.quality import quality_report

    levels = {(f.code, lvl.code): lvl for f in graph.frameworks.values() for lvl in f.levels}
    for country in PARTNER_COUNTRIES:
        for cred in _of_country(graph, country, SMALL_KINDS):
            level = levels.get((cred.level.framework, cred.level.code)) if cred.level else None
            report = quality_report(
                cred, level, level is not None, cred.provider in graph.providers
            )
            assert (report.missing, report.warnings, report.score) == ((), (), 1.0), cred.id


@pytest.mark.parametrize("country", PARTNER_COUNTRIES)
def test_at_least_3_qualifications_per_country_can_be_planned_from_nothing(
    graph: Graph, country: str
) -> None:
    from pathways.domain.stacking import plan
    from pathways.store.memory import MemoryStore

    store = MemoryStore(graph)
    planned = []
    for cred in _of_country(graph, country, TARGET_KINDS):
        ctx = asyncio.run(store.planning_context(cred.id, []))
        result = plan(ctx)
        if result.achievable and result.optimal and result.steps:
            planned.append(cred.id)
    assert len(planned) >= 3, planned
