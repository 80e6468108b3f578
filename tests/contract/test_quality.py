"""principlesReport, providerQuality and designCheck: same answers on every store."""

from __future__ import annotations

from typing import Any

from pathways.model import Credential, CredentialKind, LevelRef, Outcome
from tests.support.backends import Backend
from tests.support.documents import DESIGN
from tests.support.writes import broken_draft, mig_draft

REPORT = """
query($id: ID!) {
  principlesReport(credential: $id) {
    credential { id }
    checks { principle status evidence advice }
  }
}"""
PROVIDER = """
query($id: ID!) {
  providerQuality(provider: $id) {
    provider { id name country }
    credentials complete
    principles { principle met partlyMet notMet needsReview }
    weakest { credential { id } score missing }
  }
}"""
CREDENTIAL = "query($id: ID!) { credential(id: $id) { id } }"

PRINCIPLES = [
    "QUALITY",
    "TRANSPARENCY",
    "RELEVANCE",
    "VALID_ASSESSMENT",
    "STACKABLE_PATHWAYS",
    "RECOGNITION",
    "PORTABLE",
    "LEARNER_CENTRED",
    "AUTHENTIC",
    "INFORMATION_AND_GUIDANCE",
]


def _statuses(report: dict[str, Any]) -> dict[str, str]:
    return {c["principle"]: c["status"] for c in report["checks"]}


def _codes(result: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in result.get("errors", [])]


def test_report_has_every_principle_in_order_with_evidence(backend: Backend) -> None:
    report = backend.gql(REPORT, {"id": "ie-mig"})["data"]["principlesReport"]
    assert report["credential"] == {"id": "ie-mig"}
    assert [c["principle"] for c in report["checks"]] == PRINCIPLES
    assert all(c["evidence"] for c in report["checks"])
    assert _statuses(report) == {
        "QUALITY": "MET",
        "TRANSPARENCY": "MET",
        "RELEVANCE": "PARTLY_MET",  # the small graph's skills are local, not ESCO
        "VALID_ASSESSMENT": "MET",
        "STACKABLE_PATHWAYS": "MET",
        "RECOGNITION": "PARTLY_MET",  # nothing recorded from it
        "PORTABLE": "MET",
        "LEARNER_CENTRED": "NEEDS_REVIEW",
        "AUTHENTIC": "MET",
        "INFORMATION_AND_GUIDANCE": "PARTLY_MET",
    }
    stack = report["checks"][4]["evidence"]
    assert any("ie-welding-cert" in line and "from nothing" in line for line in stack)


def test_recognised_credential_stacks_through_its_recognition(backend: Backend) -> None:
    report = backend.gql(REPORT, {"id": "ee-keevitus"})["data"]["principlesReport"]
    checks = {c["principle"]: c for c in report["checks"]}
    assert checks["STACKABLE_PATHWAYS"]["status"] == "MET"
    assert any("recognition as 'ie-mig'" in e for e in checks["STACKABLE_PATHWAYS"]["evidence"])
    assert checks["RECOGNITION"]["status"] == "MET"
    assert any("FULL as ie-mig" in e and "QQI" in e for e in checks["RECOGNITION"]["evidence"])


def test_bare_description_is_told_what_it_lacks(backend: Backend) -> None:
    report = backend.gql(REPORT, {"id": "ie-care"})["data"]["principlesReport"]
    checks = {c["principle"]: c for c in report["checks"]}
    assert checks["QUALITY"]["status"] == "NOT_MET"
    assert checks["VALID_ASSESSMENT"]["status"] == "NOT_MET"
    assert checks["STACKABLE_PATHWAYS"]["status"] == "NOT_MET"
    assert checks["RECOGNITION"]["status"] == "NOT_MET"  # a NONE decision and no QA
    assert checks["TRANSPARENCY"]["status"] == "PARTLY_MET"
    assert checks["LEARNER_CENTRED"]["status"] == "PARTLY_MET"
    assert any("type of assessment" in a for a in checks["TRANSPARENCY"]["advice"])


def test_qualification_with_plannable_requirements_is_stackable(backend: Backend) -> None:
    report = backend.gql(REPORT, {"id": "ie-welding-cert"})["data"]["principlesReport"]
    assert _statuses(report)["STACKABLE_PATHWAYS"] == "MET"


