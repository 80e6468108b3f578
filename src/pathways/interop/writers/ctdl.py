"""A credential as a CTDL record in an @graph, and recognition decisions as TransferValueProfiles.

The record comes first; its owning organisation and one ceasn:Competency per learning
outcome (aligned to the outcome's skills) follow.  `requires` holds "all of" or "any
one of" credentials; credit rules and nested rules have no CTDL form and are named in
the condition's description instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from pathways.interop import vocab
from pathways.interop.loader import CTDL_CONTEXT
from pathways.interop.writers.common import (
    Facts,
    credential_iri,
    level_iri,
    outcome_iri,
    provider_iri,
)
from pathways.model import (
    AllRule,
    AnyRule,
    Credential,
    CredentialKind,
    CredentialRule,
    Participation,
    Recognition,
    Rule,
)

RECORD_TYPES = {
    CredentialKind.MICRO_CREDENTIAL: "ceterms:MicroCredential",
    CredentialKind.UNIT: "ceterms:Course",
    CredentialKind.PARTIAL_QUALIFICATION: "ceterms:Certificate",
    CredentialKind.QUALIFICATION: "ceterms:Diploma",
}
DELIVERY = {
    Participation.ONLINE: ("deliveryType:OnlineOnly", "Online Only"),
    Participation.ONSITE: ("deliveryType:InPerson", "In Person Only"),
    Participation.BLENDED: ("deliveryType:BlendedDelivery", "Blended Delivery"),
}


def ctid(iri: str) -> str:
    """A CTID (ce- and a UUID) that stays the same for the same IRI."""
    return f"ce-{uuid.uuid5(uuid.NAMESPACE_URL, iri)}"


def _alignment(
    target: str, name: str, framework: str | None = None, **more: object
) -> dict[str, object]:
    out: dict[str, object] = {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:targetNode": target,
        "ceterms:targetNodeName": {"en": name},
    }
    if framework:
        out["ceterms:framework"] = framework
    out.update(more)
    return out


def _ects(value: float) -> dict[str, object]:
    return {
        "@type": "schema:QuantitativeValue",
        "schema:value": round(value, 4),
        "schema:unitText": "ECTS",
        "ceterms:creditUnitType": [
            _alignment(vocab.ECTS_IRI, "European Credit Transfer and Accumulation System")
        ],
    }


def write(facts: Facts) -> dict[str, object]:
    """The credential as a CTDL @graph document, the record first."""
    cred = facts.credential
    lang = facts.language()
    record: dict[str, object] = {
        "@id": facts.iri,
        "@type": RECORD_TYPES[cred.kind],
        "ceterms:ctid": ctid(facts.iri),
        "ceterms:name": facts.titles(),
        "ceterms:inLanguage": [lang],
        "ceterms:availableAt": [{"@type": "ceterms:Place", "ceterms:addressCountry": cred.country}],
    }
    if isinstance(cred.extra.get("description"), str):
        record["ceterms:description"] = {lang: cred.extra["description"]}
    graph: list[dict[str, object]] = [record]
    if facts.provider is not None:
        prov = facts.provider
        record["ceterms:ownedBy"] = [provider_iri(prov.id)]
        graph.append(
            {
                "@id": provider_iri(prov.id),
                "@type": "ceterms:CredentialOrganization",
                "ceterms:name": {"en": prov.name},
                "ceterms:address": [
                    {"@type": "ceterms:Place", "ceterms:addressCountry": prov.country}
                ],
            }
        )
    levels = []
    if facts.eqf is not None:
        levels.append(
            _alignment(
                f"{vocab.EQF_BASE}{facts.eqf}",
                f"EQF level {facts.eqf}",
                f"{vocab.EQF_BASE}25831c2",
            )
        )
    if facts.nqf is not None:
        framework, code = facts.nqf
        levels.append(
            _alignment(
                level_iri(framework, code),
                f"{framework} {code}",
                f"{vocab.OUR_FRAMEWORK}{framework}",
                **{"ceterms:codedNotation": code},
            )
        )
    if levels:
        record["ceterms:audienceLevelType"] = levels
    if cred.ects is not None:
        record["ceterms:creditValue"] = [_ects(cred.ects)]
    if cred.hours is not None:
        record["ceterms:estimatedDuration"] = [
            {
                "@type": "ceterms:DurationProfile",
                "ceterms:exactDuration": vocab.hours_duration(cred.hours),
            }
        ]
    if cred.assessment:
        record["ceterms:assessmentMethodDescription"] = {lang: cred.assessment}
    if cred.participation is not None:
        node, name = DELIVERY[cred.participation]
        record["ceterms:deliveryType"] = [
            _alignment(node, name, "https://credreg.net/ctdl/terms/Delivery")
        ]
    if cred.quality_assurance:
        qa_iri = f"{vocab.OUR_QA}{vocab.short_hash(cred.quality_assurance)}"
        record["ceterms:accreditedBy"] = [qa_iri]
        graph.append(
            {
                "@id": qa_iri,
                "@type": "ceterms:QACredentialOrganization",
                "ceterms:name": {lang: cred.quality_assurance},
            }
        )
    teaches = []
    for outcome in cred.outcomes:
        iri = outcome_iri(outcome.id)
        teaches.append(_alignment(iri, outcome.text))
        competency: dict[str, object] = {
            "@id": iri,
            "@type": "ceasn:Competency",
            "ceasn:competencyText": {outcome.language or lang: outcome.text},
        }
        if outcome.skills:
            competency["ceasn:exactAlignment"] = list(outcome.skills)
        graph.append(competency)
    if teaches:
        record["ceterms:teaches"] = teaches
    if cred.requirements is not None:
        record["ceterms:requires"] = _conditions(cred.requirements)
    if cred.prerequisites:
        record["ceterms:prerequisite"] = [
            {
                "@type": "ceterms:ConditionProfile",
                "ceterms:targetCredential": [credential_iri(p) for p in cred.prerequisites],
            }
        ]
    if facts.part_of:
        record["ceterms:isPartOf"] = [credential_iri(p) for p in facts.part_of]
    return {"@context": CTDL_CONTEXT, "@graph": graph}


def _conditions(rule: Rule) -> list[dict[str, object]]:
    def profile(targets: Sequence[str], words: str | None = None) -> dict[str, object]:
        out: dict[str, object] = {"@type": "ceterms:ConditionProfile"}
        if targets:
            out["ceterms:targetCredential"] = [credential_iri(t) for t in targets]
        if words:
            out["ceterms:description"] = {"en": words}
        return out

    if isinstance(rule, CredentialRule):
        return [profile([rule.credential])]
    flat = all(isinstance(c, CredentialRule) for c in getattr(rule, "children", ()))
    if isinstance(rule, AllRule) and flat:
        return [profile([c.credential for c in rule.children if isinstance(c, CredentialRule)])]
    if isinstance(rule, AnyRule) and flat and rule.count == 1:
        return [profile([c.credential]) for c in rule.children if isinstance(c, CredentialRule)]
    return [
        profile(
            [], "Requirements in the pathways rule form, which CTDL cannot express: " + _words(rule)
        )
    ]


def _words(rule: Rule) -> str:
    if isinstance(rule, CredentialRule):
        return rule.credential
    if isinstance(rule, AllRule):
        return "all of (" + ", ".join(_words(c) for c in rule.children) + ")"
    if isinstance(rule, AnyRule):
        return f"{rule.count} of (" + ", ".join(_words(c) for c in rule.children) + ")"
    return f"{rule.credits:g} ECTS from (" + ", ".join(rule.sources) + ")"


def transfer_values(
    recognitions: Sequence[Recognition], credentials: Mapping[str, Credential]
) -> dict[str, object]:
    """Recorded recognition decisions as CTDL TransferValueProfiles in one @graph."""
    graph: list[dict[str, object]] = []
    for rec in recognitions:
        src, dst = credentials.get(rec.from_id), credentials.get(rec.to_id)
        iri = f"urn:pathways:recognition:{rec.from_id}:{rec.to_id}"
        names = (src.title if src else rec.from_id, dst.title if dst else rec.to_id)
        profile: dict[str, object] = {
            "@id": iri,
            "@type": "ceterms:TransferValueProfile",
            "ceterms:ctid": ctid(iri),
            "ceterms:name": {
                "en": f"'{names[0]}' recognised as '{names[1]}' ({rec.decision.value})"
            },
            "ceterms:description": {
                "en": f"{rec.decision.value} recognition decided by {rec.by} on {rec.date}."
            },
            "ceterms:startDate": rec.date,
            "ceterms:transferValueFrom": [credential_iri(rec.from_id)],
            "ceterms:transferValueFor": [credential_iri(rec.to_id)],
        }
        granted = rec.ects
        if granted is None and dst is not None and rec.decision.value == "FULL":
            granted = dst.workload_ects
        if granted is not None and rec.decision.value != "NONE":
            profile["ceterms:transferValue"] = [_ects(granted)]
        graph.append(profile)
    return {"@context": CTDL_CONTEXT, "@graph": graph}
