"""What a reader finds in a document, and how it becomes the model values a seed file gives.

Readers fill one `Draft` per credential specification with what the format says;
`finish` turns drafts into model values: ids, the level resolved against the
frameworks we hold, providers and skills declared, references between drafts
turned into credential ids.  Whatever cannot be mapped becomes a warning line.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from pathways.interop import vocab
from pathways.model import (
    AllRule,
    AnyRule,
    Credential,
    CredentialKind,
    CredentialRule,
    Framework,
    LevelRef,
    Outcome,
    Participation,
    Provider,
    Rule,
    Skill,
)


class DocumentFormat(enum.Enum):
    """The formats read and written."""

    ELM = "ELM"
    OB3 = "OB3"
    CTDL = "CTDL"


UNKNOWN_COUNTRY = "ZZ"
"""ISO 3166 user-assigned code used when a document names no country at all."""


@dataclass
class DraftOutcome:
    """A learning outcome as read: its texts by language and the skills it is aligned to."""

    texts: dict[str, str]
    skills: list[str] = field(default_factory=list)
    key: str | None = None


@dataclass
class DraftRule:
    """A requirement rule naming drafts or IRIs by key, before ids are known."""

    op: str  # "all" | "any" | "credential"
    children: list[DraftRule] = field(default_factory=list)
    key: str | None = None


@dataclass
class Draft:
    """One credential specification as a reader found it."""

    key: str
    kind: CredentialKind
    titles: dict[str, str] = field(default_factory=dict)
    language: str | None = None
    country: str | None = None
    provider: tuple[str, str | None] | None = None  # (name, country)
    eqf: int | None = None
    nqf: tuple[str | None, str | None, str | None] | None = None  # (framework, code, label)
    ects: float | None = None
    hours: float | None = None
    assessment: str | None = None
    participation: Participation | None = None
    quality_assurance: str | None = None
    outcomes: list[DraftOutcome] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    requirements: DraftRule | None = None
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reading:
    """A document read into model values: credentials (awarded first), and what they name."""

    format: DocumentFormat
    credentials: tuple[Credential, ...]
    providers: tuple[Provider, ...]
    skills: tuple[Skill, ...]
    warnings: tuple[str, ...]


class Notes:
    """The warnings of one reading, each said once, in the order found."""

    def __init__(self) -> None:
        self._lines: dict[str, None] = {}

    def add(self, line: str) -> None:
        """Record one thing that could not be read or mapped."""
        self._lines.setdefault(line, None)

    def lines(self) -> tuple[str, ...]:
        """Every warning, in order."""
        return tuple(self._lines)


def credential_id(draft: Draft, country: str, title: str) -> str:
    """A stable seed id: ours when the IRI is one of ours, else country, title and a hash."""
    if draft.key.startswith(vocab.OUR_CREDENTIAL):
        return draft.key[len(vocab.OUR_CREDENTIAL) :]
    return f"{country.lower()}-{vocab.slug(title)}-{vocab.short_hash(draft.key)}"


def provider_id(name: str, country: str) -> str:
    """A stable seed id for an awarding body."""
    return f"{country.lower()}-{vocab.slug(name, 32)}"


def _level(
    draft: Draft, country: str, frameworks: Mapping[str, Framework], notes: Notes, title: str
) -> LevelRef | None:
    if draft.nqf is not None:
        fw_code, code, label = draft.nqf
        found = _resolve_nqf(fw_code, code, country, frameworks)
        if found is not None:
            if draft.eqf is not None:
                lvl = frameworks[found.framework].level(found.code)
                if lvl is not None and lvl.eqf and draft.eqf not in lvl.eqf:
                    notes.add(
                        f"'{title}': NQF level {found.framework} {found.code} is referenced to "
                        f"EQF {'/'.join(map(str, lvl.eqf))}, but the document says EQF "
                        f"{draft.eqf}; the NQF level is kept"
                    )
            return found
        shown = label or code or fw_code or "?"
        notes.add(
            f"'{title}': NQF level '{shown}' is not a level of a framework we hold"
            + ("; the EQF level is kept" if draft.eqf else "; no level recorded")
        )
    if draft.eqf is not None:
        return LevelRef("EQF", str(draft.eqf))
    return None


def _resolve_nqf(
    fw_code: str | None, code: str | None, country: str, frameworks: Mapping[str, Framework]
) -> LevelRef | None:
    if code is None:
        return None
    if fw_code is not None:
        fw = frameworks.get(fw_code)
        return LevelRef(fw.code, code) if fw is not None and fw.level(code) else None
    matches = [
        fw.code
        for fw in frameworks.values()
        if fw.country and fw.country.upper() == country and fw.level(code) is not None
    ]
    return LevelRef(matches[0], code) if len(matches) == 1 else None


def finish(
    fmt: DocumentFormat,
    drafts: list[Draft],
    skill_labels: Mapping[str, dict[str, str]],
    frameworks: Mapping[str, Framework],
    notes: Notes,
    known_providers: Mapping[str, Provider] | None = None,
) -> Reading:
    """Model values from drafts: the awarded one first, references between them as ids."""
    ids: dict[str, str] = {}
    providers: dict[str, Provider] = {}
    ready: list[tuple[Draft, dict[str, object]]] = []
    for draft in drafts:
        title_lang = draft.language if draft.language in draft.titles else None
        if title_lang is None:
            title_lang = "en" if "en" in draft.titles else next(iter(draft.titles), "")
        title = draft.titles[title_lang]
        country = draft.country or (draft.provider[1] if draft.provider else None)
        if country is None:
            notes.add(f"'{title}': no country given; recorded as {UNKNOWN_COUNTRY} (unknown)")
            country = UNKNOWN_COUNTRY
        ident = credential_id(draft, country, title)
        ids[draft.key] = ident
        prov_id = None
        if draft.provider is not None:
            name, prov_country = draft.provider
            prov = _known_provider(name, prov_country or country, known_providers)
            if prov is None:
                prov = Provider(
                    provider_id(name, prov_country or country), name, prov_country or country
                )
            providers.setdefault(prov.id, prov)
            prov_id = prov.id
        fields: dict[str, object] = {
            "title": title,
            "language": title_lang or None,
            "country": country,
            "provider": prov_id,
            "level": _level(draft, country, frameworks, notes, title),
        }
        ready.append((draft, fields))
    creds: list[Credential] = []
    for draft, fields in ready:
        ident = ids[draft.key]
        title = str(fields["title"])
        extra = dict(draft.extra)
        for lang, text in sorted(draft.titles.items()):
            if lang and lang != fields["language"]:
                extra[f"title_{lang}"] = text
        outcomes = tuple(
            Outcome(
                id=f"{ident}#o{n}",
                text=picked[0],
                language=picked[1],
                skills=tuple(dict.fromkeys(o.skills)),
            )
            for n, o in enumerate(draft.outcomes, start=1)
            if (picked := _pick(o.texts, draft.language or _str(fields["language"]))) is not None
        )
        prerequisites = []
        for key in draft.prerequisites:
            target = _ref(key, ids)
            if target is None:
                notes.add(f"'{title}': prerequisite '{key}' is not described in the document")
            elif target != ident:
                prerequisites.append(target)
        rule = _rule(draft.requirements, ids, notes, title) if draft.requirements else None
        level = fields["level"]
        creds.append(
            Credential(
                id=ident,
                kind=draft.kind,
                title=title,
                country=str(fields["country"]),
                language=_str(fields["language"]),
                provider=_str(fields["provider"]),
                level=level if isinstance(level, LevelRef) else None,
                ects=draft.ects,
                hours=draft.hours,
                assessment=draft.assessment,
                participation=draft.participation,
                quality_assurance=draft.quality_assurance,
                outcomes=outcomes,
                prerequisites=tuple(dict.fromkeys(prerequisites)),
                requirements=rule,
                extra=extra,
            )
        )
    skill_ids = dict.fromkeys(s for c in creds for o in c.outcomes for s in o.skills)
    skills = tuple(Skill(s, skill_labels.get(s) or {"en": s.rsplit("/", 1)[-1]}) for s in skill_ids)
    return Reading(fmt, tuple(creds), tuple(providers.values()), skills, notes.lines())


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _pick(texts: dict[str, str], language: str | None) -> tuple[str, str | None] | None:
    for lang in (language, "en", ""):
        if lang is not None and lang in texts:
            return texts[lang], lang or None
    for lang, text in texts.items():
        return text, lang or None
    return None


def _known_provider(
    name: str, country: str, known: Mapping[str, Provider] | None
) -> Provider | None:
    if not known:
        return None
    folded = name.casefold().strip()
    for prov in known.values():
        if prov.name.casefold().strip() == folded and prov.country.upper() == country.upper():
            return prov
    return None


def _ref(key: str, ids: Mapping[str, str]) -> str | None:
    if key in ids:
        return ids[key]
    if key.startswith(vocab.OUR_CREDENTIAL):
        return key[len(vocab.OUR_CREDENTIAL) :]
    return None


def _rule(draft: DraftRule, ids: Mapping[str, str], notes: Notes, title: str) -> Rule | None:
    if draft.op == "credential":
        target = _ref(draft.key or "", ids)
        if target is None:
            notes.add(
                f"'{title}': a requirement names '{draft.key}', which the document does not "
                "describe; that part of the rule is left out"
            )
            return None
        return CredentialRule(target)
    children = tuple(r for c in draft.children if (r := _rule(c, ids, notes, title)) is not None)
    if not children:
        return None
    if len(children) == 1:
        return children[0]
    return AllRule(children) if draft.op == "all" else AnyRule(children)
