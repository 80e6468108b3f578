"""Seed records hold sane values: bounded finite workloads, printable ids, no requirement cycles."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways.errors import SeedValidationError
from pathways.model import Graph
from pathways.seeds import credential_from_input, load_dirs
from pathways.seeds.fields import MAX_CREDITS, MAX_ECTS, MAX_HOURS, MAX_ID
from tests.support.seed_dirs import BASE, Write


@pytest.fixture
def graph(write: Write) -> Graph:
    return load_dirs([write({"a.yaml": BASE})])


def draft(**fields: object) -> dict[str, object]:
    return {"id": "n", "kind": "UNIT", "title": "N", "country": "IE", **fields}


def refused(data: dict[str, object], graph: Graph) -> list[tuple[str | None, str]]:
    with pytest.raises(SeedValidationError) as caught:
        credential_from_input(data, graph)
    return [(p.field, p.problem) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ects", 1e308),
        ("ects", MAX_ECTS + 0.5),
        ("hours", MAX_HOURS + 1),
        ("ects", math.inf),
        ("ects", math.nan),
        ("ects", 10**400),
    ],
)
def test_a_workload_out_of_bounds_is_refused(graph: Graph, field: str, value: float) -> None:
    problems = refused(draft(**{field: value}), graph)
    assert [f for f, _ in problems] == [field]


def test_a_credits_rule_over_the_bound_is_refused(graph: Graph) -> None:
    rule = {"credits": MAX_CREDITS + 1, "from": ["mig", "safety"]}
    problems = refused(draft(requirements=rule), graph)
    assert any("at most 10000" in p for _, p in problems)


def test_minus_zero_is_stored_as_zero(graph: Graph) -> None:
    cred = credential_from_input(
        draft(ects=-0.0, requirements={"credits": -0.0, "from": ["mig"]}), graph
    )
    assert cred.ects == 0.0 and math.copysign(1.0, cred.ects) == 1.0
    assert cred.workload_hours is not None and math.copysign(1.0, cred.workload_hours) == 1.0


@given(
    ects=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers()),
    hours=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
)
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_stored_workload_is_finite_and_bounded(
    graph: Graph, ects: float, hours: float | None
) -> None:
    try:
        cred = credential_from_input(draft(ects=ects, hours=hours), graph)
    except SeedValidationError:
        return
    for value in (cred.workload_ects, cred.workload_hours):
        assert value is not None and math.isfinite(value) and value >= 0
        assert math.copysign(1.0, value) == 1.0
    assert cred.workload_ects is not None and cred.workload_ects <= MAX_ECTS
    assert cred.workload_hours is not None and cred.workload_hours <= MAX_HOURS


@pytest.mark.parametrize(
    "ident",
    ["x" * (MAX_ID + 1), "bell\x07", "line\nbreak", "lone\ud800", "evil\u202egpj.exe", "a\u2066b"],
)
def test_an_unusable_id_is_refused(graph: Graph, ident: str) -> None:
    problems = refused(draft(id=ident), graph)
    assert problems and problems[0][0] == "id"
    assert all(len(p) < 200 for _, p in problems)


def test_an_unusable_prerequisite_id_is_refused_with_a_short_message(graph: Graph) -> None:
    problems = refused(draft(prerequisites=["\x00" * 5000]), graph)
    assert problems and all(len(p) < 200 for _, p in problems)


@given(st.text(max_size=300))
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_accepted_id_is_printable_and_bounded(graph: Graph, ident: str) -> None:
    try:
        cred = credential_from_input(draft(id=ident), graph)
    except SeedValidationError as exc:
        assert all(len(str(p)) < 400 for p in exc.problems)
        return
    assert len(cred.id) <= MAX_ID and cred.id.isprintable()


def test_an_id_in_a_seed_file_is_checked_alike(write: Write) -> None:
    text = BASE + '  - {id: "bad\\u202eid", kind: UNIT, title: Bad, country: IE}\n'
    with pytest.raises(SeedValidationError) as caught:
        load_dirs([write({"a.yaml": text})])
    assert any("printable" in p.problem for p in caught.value.problems)


def test_a_workload_in_a_seed_file_is_checked_alike(write: Write) -> None:
    text = BASE + "  - {id: big, kind: UNIT, title: Big, country: IE, ects: 1e308}\n"
    with pytest.raises(SeedValidationError) as caught:
        load_dirs([write({"a.yaml": text})])
    assert [p.field for p in caught.value.problems] == ["ects"]


REQUIREMENT_LOOP = """\
  - id: q1
    kind: QUALIFICATION
    title: Q1
    country: IE
    requirements: {credential: q2}
  - id: q2
    kind: QUALIFICATION
    title: Q2
    country: IE
    requirements: {all: [{credential: q1}, {credential: mig}]}
"""

REQUIREMENT_AND_PREREQUISITE = """\
  - id: q1
    kind: QUALIFICATION
    title: Q1
    country: IE
    requirements: {credential: q3}
  - id: q3
    kind: UNIT
    title: Q3
    country: IE
    prerequisites: [q1]
"""


@pytest.mark.parametrize("extra", [REQUIREMENT_LOOP, REQUIREMENT_AND_PREREQUISITE])
def test_requirement_cycles_in_files_are_refused(write: Write, extra: str) -> None:
    with pytest.raises(SeedValidationError) as caught:
        load_dirs([write({"a.yaml": BASE + extra})])
    assert any("cycle" in p.problem and "q1" in p.problem for p in caught.value.problems)


def test_a_write_closing_a_requirement_cycle_is_refused(graph: Graph) -> None:
    q1 = credential_from_input(
        {"id": "q1", "kind": "QUALIFICATION", "title": "Q1", "country": "IE",
         "requirements": {"credential": "mig"}},
        graph,
    )  # fmt: skip
    graph.credentials[q1.id] = q1
    problems = refused(
        {"id": "mig", "kind": "UNIT", "title": "MIG", "country": "IE", "prerequisites": ["q1"]},
        graph,
    )
    assert any("cycle" in p and "q1" in p and "mig" in p for _, p in problems)
