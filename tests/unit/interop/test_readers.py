"""Readers: our own documents of each format are read into the fields a seed file gives."""

from __future__ import annotations

import pytest

from pathways.errors import BadUserInput
from pathways.interop.read import read_document
from pathways.interop.reading import DocumentFormat, Reading
from pathways.model import (
    AllRule,
    AnyRule,
    CredentialKind,
    CredentialRule,
    Graph,
    LevelRef,
    Participation,
)
from tests.support.interop import PERSONAL, document

ESCO = "http://data.europa.eu/esco/skill/"


def read(name: str, graph: Graph) -> Reading:
    return read_document(document(name), None, graph.frameworks, graph.providers)


def test_elm_issued_credential_reads_the_awarded_specification_first(shipped_graph: Graph) -> None:
    reading = read("elm_issued_credential.jsonld", shipped_graph)
    assert reading.format is DocumentFormat.ELM
    first, refrigerant, commissioning = reading.credentials
    assert first.title == "Heat pump installation"
    assert any("not mapped" in w and "ISCEDFCode" in w for w in reading.warnings)  # thematicArea
    assert first.titles == {
        "en": "Heat pump installation",
        "ga": "Suiteáil teaschaidéal",
        "fr": "Installation de pompes à chaleur",
    }
    assert first.language == "en"
    assert first.country == "IE"
    assert first.kind is CredentialKind.MICRO_CREDENTIAL
    # the NQF notation of an Irish document resolves to the Irish framework we hold
    assert first.level == LevelRef("IE-NFQ", "6")
    assert first.ects == 10 and first.hours is None  # creditPoint given as one object
    assert first.participation is Participation.BLENDED
    assert first.assessment == "Supervised installation and commissioning test"
    assert first.quality_assurance == "Programme validated by the national qualifications authority"
    (outcome,) = first.outcomes  # learningOutcome given as one object
    assert outcome.text.startswith("Size and install")
    assert len(outcome.skills) == 2 and all(s.startswith(ESCO) for s in outcome.skills)
    assert first.requirements == AllRule(
        (CredentialRule(refrigerant.id), CredentialRule(commissioning.id))
    )
    assert refrigerant.kind is CredentialKind.UNIT
    assert refrigerant.hours == 75 and refrigerant.ects is None  # PT75H, hours only
    assert refrigerant.workload_ects == 3
    assert commissioning.ects == 4  # creditPoint given as an array
    provider = {p.id: p for p in reading.providers}[str(first.provider)]
    assert (provider.name, provider.country) == ("Corcaigh Institute of Technology", "IE")
    labels = {s.id: s.labels for s in reading.skills}
    assert labels[outcome.skills[0]] == {"en": "install heat pump"}


def test_elm_partial_qualification_and_calendar_durations_are_warnings(
    shipped_graph: Graph,
) -> None:
    reading = read("elm_partial_qualification.jsonld", shipped_graph)
    care, first_aid = reading.credentials
    assert care.kind is CredentialKind.PARTIAL_QUALIFICATION
    assert care.title == "Hooldustöötaja osakutse" and care.language == "et"
    assert care.extra["title_en"] == "Care worker partial qualification"
    assert care.level == LevelRef("EQF", "4")
    assert care.participation is Participation.ONSITE
    # six months is calendar time and points of another system are not ECTS: no guess
    assert care.ects is None and care.hours is None
    assert any("'P6M'" in w and "months" in w for w in reading.warnings)
    assert any("not ECTS" in w for w in reading.warnings)
    assert [o.text for o in care.outcomes] == [
        "Abistab klienti igapäevatoimingutes",
        "Järgib hügieeninõudeid",
    ]
    assert first_aid.title == "First aid at work" and first_aid.hours == 16
    assert any("no country" in w for w in reading.warnings)


