"""What a writer needs besides the credential: its provider, level and skills."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pathways.interop import vocab
from pathways.model import (
    Credential,
    Graph,
    Level,
    Participation,
    Provider,
    Skill,
    rule_credentials,
)

KIND_LABELS = {
    "MICRO_CREDENTIAL": "Micro-credential",
    "UNIT": "Unit of a qualification",
    "PARTIAL_QUALIFICATION": "Partial qualification",
    "QUALIFICATION": "Qualification",
}
MODE_LABELS = {
    Participation.ONLINE: "Online",
    Participation.ONSITE: "On-site",
    Participation.BLENDED: "Blended",
}


@dataclass(frozen=True, slots=True)
class Facts:
    """A credential with the graph facts its document names."""

    credential: Credential
    provider: Provider | None = None
    level: Level | None = None
    skills: Mapping[str, Skill] = field(default_factory=dict)
    part_of: tuple[str, ...] = ()

    @property
    def iri(self) -> str:
        """The credential's IRI in our documents."""
        return credential_iri(self.credential.id)

    @property
    def eqf(self) -> int | None:
        """The single EQF level of the credential's level, or None."""
        ref = self.credential.level
        if ref is not None and ref.framework == "EQF" and ref.code.isdigit():
            return int(ref.code)
        if self.level is not None and len(self.level.eqf) == 1:
            return self.level.eqf[0]
        return None

    @property
    def nqf(self) -> tuple[str, str] | None:
        """(framework, code) when the level is a national framework's."""
        ref = self.credential.level
        return (ref.framework, ref.code) if ref is not None and ref.framework != "EQF" else None

    def language(self) -> str:
        """The language of the main title ('en' when none is given)."""
        return self.credential.language or "en"

    def titles(self) -> dict[str, str]:
        """Every title by language, the main one first."""
        titles = self.credential.titles
        main = titles.pop("und", None)
        out = {self.language(): main} if main is not None else {}
        for lang, text in titles.items():
            out.setdefault(lang, text)
        return {k: v for k, v in out.items() if v}

    def skill_labels(self, skill: str) -> dict[str, str]:
        """A skill's labels, or none when the graph has no such skill."""
        found = self.skills.get(skill)
        return dict(found.labels) if found is not None else {}

    def credits(self) -> float | None:
        """ECTS as given, else derived from hours, else None."""
        cred = self.credential
        if cred.ects is None and cred.hours is None:
            return None
        return cred.workload_ects


def credential_iri(ident: str) -> str:
    """A credential's IRI in our documents."""
    return f"{vocab.OUR_CREDENTIAL}{ident}"


def provider_iri(ident: str) -> str:
    """A provider's IRI in our documents."""
    return f"{vocab.OUR_PROVIDER}{ident}"


def outcome_iri(ident: str) -> str:
    """A learning outcome's IRI in our documents."""
    return f"{vocab.OUR_OUTCOME}{ident}"


def level_iri(framework: str, code: str) -> str:
    """A national framework level's IRI in our documents."""
    return f"{vocab.OUR_LEVEL}{framework}:{code}"


def facts_from_graph(cred: Credential, graph: Graph) -> Facts:
    """The facts a document of `cred` names, taken from a whole graph."""
    level = None
    if cred.level is not None:
        fw = graph.frameworks.get(cred.level.framework)
        level = fw.level(cred.level.code) if fw is not None else None
    skills = {s: graph.skills[s] for o in cred.outcomes for s in o.skills if s in graph.skills}
    part_of = tuple(
        sorted(
            c.id
            for c in graph.credentials.values()
            if c.requirements is not None and cred.id in rule_credentials(c.requirements)
        )
    )
    provider = graph.providers.get(cred.provider) if cred.provider else None
    return Facts(cred, provider, level, skills, part_of)
