"""Model values to and from Neo4j properties and load rows.

Scalars are native properties; nested values a graph shape is not needed for
(requirement rules, outcomes, labels, descriptors, extra keys) are JSON strings.
Relationships the Cypher traverses are drawn from `links(credential)`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from pathways.domain.candidates import credential_skills, shape_key
from pathways.domain.text import index_tokens
from pathways.model import (
    AllRule,
    AnyRule,
    Credential,
    CredentialKind,
    CredentialRule,
    CreditsRule,
    Decision,
    Framework,
    Level,
    LevelRef,
    Outcome,
    Participation,
    Provider,
    Recognition,
    Rule,
    Skill,
    rule_credentials,
)
from pathways.seeds.dump import rule_record
from pathways.store.search.scoring import SearchText, credential_texts, skill_texts

Props = dict[str, Any]
Pair = tuple[str, str]

LINKS = ("requires", "prerequisites", "skills", "providers", "levels", "tokens", "outcome_keys")
"""Kinds of outgoing credential relationship, in the order a load draws them."""


def level_key(framework: str, code: str) -> str:
    """The unique key of a Level node; JSON keeps any code unambiguous."""
    return json.dumps([framework, code], ensure_ascii=False)


def country_key(country: str) -> str:
    """How the candidate shortlist compares countries (as the embedded index does)."""
    return country.casefold()


# --- rules ---------------------------------------------------------------------------


def rule_from_data(data: Mapping[str, Any]) -> Rule:
    """The rule `seeds.dump.rule_record` wrote."""
    if "credential" in data:
        return CredentialRule(data["credential"])
    if "credits" in data:
        return CreditsRule(data["credits"], tuple(data["from"]))
    if "any" in data:
        return AnyRule(tuple(rule_from_data(c) for c in data["any"]), data["count"])
    return AllRule(tuple(rule_from_data(c) for c in data["all"]))


# --- nodes ---------------------------------------------------------------------------


def framework_row(fw: Framework) -> Props:
    """A framework and its levels as a merge_frameworks row."""
    props = {"code": fw.code, "name": fw.name, "country": fw.country, "source": fw.source}
    levels = [
        {
            "key": level_key(fw.code, lvl.code),
            "framework": fw.code,
            "code": lvl.code,
            "ord": i,
            "eqf": list(lvl.eqf),
            "label": lvl.label,
            "descriptors": json.dumps(dict(lvl.descriptors), ensure_ascii=False),
        }
        for i, lvl in enumerate(fw.levels)
    ]
    return {"props": _present(props), "levels": [_present(lv) for lv in levels]}


def level_from(props: Mapping[str, Any]) -> Level:
    """A Level node's value."""
    return Level(
        framework=props["framework"],
        code=props["code"],
        eqf=tuple(props.get("eqf") or ()),
        label=props.get("label"),
        descriptors=json.loads(props.get("descriptors") or "{}"),
    )


def framework_from(props: Mapping[str, Any], levels: Iterable[Mapping[str, Any]]) -> Framework:
    """A Framework node's value with its Level nodes (already in order)."""
    return Framework(
        code=props["code"],
        name=props["name"],
        levels=tuple(level_from(lv) for lv in levels),
        country=props.get("country"),
        source=props.get("source"),
    )


def provider_row(p: Provider) -> Props:
    """A provider as node properties."""
    return {"id": p.id, "name": p.name, "country": p.country}


def provider_from(props: Mapping[str, Any]) -> Provider:
    """A Provider node's value."""
    return Provider(id=props["id"], name=props["name"], country=props["country"])


def skill_row(s: Skill) -> Props:
    """A skill as node properties, with what search looks up and scores."""
    labels = json.dumps(dict(s.labels), ensure_ascii=False)
    return {"id": s.id, "labels": labels, **search_props(skill_texts(s))}


def facet(prefix: str, value: str) -> str:
    """One filter as a full-text token: the credential index holds them beside the words."""
    return f"{prefix}_" + "".join(ch for ch in value.casefold() if ch.isalnum())


def search_props(texts: Iterable[SearchText]) -> Props:
    """`search_text`: every normalised text (the full-text index's words); `search_texts`:
    [field, language, text, normalised] of each, for scoring the shortlist."""
    found = list(texts)
    return {
        "search_text": "\n".join(t.norm for t in found),
        "search_texts": json.dumps(
            [[t.field, t.language, t.text, t.norm] for t in found], ensure_ascii=False
        ),
    }


def search_texts_from(data: str | None) -> tuple[SearchText, ...]:
    """The texts `search_props` stored."""
    return tuple(SearchText(*row) for row in json.loads(data or "[]"))


def skill_from(props: Mapping[str, Any]) -> Skill:
    """A Skill node's value."""
    return Skill(id=props["id"], labels=json.loads(props.get("labels") or "{}"))