def test_ob3_credential_with_language_values_and_alignments(shipped_graph: Graph) -> None:
    reading = read("ob3_credential.json", shipped_graph)
    assert reading.format is DocumentFormat.OB3
    (badge,) = reading.credentials
    assert badge.titles == {"de": "Grundlagen der Datenkompetenz", "en": "Data literacy basics"}
    assert badge.title == "Grundlagen der Datenkompetenz"  # inLanguage says German
    assert badge.country == "AT" and badge.level == LevelRef("EQF", "4")
    assert badge.ects == 3  # creditsAvailable with the ECTS alignment
    assert badge.assessment == "Graded data-cleaning project"
    assert [o.text for o in badge.outcomes] == [
        "analyse big data",
        "Clean a table of data with a spreadsheet",
    ]
    assert any("extensions context" in w for w in reading.warnings)


def test_ob3_achievement_alone_warns_about_credits_and_unknown_terms(shipped_graph: Graph) -> None:
    reading = read("ob3_achievement.json", shipped_graph)
    (achievement,) = reading.credentials
    assert achievement.kind is CredentialKind.PARTIAL_QUALIFICATION
    assert achievement.ects is None  # credits of no named system are not ECTS
    assert len(achievement.outcomes) == 1  # alignment given as one object
    assert achievement.outcomes[0].skills[0].startswith(ESCO)
    assert any("'shoeSize'" in w for w in reading.warnings)
    assert any("creditsAvailable 12" in w for w in reading.warnings)


def test_ctdl_graph_reads_every_record_and_condition_profiles_as_rules(
    shipped_graph: Graph,
) -> None:
    reading = read("ctdl_graph.json", shipped_graph)
    assert reading.format is DocumentFormat.CTDL
    cert, dc, roof, prior = reading.credentials
    assert cert.kind is CredentialKind.PARTIAL_QUALIFICATION
    assert cert.titles == {
        "en": "Solar PV installer certificate",
        "sv": "Certifikat för solcellsinstallatör",
    }
    assert cert.country == "SE" and cert.level == LevelRef("EQF", "4")
    assert cert.ects == 7.5 and cert.participation is Participation.ONSITE
    assert cert.quality_assurance == "accredited by Swedish agency for vocational higher education"
    assert cert.requirements == AnyRule(
        (AllRule((CredentialRule(dc.id), CredentialRule(roof.id))), CredentialRule(prior.id))
    )
    (outcome,) = cert.outcomes
    assert outcome.text == "Install photovoltaic panels on roofs" and len(outcome.skills) == 1
    assert dc.kind is CredentialKind.UNIT and dc.hours == 75
    assert roof.hours is None and any("'P2W'" in w for w in reading.warnings)


def test_ctdl_record_without_context_is_read_with_ours(shipped_graph: Graph) -> None:
    reading = read("ctdl_record.json", shipped_graph)
    (program,) = reading.credentials
    assert (
        program.title == "Basisboekhouden"
        and program.extra["title_en"] == "Bookkeeping fundamentals"
    )
    assert program.country == "NL" and program.participation is Participation.ONLINE
    assert program.hours is None and any("'P1Y'" in w for w in reading.warnings)
    assert [o.text for o in program.outcomes] == [
        "Stelt een balans op",
        "Boekt inkoop- en verkoopfacturen",
    ]


@pytest.mark.parametrize("name", ["elm_issued_credential.jsonld", "ob3_credential.json"])
def test_nothing_personal_is_kept(name: str, shipped_graph: Graph) -> None:
    reading = read(name, shipped_graph)
    kept = repr(reading) + repr([dict(c.extra) for c in reading.credentials])
    assert not [p for p in PERSONAL if p in kept]


@pytest.mark.parametrize(
    ("doc", "fmt", "words"),
    [
        ({"name": "a thing"}, None, "none of the formats"),
        ([], None, "JSON object"),
        (
            {"@context": ["https://example.org/ctx"], "ceterms:name": {"en": "x"}},
            None,
            "https://example.org/ctx",
        ),
        (
            {"@context": "http://data.europa.eu/snb/model/context/edc-ap", "type": "x"},
            None,
            "title",
        ),
        ({"@type": "ceterms:Course", "ceterms:description": {"en": "no name"}}, None, "title"),
        (document("ob3_achievement.json"), DocumentFormat.ELM, "looks like OB3"),
    ],
)
def test_bad_documents_say_what_is_missing(
    doc: object, fmt: DocumentFormat | None, words: str
) -> None:
    with pytest.raises(BadUserInput) as err:
        read_document(doc, fmt)
    assert words in err.value.message
