"""A credential as an Open Badges 3.0 Achievement.

OB3 has one name per achievement (the main title; other languages are not written),
no hours, participation or quality assurance property.  ECTS go in creditsAvailable
with an alignment to the ECTS concept that says which credit system it is; the EQF
level, a national level and outcomes with their skills travel as alignments.
"""

from __future__ import annotations

from pathways.interop import vocab
from pathways.interop.loader import OB3_CONTEXT, W3C_VC_V2
from pathways.interop.readers.ob3 import NQF_TYPE, OUTCOME_TYPE
from pathways.interop.writers.common import Facts, level_iri, outcome_iri, provider_iri
from pathways.model import CredentialKind

ACHIEVEMENT_TYPES = {
    CredentialKind.MICRO_CREDENTIAL: "MicroCredential",
    CredentialKind.UNIT: "ext:Unit",
    CredentialKind.PARTIAL_QUALIFICATION: "ext:PartialQualification",
    CredentialKind.QUALIFICATION: "Diploma",
}


def _align(**fields: object) -> dict[str, object]:
    return {"type": ["Alignment"], **{k: v for k, v in fields.items() if v is not None}}


def write(facts: Facts) -> dict[str, object]:
    """The credential as an OB3 Achievement document."""
    cred = facts.credential
    lang = facts.language()
    aligns: list[dict[str, object]] = []
    if facts.eqf is not None:
        aligns.append(
            _align(
                targetName=f"EQF level {facts.eqf}",
                targetUrl=f"{vocab.EQF_BASE}{facts.eqf}",
                targetFramework="European Qualifications Framework",
                targetType="ext:EQFLevel",
            )
        )
    if facts.nqf is not None:
        framework, code = facts.nqf
        aligns.append(
            _align(
                targetName=f"{framework} {code}",
                targetUrl=level_iri(framework, code),
                targetFramework=framework,
                targetCode=code,
                targetType=NQF_TYPE,
            )
        )
    credits_ = facts.credits()
    if credits_ is not None:
        aligns.append(
            _align(
                targetName="European Credit Transfer and Accumulation System",
                targetUrl=vocab.ECTS_IRI,
                targetType="ext:CreditSystem",
            )
        )
    for n, outcome in enumerate(cred.outcomes, start=1):
        code = f"o{n}"
        aligns.append(
            _align(
                targetName=outcome.text,
                targetUrl=outcome_iri(outcome.id),
                targetCode=code,
                targetType=OUTCOME_TYPE,
            )
        )
        for skill in outcome.skills:
            label = facts.skill_labels(skill)
            aligns.append(
                _align(
                    targetName=label.get(lang)
                    or label.get("en")
                    or next(iter(label.values()), None),
                    targetUrl=skill,
                    targetCode=code,
                    targetType="ext:Skill",
                )
            )
    doc: dict[str, object] = {
        "@context": [W3C_VC_V2, OB3_CONTEXT],
        "id": facts.iri,
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPES[cred.kind],
        "name": cred.title,
        "description": str(cred.extra.get("description") or cred.title),
        "criteria": {"narrative": cred.assessment} if cred.assessment else {"id": facts.iri},
        "inLanguage": lang,
    }
    if credits_ is not None:
        doc["creditsAvailable"] = round(credits_, 4)
    if aligns:
        doc["alignment"] = aligns
    if facts.provider is not None:
        prov = facts.provider
        doc["creator"] = {
            "id": provider_iri(prov.id),
            "type": ["Profile"],
            "name": prov.name,
            "address": {"type": ["Address"], "addressCountryCode": prov.country},
        }
    return doc