def credential_row(c: Credential) -> Props:
    """A credential as a merge_credentials row: its id and every node property."""
    outcomes = [
        {"id": o.id, "text": o.text, "language": o.language, "skills": list(o.skills)}
        for o in c.outcomes
    ]
    props: Props = {
        "id": c.id,
        "kind": c.kind.value,
        "title": c.title,
        "country": c.country,
        "country_key": country_key(c.country),
        "language": c.language,
        "provider": c.provider,
        "level_framework": c.level.framework if c.level else None,
        "level_code": c.level.code if c.level else None,
        "ects": c.ects,
        "hours": c.hours,
        "assessment": c.assessment,
        "participation": c.participation.value if c.participation else None,
        "quality_assurance": c.quality_assurance,
        "valid_from": c.valid_from,
        "valid_until": c.valid_until,
        "outcomes": json.dumps(outcomes, ensure_ascii=False),
        "prerequisites": json.dumps(list(c.prerequisites), ensure_ascii=False),
        "requirements": json.dumps(rule_record(c.requirements)) if c.requirements else None,
        "extra": json.dumps(dict(c.extra), ensure_ascii=False),
        # What search looks up (full-text indexed) and scores, computed once at write time;
        # link_levels appends the EQF facets.
        **search_props(credential_texts(c)),
        "search_facets": " ".join([facet("c", c.country), facet("k", c.kind.value)]),
        "shape": shape_key(c),
    }
    return {"id": c.id, "props": _present(props)}


def credential_from(props: Mapping[str, Any]) -> Credential:
    """A Credential node's value."""
    framework, code = props.get("level_framework"), props.get("level_code")
    participation = props.get("participation")
    requirements = props.get("requirements")
    return Credential(
        id=props["id"],
        kind=CredentialKind(props["kind"]),
        title=props["title"],
        country=props["country"],
        language=props.get("language"),
        provider=props.get("provider"),
        level=LevelRef(framework, code) if framework is not None and code is not None else None,
        ects=props.get("ects"),
        hours=props.get("hours"),
        assessment=props.get("assessment"),
        participation=Participation(participation) if participation else None,
        quality_assurance=props.get("quality_assurance"),
        valid_from=props.get("valid_from"),
        valid_until=props.get("valid_until"),
        outcomes=tuple(
            Outcome(o["id"], o["text"], o.get("language"), tuple(o["skills"]))
            for o in _json(props.get("outcomes"), EMPTY_LIST)
        ),
        prerequisites=tuple(_json(props.get("prerequisites"), EMPTY_LIST)),
        requirements=rule_from_data(json.loads(requirements)) if requirements else None,
        extra=_json(props.get("extra"), EMPTY_MAP),
    )


EMPTY_LIST = "[]"
EMPTY_MAP = "{}"


def _json(text: str | None, empty: str) -> Any:
    # most credentials store empty extras and prerequisites: skip the parser for those
    if not text or text == empty:
        return {} if empty == EMPTY_MAP else []
    return json.loads(text)


def links(c: Credential) -> dict[str, list[Pair]]:
    """The credential's outgoing relationships by kind (see LINKS), as (from, to) pairs."""
    named = dict.fromkeys(rule_credentials(c.requirements)) if c.requirements else {}
    return {
        "requires": [(c.id, n) for n in named],
        "prerequisites": [(c.id, p) for p in dict.fromkeys(c.prerequisites)],
        "skills": [(c.id, s) for s in sorted(credential_skills(c))],
        "providers": [(c.id, c.provider)] if c.provider else [],
        "levels": [(c.id, level_key(c.level.framework, c.level.code))] if c.level else [],
        "tokens": [(c.id, t) for t in sorted(index_tokens(c))],
        "outcome_keys": [(c.id, o.id) for o in c.outcomes if not o.id.startswith(f"{c.id}#o")],
    }


def write_row(c: Credential) -> Props:
    """A credential as write_credential's one map: its row and each link kind's target ids."""
    row: Props = credential_row(c)
    for kind, pairs in links(c).items():
        row[kind] = [to for _, to in pairs]
    return row


# --- relationships -------------------------------------------------------------------


def recognition_row(r: Recognition) -> Props:
    """A decision as a merge_recognitions row."""
    props = {"decision": r.decision.value, "by": r.by, "date": r.date, "ects": r.ects}
    return {"from": r.from_id, "to": r.to_id, "props": _present(props)}


def recognition_from(from_id: str, to_id: str, props: Mapping[str, Any]) -> Recognition:
    """A RECOGNISED_AS relationship's value."""
    return Recognition(
        from_id=from_id,
        to_id=to_id,
        decision=Decision(props["decision"]),
        by=props["by"],
        date=props["date"],
        ects=props.get("ects"),
    )


def _present(props: Mapping[str, Any]) -> Props:
    # Neo4j has no null properties: an absent key is how "None" is stored.
    return {k: v for k, v in props.items() if v is not None}
