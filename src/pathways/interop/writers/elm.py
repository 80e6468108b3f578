"""A credential as an ELM v3 specification: a Qualification or LearningAchievementSpecification.

Only the description is written (what an issuer publishes to a register), never an
issued credential: there is no learner.  Requirement rules other than "all of these
credentials" and prerequisites have no ELM property and are not written.
"""

from __future__ import annotations

from pathways.interop import vocab
from pathways.interop.loader import ELM_CONTEXT, W3C_VC_V1
from pathways.interop.readers.common import kind_iri
from pathways.interop.writers.common import (
    KIND_LABELS,
    MODE_LABELS,
    Facts,
    credential_iri,
    level_iri,
    outcome_iri,
    provider_iri,
)
from pathways.model import AllRule, CredentialKind, CredentialRule


def _concept(iri: str, label: str | None = None, lang: str = "en") -> dict[str, object]:
    out: dict[str, object] = {"id": iri, "type": "Concept"}
    if label:
        out["prefLabel"] = {lang: label}
    return out


def write(facts: Facts) -> dict[str, object]:
    """The credential as an ELM JSON-LD specification document."""
    cred = facts.credential
    lang = facts.language()
    qualification = cred.kind in (
        CredentialKind.QUALIFICATION,
        CredentialKind.PARTIAL_QUALIFICATION,
    )
    doc: dict[str, object] = {
        "@context": [W3C_VC_V1, ELM_CONTEXT],
        "id": facts.iri,
        "type": "Qualification" if qualification else "LearningAchievementSpecification",
        "title": facts.titles(),
        "dcType": _concept(kind_iri(cred.kind), KIND_LABELS[cred.kind.value]),
        "spatial": _concept(vocab.country_iri(cred.country)),
    }
    if isinstance(cred.extra.get("description"), str):
        doc["description"] = {lang: cred.extra["description"]}
    if qualification:
        doc["isPartialQualification"] = cred.kind is CredentialKind.PARTIAL_QUALIFICATION
    if (lang_iri := vocab.language_iri(lang)) is not None:
        doc["language"] = _concept(lang_iri)
    if facts.eqf is not None:
        doc["eqfLevel"] = _concept(f"{vocab.EQF_BASE}{facts.eqf}", f"Level {facts.eqf}")
    if facts.nqf is not None:
        framework, code = facts.nqf
        doc["nqfLevel"] = {
            "id": level_iri(framework, code),
            "type": "Concept",
            "notation": code,
            "prefLabel": {"en": f"{framework} {code}"},
            "inScheme": {"id": f"{vocab.OUR_FRAMEWORK}{framework}", "type": "ConceptScheme"},
        }
    if cred.ects is not None:
        doc["creditPoint"] = [
            {
                "type": "CreditPoint",
                "framework": _concept(vocab.ECTS_IRI, "European Credit Transfer System"),
                "point": f"{cred.ects:g}",
            }
        ]
    if cred.hours is not None:
        doc["volumeOfLearning"] = vocab.hours_duration(cred.hours)
    if cred.participation is not None:
        mode = cred.participation
        doc["mode"] = _concept(f"urn:pathways:mode:{mode.value}", MODE_LABELS[mode])
    if cred.assessment:
        doc["provenBy"] = [
            {"type": "LearningAssessmentSpecification", "title": {lang: cred.assessment}}
        ]
    if cred.quality_assurance:
        doc["accreditation"] = [{"type": "Accreditation", "title": {lang: cred.quality_assurance}}]
    if cred.outcomes:
        doc["learningOutcome"] = [
            _outcome(facts, o.id, o.text, o.language or lang, o.skills) for o in cred.outcomes
        ]
    rule = cred.requirements
    if isinstance(rule, CredentialRule):
        rule = AllRule((rule,))
    if isinstance(rule, AllRule) and all(isinstance(c, CredentialRule) for c in rule.children):
        doc["hasPart"] = [
            {"id": credential_iri(c.credential)}
            for c in rule.children
            if isinstance(c, CredentialRule)
        ]
    if facts.provider is not None:
        prov = facts.provider
        doc["awardingOpportunity"] = [
            {
                "type": "AwardingOpportunity",
                "awardingBody": {
                    "id": provider_iri(prov.id),
                    "type": "Organisation",
                    "legalName": {"en": prov.name},
                    "location": {
                        "type": "Location",
                        "address": {
                            "type": "Address",
                            "countryCode": _concept(vocab.country_iri(prov.country)),
                        },
                    },
                },
            }
        ]
    return doc


def _outcome(
    facts: Facts, ident: str, text: str, lang: str, skills: tuple[str, ...]
) -> dict[str, object]:
    out: dict[str, object] = {
        "id": outcome_iri(ident),
        "type": "LearningOutcome",
        "title": {lang: text},
    }
    esco = [s for s in skills if s.startswith(vocab.ESCO_BASE)]
    other = [s for s in skills if not s.startswith(vocab.ESCO_BASE)]
    for prop, found in (("relatedESCOSkill", esco), ("relatedSkill", other)):
        if found:
            out[prop] = [
                {"id": s, "type": "Concept"}
                | ({"prefLabel": labels} if (labels := facts.skill_labels(s)) else {})
                for s in found
            ]
    return out
