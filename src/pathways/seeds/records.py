"""Checking one seed record of each list and building its model value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from sys import intern
from types import MappingProxyType

from pathways.model import (
    Credential,
    CredentialKind,
    Decision,
    Framework,
    Level,
    LevelRef,
    Outcome,
    Participation,
    Provider,
    Recognition,
    Skill,
)
from pathways.seeds.fields import (
    MAX_HOURS,
    Ctx,
    Names,
    choice,
    id_list,
    identifier,
    iso_date,
    number,
    show,
    text,
)
from pathways.seeds.rules import parse_rule

CREDENTIAL_KEYS = frozenset(
    (
        *("id", "kind", "title", "language", "country", "provider", "level", "ects", "hours"),
        *("assessment", "participation", "quality_assurance", "valid_from", "valid_until"),
        *("outcomes", "prerequisites", "requirements"),
    )
)


@dataclass(frozen=True, slots=True)
class Known:
    """What references in a record may point at: parsed frameworks and declared ids."""

    frameworks: Mapping[str, Framework]
    framework_codes: Names
    providers: Names
    skills: Names
    credentials: Names


def parse_framework(ctx: Ctx, rec: Mapping[object, object]) -> Framework | None:
    """A framework with its levels, or None when anything is wrong with it."""
    start = len(ctx.problems)
    code = identifier(ctx, rec, "code", required=True)
    ctx.id = code
    name = text(ctx, rec, "name", required=True)
    country = text(ctx, rec, "country", required=False)
    source = text(ctx, rec, "source", required=False)
    raw_levels = rec.get("levels")
    levels: list[Level] = []
    if raw_levels is None:
        ctx.bad("levels", "required field 'levels' is missing", rec, "levels")
    elif not isinstance(raw_levels, list):
        ctx.bad("levels", "must be a list of levels", rec, "levels")
    else:
        seen: set[str] = set()
        for n, raw in enumerate(raw_levels):
            level = _level(ctx, raw, f"levels[{n}]", code or "?")
            if level is None:
                continue
            if level.code in seen:
                ctx.bad(
                    f"levels[{n}].code", f"level code '{level.code}' appears twice", raw, "code"
                )
            seen.add(level.code)
            levels.append(level)
    if len(ctx.problems) > start or code is None or name is None:
        return None
    return Framework(code, name, tuple(levels), country, source)


def _level(ctx: Ctx, raw: object, field: str, framework: str) -> Level | None:
    if not isinstance(raw, Mapping):
        ctx.bad(field, "a level must be a mapping with code and eqf")
        return None
    code = text(ctx, raw, "code", required=True, field=f"{field}.code")
    label = text(ctx, raw, "label", required=False, field=f"{field}.label")
    eqf = raw.get("eqf")
    levels: list[int] = []
    if eqf is None:
        ctx.bad(f"{field}.eqf", "required field 'eqf' is missing ([] when not referenced)", raw)
        return None
    if not isinstance(eqf, list):
        ctx.bad(f"{field}.eqf", f"must be a list of EQF levels, found {show(eqf)}", raw, "eqf")
        return None
    if len(eqf) > 2:
        ctx.bad(
            f"{field}.eqf",
            f"a level references at most two EQF levels, found {len(eqf)}",
            raw,
            "eqf",
        )
        return None
    for value in eqf:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 8:
            ctx.bad(
                f"{field}.eqf",
                f"EQF levels are whole numbers 1 to 8, found {show(value)}",
                raw,
                "eqf",
            )
            return None
        if value in levels:
            ctx.bad(f"{field}.eqf", f"EQF level {value} is listed twice", raw, "eqf")
            return None
        levels.append(value)
    descriptors = _descriptors(ctx, raw.get("descriptors"), f"{field}.descriptors", raw)
    if code is None or descriptors is None:
        return None
    return Level(framework, code, tuple(sorted(levels)), label, descriptors)


def _descriptors(ctx: Ctx, raw: object, field: str, node: object) -> dict[str, str] | None:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        ctx.bad(
            field, "must be a mapping such as {knowledge: ..., skills: ...}", node, "descriptors"
        )
        return None
    out: dict[str, str] = {}
    for key, value in raw.items():
        joined = value
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            joined = "; ".join(value)
        if not isinstance(joined, str):
            ctx.bad(f"{field}.{key}", "a descriptor must be text", node, "descriptors")
            return None
        out[str(key)] = joined
    return out


def parse_provider(ctx: Ctx, rec: Mapping[object, object]) -> Provider | None:
    """A provider, or None when a required field is missing."""
    ident = identifier(ctx, rec, "id", required=True)
    ctx.id = ident
    name = text(ctx, rec, "name", required=True)
    country = text(ctx, rec, "country", required=True)
    if ident is None or name is None or country is None:
        return None
    return Provider(ident, name, country)


def parse_skill(ctx: Ctx, rec: Mapping[object, object]) -> Skill | None:
    """A skill with labels in at least one language, or None."""
    ident = identifier(ctx, rec, "id", required=True)
    ctx.id = ident
    labels = rec.get("labels")
    if labels is None:
        ctx.bad("labels", "required field 'labels' is missing (e.g. {en: weld metal parts})", rec)
        return None
    if not isinstance(labels, Mapping) or not labels:
        ctx.bad(
            "labels", "must map at least one language to a label, e.g. {en: ...}", rec, "labels"
        )
        return None
    out: dict[str, str] = {}
    for lang, label in labels.items():
        if not isinstance(lang, str) or not isinstance(label, str) or not label.strip():
            ctx.bad(f"labels.{lang}", f"a label must be text, found {show(label)}", rec, "labels")
            return None
        out[lang] = label
    return None if ident is None else Skill(ident, out)


_NO_EXTRA: Mapping[str, object] = MappingProxyType({})
"""The extra keys of the many credentials that have none: one empty mapping for all."""


def _shared(value: str | None) -> str | None:
    """One copy of a value many records repeat (a country, a language, a skill or provider id).

    A large graph holds each of these once instead of once a record (issue 16's memory).
    """
    return None if value is None else intern(value)


def parse_credential(ctx: Ctx, rec: Mapping[object, object], known: Known) -> Credential | None:
    """A credential with references checked against `known`, or None when anything is wrong."""
    start = len(ctx.problems)
    ident = identifier(ctx, rec, "id", required=True)
    ctx.id = ident
    kind = choice(ctx, rec, "kind", CredentialKind, required=True)
    title = text(ctx, rec, "title", required=True)
    country = text(ctx, rec, "country", required=True)
    language = text(ctx, rec, "language", required=False)
    provider = text(ctx, rec, "provider", required=False)
    if provider is not None and provider not in known.providers:
        ctx.bad("provider", known.providers.unknown(provider), rec, "provider")
    level = _level_ref(ctx, rec, known)
    ects = number(ctx, rec, "ects")
    hours = number(ctx, rec, "hours", maximum=MAX_HOURS)
    participation = choice(ctx, rec, "participation", Participation, required=False)
    assessment = text(ctx, rec, "assessment", required=False)
    quality_assurance = text(ctx, rec, "quality_assurance", required=False)
    valid_from = iso_date(ctx, rec, "valid_from", required=False)
    valid_until = iso_date(ctx, rec, "valid_until", required=False)
    if valid_from and valid_until and valid_until < valid_from:
        ctx.bad(
            "valid_until", f"{valid_until} is before valid_from {valid_from}", rec, "valid_until"
        )
    outcomes = _outcomes(ctx, rec, ident or "?", language, known)
    prerequisites = id_list(ctx, rec, "prerequisites")
    for n, pre in enumerate(prerequisites):
        if pre == ident:
            ctx.bad(
                f"prerequisites[{n}]",
                f"prerequisite cycle: {ident} -> {ident}",
                rec,
                "prerequisites",
            )
        elif pre not in known.credentials:
            ctx.bad(
                f"prerequisites[{n}]",
                f"prerequisite {known.credentials.unknown(pre)}",
                rec,
                "prerequisites",
            )
    requirements = None
    if rec.get("requirements") is not None:
        requirements = parse_rule(
            ctx, rec["requirements"], "requirements", own_id=ident, credentials=known.credentials
        )
    if len(ctx.problems) > start or ident is None or kind is None or title is None:
        return None
    if country is None:
        return None
    left = [10_000]
    extra = {str(k): _plain(v, left) for k, v in rec.items() if k not in CREDENTIAL_KEYS}
    return Credential(
        id=ident,
        kind=kind,
        title=title,
        country=intern(country),
        language=_shared(language),
        provider=_shared(provider),
        level=level,
        ects=ects,
        hours=hours,
        assessment=assessment,
        participation=participation,
        quality_assurance=quality_assurance,
        valid_from=valid_from,
        valid_until=valid_until,
        outcomes=outcomes,
        prerequisites=prerequisites,
        requirements=requirements,
        extra=extra or _NO_EXTRA,
    )


def _level_ref(ctx: Ctx, rec: Mapping[object, object], known: Known) -> LevelRef | None:
    raw = rec.get("level")
    if raw is None:
        return None
    if not isinstance(raw, dict | Mapping):
        ctx.bad(
            "level",
            f'must be a mapping like {{framework: EQF, code: "5"}}, found {show(raw)}',
            rec,
            "level",
        )
        return None
    framework = text(ctx, raw, "framework", required=True, field="level.framework")
    code = text(ctx, raw, "code", required=True, field="level.code")
    if framework is None or code is None:
        return None
    if framework not in known.framework_codes:
        ctx.bad(
            "level.framework",
            f"framework {known.framework_codes.unknown(framework)}",
            raw,
            "framework",
        )
        return None
    declared = known.frameworks.get(framework)
    if declared is not None and declared.level(code) is None:
        codes = "levels: " + ", ".join(lvl.code for lvl in declared.levels)
        codes = codes if declared.levels else "it has no levels"
        ctx.bad(
            "level.code",
            f"level '{code}' is not in framework {framework} ({codes})",
            raw,
            "code",
        )
        return None
    return LevelRef(intern(framework), intern(code))


def _outcomes(
    ctx: Ctx, rec: Mapping[object, object], ident: str, language: str | None, known: Known
) -> tuple[Outcome, ...]:
    raw = rec.get("outcomes")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        ctx.bad(
            "outcomes", "must be a list of outcomes ({text: ..., skills: [...]})", rec, "outcomes"
        )
        return ()
    out: list[Outcome] = []
    seen: set[str] = set()
    for n, given in enumerate(raw, start=1):
        field = f"outcomes[{n - 1}]"
        # a bare string is the outcome's text
        item = {"text": given} if isinstance(given, str) and given.strip() else given
        if not isinstance(item, dict | Mapping):
            ctx.bad(
                field,
                f"an outcome must be a mapping with text, found {show(item)}",
                rec,
                "outcomes",
            )
            continue
        text_ = text(ctx, item, "text", required=True, field=f"{field}.text")
        oid = identifier(ctx, item, "id", required=False, field=f"{field}.id") or f"{ident}#o{n}"
        lang = text(ctx, item, "language", required=False, field=f"{field}.language") or language
        skills = id_list(ctx, item, "skills", field=f"{field}.skills")
        for k, skill in enumerate(skills):
            if skill not in known.skills:
                ctx.bad(
                    f"{field}.skills[{k}]", f"skill {known.skills.unknown(skill)}", item, "skills"
                )
        if oid in seen:
            ctx.bad(
                f"{field}.id", f"outcome id '{oid}' appears twice in this credential", item, "id"
            )
        seen.add(oid)
        if text_ is not None:
            out.append(Outcome(oid, text_, _shared(lang), tuple(map(intern, skills))))
    return tuple(out)


def parse_recognition(
    ctx: Ctx, rec: Mapping[object, object], credentials: Names
) -> Recognition | None:
    """A recognition decision between two declared credentials, or None."""
    start = len(ctx.problems)
    source = identifier(ctx, rec, "from", required=True)
    target = identifier(ctx, rec, "to", required=True)
    ctx.id = f"{source or '?'} -> {target or '?'}"
    for key, ident in (("from", source), ("to", target)):
        if ident is not None and ident not in credentials:
            ctx.bad(key, credentials.unknown(ident), rec, key)
    if source is not None and source == target:
        ctx.bad("to", "a credential cannot be recognised as itself", rec, "to")
    decision = choice(ctx, rec, "decision", Decision, required=True)
    ects = number(ctx, rec, "ects")
    if decision is Decision.PARTIAL and ects is None and rec.get("ects") is None:
        ctx.bad("ects", "a PARTIAL decision needs 'ects': the credits granted", rec, "decision")
    by = text(ctx, rec, "by", required=True)
    date = iso_date(ctx, rec, "date", required=True)
    if len(ctx.problems) > start or source is None or target is None:
        return None
    if decision is None or by is None or date is None:
        return None
    return Recognition(source, target, decision, by, date, ects)


def _plain(value: object, left: list[int]) -> object:
    """An extra value with dates as ISO strings, so it serialises like the rest.

    `left` counts down the parts copied: YAML aliases can make a small file hold
    an exponentially large value, which is cut off (None) past the budget.
    """
    left[0] -= 1
    if left[0] < 0:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v, left) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, left) for v in value]
    return value