def test_unknown_credential_is_not_found(backend: Backend) -> None:
    assert _codes(backend.gql(REPORT, {"id": "nope"})) == ["NOT_FOUND"]


def test_provider_quality_counts_and_tallies(backend: Backend) -> None:
    pq = backend.gql(PROVIDER, {"id": "gti"})["data"]["providerQuality"]
    assert pq["provider"] == {"id": "gti", "name": "Galway Technical Institute", "country": "IE"}
    assert pq["credentials"] == 6
    assert pq["complete"] == 5
    assert [t["principle"] for t in pq["principles"]] == PRINCIPLES
    for t in pq["principles"]:
        assert t["met"] + t["partlyMet"] + t["notMet"] + t["needsReview"] == 6
    quality = pq["principles"][0]
    assert (quality["met"], quality["notMet"]) == (5, 1)
    assert pq["weakest"][0]["credential"] == {"id": "ie-care"}
    scores = [w["score"] for w in pq["weakest"]]
    assert scores == sorted(scores) and len(scores) == 6


def test_provider_quality_unknown_provider_is_not_found(backend: Backend) -> None:
    assert _codes(backend.gql(PROVIDER, {"id": "nope"})) == ["NOT_FOUND"]


def test_store_provider_credentials(backend: Backend) -> None:
    found = backend.call(backend.store.provider_credentials, "voco")
    assert [c.id for c in found] == ["ee-joonised", "ee-keevitus"]


def test_design_check_reports_and_stores_nothing(backend: Backend) -> None:
    draft = mig_draft()
    out = backend.gql(DESIGN, {"input": draft})
    assert "errors" not in out
    dc = out["data"]["designCheck"]
    assert dc["problems"] == []
    assert dc["credential"] == {
        "id": "ie-draft-mig",
        "title": "MIG welding for beginners",
        "provider": {"id": "gti"},
    }
    assert set(dc["qualityReport"]["missing"]) == {
        "type of assessment",
        "form of participation",
        "type of quality assurance",
    }
    assert [c["principle"] for c in dc["principles"]["checks"]] == PRINCIPLES
    abroad = dc["comparableAbroad"]
    assert abroad and len(abroad) <= 5
    assert {m["credential"]["country"] for m in abroad} == {"EE"}
    assert abroad[0]["credential"]["id"] == "ee-keevitus"
    assert all(m["basis"] == "COMPUTED" for m in abroad)
    assert backend.gql(CREDENTIAL, {"id": "ie-draft-mig"})["data"]["credential"] is None


def test_design_check_turns_validation_errors_into_sentences(backend: Backend) -> None:
    draft = broken_draft()
    out = backend.gql(DESIGN, {"input": draft})
    assert "errors" not in out
    dc = out["data"]["designCheck"]
    problems = dc["problems"]
    assert len(problems) == 4
    assert any(p.startswith("provider:") and "nobody" in p for p in problems)
    assert any(p.startswith("level.code:") for p in problems)
    assert any(p.startswith("prerequisites[1]:") for p in problems)
    assert any(p.startswith("outcomes[0].skills[1]:") for p in problems)
    # what was at fault is set aside; the rest is reported on
    assert dc["credential"]["provider"] is None
    assert "awarding body" in dc["qualityReport"]["missing"]
    assert "learning outcomes" not in dc["qualityReport"]["missing"]


def test_store_draft_shortlist_leaves_out_own_country(backend: Backend) -> None:
    draft = Credential(
        id="x-draft",
        kind=CredentialKind.MICRO_CREDENTIAL,
        title="Welding of steel plate",
        country="ie",
        level=LevelRef("IE-NFQ", "5"),
        outcomes=(Outcome("x-draft#o1", "Weld steel plate", skills=("s:weld",)),),
    )
    ctx = backend.call(backend.store.draft_equivalence_context, draft, "IE", 50)
    assert [c.id for c in ctx.candidates] == ["ee-keevitus"]
    assert ctx.recognitions == ()
    everywhere = backend.call(backend.store.draft_equivalence_context, draft, None, 50)
    ids = [c.id for c in everywhere.candidates]
    # shared skills, then shared tokens, then EQF distance (ie-tig is one EQF level up)
    assert ids == ["ie-mig", "ie-welding-cert", "ie-tig", "ee-keevitus", "ie-drawing"]
