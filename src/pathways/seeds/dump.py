"""Model values written back as seed records: the inverse of the loader.

The journal stores writes in this shape so replay validates them like any seed file;
the Neo4j store keeps rules in it; the benchmarks write synthetic seed directories
with it.  `credential_from_input(credential_record(c), graph) == c` for every valid c.
"""

from __future__ import annotations

from pathways.model import (
    AllRule,
    AnyRule,
    Credential,
    CredentialRule,
    CreditsRule,
    Recognition,
    Rule,
)


def rule_record(rule: Rule) -> dict[str, object]:
    """A rule as a seed file writes it."""
    if isinstance(rule, CredentialRule):
        return {"credential": rule.credential}
    if isinstance(rule, CreditsRule):
        return {"credits": rule.credits, "from": list(rule.sources)}
    if isinstance(rule, AnyRule):
        return {"any": [rule_record(c) for c in rule.children], "count": rule.count}
    assert isinstance(rule, AllRule)
    return {"all": [rule_record(c) for c in rule.children]}


def credential_record(cred: Credential) -> dict[str, object]:
    """A credential as a seed record, so replay validates it like any seed file."""
    out: dict[str, object] = dict(cred.extra)
    out.update(id=cred.id, kind=cred.kind.value, title=cred.title, country=cred.country)
    optional: dict[str, object | None] = {
        "language": cred.language,
        "provider": cred.provider,
        "level": {"framework": cred.level.framework, "code": cred.level.code}
        if cred.level
        else None,
        "ects": cred.ects,
        "hours": cred.hours,
        "assessment": cred.assessment,
        "participation": cred.participation.value if cred.participation else None,
        "quality_assurance": cred.quality_assurance,
        "valid_from": cred.valid_from,
        "valid_until": cred.valid_until,
        "requirements": rule_record(cred.requirements) if cred.requirements else None,
    }
    out.update({k: v for k, v in optional.items() if v is not None})
    if cred.outcomes:
        out["outcomes"] = [
            {"id": o.id, "text": o.text, "skills": list(o.skills)}
            | ({"language": o.language} if o.language else {})
            for o in cred.outcomes
        ]
    if cred.prerequisites:
        out["prerequisites"] = list(cred.prerequisites)
    return out


def recognition_record(rec: Recognition) -> dict[str, object]:
    """A recognition decision as a seed record."""
    out: dict[str, object] = {
        "from": rec.from_id,
        "to": rec.to_id,
        "decision": rec.decision.value,
        "by": rec.by,
        "date": rec.date,
    }
    if rec.ects is not None:
        out["ects"] = rec.ects
    return out
