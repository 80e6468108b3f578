"""Writers: every shipped credential written in each format reads back the same."""

from __future__ import annotations

import json

import pytest

from pathways.interop.read import read_document
from pathways.interop.reading import DocumentFormat
from pathways.interop.writers import write_document
from pathways.interop.writers.common import facts_from_graph
from pathways.interop.writers.ctdl import transfer_values
from pathways.model import Credential, Graph, Participation


def outcomes(cred: Credential) -> list[tuple[str, list[str]]]:
    return [(o.text, sorted(o.skills)) for o in cred.outcomes]


@pytest.mark.parametrize("fmt", list(DocumentFormat))
def test_every_shipped_credential_round_trips(fmt: DocumentFormat, shipped_graph: Graph) -> None:
    assert len(shipped_graph.credentials) > 100
    for cred in shipped_graph.credentials.values():
        doc = write_document(fmt, facts_from_graph(cred, shipped_graph))
        text = json.dumps(doc)  # a document is plain JSON
        reading = read_document(json.loads(text), None, shipped_graph.frameworks)
        assert reading.format is fmt
        back = reading.credentials[0]
        assert (
            back.id,
            back.title,
            back.kind if fmt is not DocumentFormat.CTDL else cred.kind,
        ) == (
            cred.id,
            cred.title,
            cred.kind,
        )
        assert back.level == cred.level, cred.id
        assert back.workload_ects == pytest.approx(cred.workload_ects), cred.id
        if fmt is not DocumentFormat.OB3:  # OB3 has no hours: only ECTS travel
            assert back.workload_hours == pytest.approx(cred.workload_hours), cred.id
            assert back.titles == cred.titles, cred.id
            assert back.participation == cred.participation
            assert back.quality_assurance == cred.quality_assurance
        assert outcomes(back) == outcomes(cred), cred.id
        assert back.country == cred.country or cred.provider is None
        assert back.assessment == cred.assessment
        # our own documents hold nothing we cannot map back
        assert not [w for w in reading.warnings if "not mapped" in w], cred.id


def test_ctdl_keeps_flat_requirements_and_prerequisites(shipped_graph: Graph) -> None:
    kept = 0
    for cred in shipped_graph.credentials.values():
        doc = write_document(DocumentFormat.CTDL, facts_from_graph(cred, shipped_graph))
        back = read_document(doc, None, shipped_graph.frameworks).credentials[0]
        assert back.prerequisites == cred.prerequisites
        if back.requirements == cred.requirements and cred.requirements is not None:
            kept += 1
    assert kept > 0


def test_ctdl_writes_a_partial_qualification_as_part_of_what_it_stacks_into(
    shipped_graph: Graph,
) -> None:
    partial = [
        c for c in shipped_graph.credentials.values() if c.kind.value == "PARTIAL_QUALIFICATION"
    ]
    facts = [facts_from_graph(c, shipped_graph) for c in partial]
    for f in (f for f in facts if f.part_of):
        doc = write_document(DocumentFormat.CTDL, f)
        assert read_document(doc).credentials[0].kind == f.credential.kind


def test_the_documents_have_the_published_shapes(shipped_graph: Graph) -> None:
    cred = next(
        c for c in shipped_graph.credentials.values() if c.participation is Participation.ONSITE
    )
    facts = facts_from_graph(cred, shipped_graph)
    elm = write_document(DocumentFormat.ELM, facts)
    assert elm["type"] in ("Qualification", "LearningAchievementSpecification")
    assert "http://data.europa.eu/snb/model/context/edc-ap" in elm["@context"]  # type: ignore[operator]
    ob3 = write_document(DocumentFormat.OB3, facts)
    assert ob3["type"] == ["Achievement"] and ob3["name"] == cred.title
    assert {"description", "criteria"} <= ob3.keys()
    ctdl = write_document(DocumentFormat.CTDL, facts)
    record = ctdl["@graph"][0]  # type: ignore[index]
    assert record["ceterms:ctid"].startswith("ce-")
    assert record["ceterms:deliveryType"][0]["ceterms:targetNode"] == "deliveryType:InPerson"


def test_recognitions_export_as_transfer_value_profiles(shipped_graph: Graph) -> None:
    recs = shipped_graph.recognitions
    doc = transfer_values(recs, shipped_graph.credentials)
    graph = doc["@graph"]
    assert isinstance(graph, list) and len(graph) == len(recs)
    for rec, profile in zip(recs, graph, strict=True):
        assert profile["@type"] == "ceterms:TransferValueProfile"
        assert profile["ceterms:transferValueFrom"] == [f"urn:pathways:credential:{rec.from_id}"]
        assert profile["ceterms:transferValueFor"] == [f"urn:pathways:credential:{rec.to_id}"]
        assert ("ceterms:transferValue" in profile) == (rec.decision.value != "NONE")
