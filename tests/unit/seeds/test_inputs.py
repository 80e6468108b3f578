"""API writes are checked exactly as seed records, in snake_case or camelCase."""

from __future__ import annotations

import pytest

from pathways.errors import SeedValidationError
from pathways.model import AnyRule, CredentialKind, CredentialRule, Decision, Graph, LevelRef
from pathways.seeds import credential_from_input, load_dirs, recognition_from_input
from tests.support.seed_dirs import BASE, Write


@pytest.fixture
def graph(write: Write) -> Graph:
    return load_dirs([write({"a.yaml": BASE})])


def draft(**fields: object) -> dict[str, object]:
    """A new unit with the four required fields and `fields`."""
    return {"id": "n", "kind": "UNIT", "title": "N", "country": "IE", **fields}


def problems_of(data: dict[str, object], graph: Graph) -> list[tuple[str | None, str]]:
    with pytest.raises(SeedValidationError) as caught:
        credential_from_input(data, graph)
    return [(p.field, p.problem) for p in caught.value.problems]


def test_camel_case_input_is_accepted(graph: Graph) -> None:
    cred = credential_from_input(
        {
            "id": "new",
            "kind": "UNIT",
            "title": "New",
            "country": "IE",
            "qualityAssurance": "QQI",
            "validFrom": "2025-01-01",
            "validUntil": "2026-01-01T00:00:00Z",
            "level": {"framework": "IE-NFQ", "code": "6"},
            "outcomes": [{"text": "Weld", "skills": ["weld"]}],
            "requirements": {"any": [{"credential": "mig"}, {"credential": "safety"}]},
            "prerequisites": ["safety"],
        },
        graph,
    )
    assert cred.quality_assurance == "QQI"
    assert (cred.valid_from, cred.valid_until) == ("2025-01-01", "2026-01-01")
    assert cred.level == LevelRef("IE-NFQ", "6")
    assert cred.outcomes[0].id == "new#o1"
    assert cred.requirements == AnyRule((CredentialRule("mig"), CredentialRule("safety")))


def test_snake_case_and_enum_members_are_accepted(graph: Graph) -> None:
    cred = credential_from_input(
        {
            "id": "n",
            "kind": CredentialKind.UNIT,
            "title": "N",
            "country": "IE",
            "quality_assurance": "Q",
        },
        graph,
    )
    assert (cred.kind, cred.quality_assurance) == (CredentialKind.UNIT, "Q")


def test_problems_name_the_field_as_written(graph: Graph) -> None:
    got = problems_of(
        {"id": "n", "kind": "BADGE", "title": "N", "validFrom": "soon", "ects": -1}, graph
    )
    assert [field for field, _ in got] == ["kind", "country", "ects", "validFrom"]


def test_same_field_twice_is_a_problem(graph: Graph) -> None:
    got = problems_of(draft(validFrom="2025-01-01", valid_from="2025-01-02"), graph)
    assert got[0][0] == "valid_from" and "same field" in got[0][1]


def test_references_resolve_against_the_graph(graph: Graph) -> None:
    got = problems_of(
        draft(
            provider="gtx",
            prerequisites=["saftey"],
            level={"framework": "IE-NFQ", "code": "9"},
        ),
        graph,
    )
    assert got == [
        ("provider", "'gtx' is not a provider in the graph; did you mean 'gti'?"),
        ("level.code", "level '9' is not in framework IE-NFQ (levels: 5, 6)"),
        (
            "prerequisites[0]",
            "prerequisite 'saftey' is not a credential in the graph; did you mean 'safety'?",
        ),
    ]


def test_a_malformed_rule_is_rejected(graph: Graph) -> None:
    got = problems_of(draft(requirements={"any": [{"credential": "mig"}], "count": 2}), graph)
    assert got == [("requirements.count", "count 2 is more than the 1 rule listed in 'any'")]


def test_a_rule_may_name_the_credential_being_written_only_elsewhere(graph: Graph) -> None:
    got = problems_of(draft(requirements={"credential": "n"}), graph)
    assert got == [("requirements.credential", "a rule of 'n' names 'n' itself")]


def test_an_upsert_that_closes_a_cycle_is_rejected(graph: Graph) -> None:
    # mig needs safety; making safety need mig closes safety -> mig -> safety
    got = problems_of(
        {"id": "safety", "kind": "UNIT", "title": "S", "country": "IE", "prerequisites": ["mig"]},
        graph,
    )
    assert got == [("prerequisites", "prerequisite cycle: safety -> mig -> safety")]


def test_an_upsert_replaces_the_old_version(graph: Graph) -> None:
    # the old mig needs safety; the new one does not, so safety may now need mig
    new_mig = credential_from_input(
        {"id": "mig", "kind": "UNIT", "title": "MIG", "country": "IE"}, graph
    )
    replaced = Graph(
        graph.frameworks,
        graph.providers,
        graph.skills,
        {**graph.credentials, "mig": new_mig},
        graph.recognitions,
    )
    safety = credential_from_input(
        {"id": "safety", "kind": "UNIT", "title": "S", "country": "IE", "prerequisites": ["mig"]},
        replaced,
    )
    assert safety.prerequisites == ("mig",)


def test_an_outcome_id_used_elsewhere_is_rejected(graph: Graph) -> None:
    got = problems_of(draft(outcomes=[{"id": "mig#o1", "text": "x"}]), graph)
    assert got == [("outcomes", "outcome id 'mig#o1' is also used by 'mig'")]


def test_recognition_input(graph: Graph) -> None:
    rec = recognition_from_input(
        {
            "from": "mig",
            "to": "safety",
            "decision": "PARTIAL",
            "ects": 0.5,
            "by": "QQI",
            "date": "2025-03-01",
        },
        graph,
    )
    assert (rec.decision, rec.ects, rec.date) == (Decision.PARTIAL, 0.5, "2025-03-01")


def test_recognition_input_problems(graph: Graph) -> None:
    with pytest.raises(SeedValidationError) as caught:
        recognition_from_input(
            {
                "from": "mig",
                "to": "ghost",
                "decision": "PARTIAL",
                "by": "QQI",
                "date": "03/01/2025",
            },
            graph,
            source="recordRecognition",
        )
    got = [(p.file, p.field) for p in caught.value.problems]
    assert got == [
        ("recordRecognition", "to"),
        ("recordRecognition", "ects"),
        ("recordRecognition", "date"),
    ]


def test_inputs_leave_the_graph_alone(graph: Graph, write: Write) -> None:
    before = load_dirs([write({"a.yaml": BASE}, name="again")])
    with pytest.raises(SeedValidationError):
        credential_from_input({"id": "mig", "kind": "UNIT"}, graph)
    credential_from_input({"id": "mig", "kind": "UNIT", "title": "M", "country": "IE"}, graph)
    assert graph == before
