"""Values the graph holds: frameworks, levels, providers, skills, credentials, rules, recognitions.

Everything here is a frozen, slotted dataclass with no I/O.  The seed loader builds
these values, the stores keep and return them, and the domain computes over them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

HOURS_PER_ECTS = 25.0
"""Hours per ECTS credit used to derive one workload from the other (low end of 25-30)."""

HOURS_PER_ECTS_HIGH = 30.0
"""High end of the ECTS Users' Guide range, used where a range is reported."""

EQF_CODE = "EQF"


class CredentialKind(enum.Enum):
    """What sort of credential a record describes."""

    MICRO_CREDENTIAL = "MICRO_CREDENTIAL"
    UNIT = "UNIT"
    PARTIAL_QUALIFICATION = "PARTIAL_QUALIFICATION"
    QUALIFICATION = "QUALIFICATION"


class Participation(enum.Enum):
    """Form of participation in the learning activity."""

    ONLINE = "ONLINE"
    ONSITE = "ONSITE"
    BLENDED = "BLENDED"


class Decision(enum.Enum):
    """Outcome of a recorded recognition decision."""

    FULL = "FULL"
    PARTIAL = "PARTIAL"
    NONE = "NONE"


class Objective(enum.Enum):
    """What a stacking plan minimises first."""

    CREDITS = "CREDITS"
    HOURS = "HOURS"
    COUNT = "COUNT"


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a qualifications framework and the EQF levels it is referenced to."""

    framework: str
    code: str
    eqf: tuple[int, ...]
    label: str | None = None
    descriptors: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Framework:
    """A qualifications framework (the EQF or a national one) with its levels in order."""

    code: str
    name: str
    levels: tuple[Level, ...]
    country: str | None = None
    source: str | None = None

    def level(self, code: str) -> Level | None:
        """The level with this code, or None."""
        for lvl in self.levels:
            if lvl.code == code:
                return lvl
        return None


LevelTable = Mapping[tuple[str, str], Level]
"""Levels by (framework code, level code): how a credential's level reference is looked up."""


def level_table(levels: Iterable[Level]) -> dict[tuple[str, str], Level]:
    """The levels keyed by (framework code, level code)."""
    return {(lvl.framework, lvl.code): lvl for lvl in levels}


def levels_of(frameworks: Iterable[Framework]) -> Iterator[Level]:
    """Every level of every framework, framework by framework."""
    for fw in frameworks:
        yield from fw.levels


def eqf_first(frameworks: Iterable[Framework]) -> list[Framework]:
    """The frameworks in the order every answer lists them: the EQF, then by code."""
    return sorted(frameworks, key=lambda fw: (fw.code != EQF_CODE, fw.code))


@dataclass(frozen=True, slots=True)
class LevelRef:
    """A credential's level as written in a seed: framework code and level code."""

    framework: str
    code: str


@dataclass(frozen=True, slots=True)
class Provider:
    """An awarding body or education provider."""

    id: str
    name: str
    country: str


@dataclass(frozen=True, slots=True)
class Skill:
    """An ESCO concept (URI id) or a local skill, with labels by language."""

    id: str
    labels: Mapping[str, str] = field(default_factory=dict, compare=False)

    def label(self, language: str | None = None) -> str | None:
        """The label in `language`, else English, else any label."""
        if language and language in self.labels:
            return self.labels[language]
        if "en" in self.labels:
            return self.labels["en"]
        return next(iter(self.labels.values()), None)


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Outcome:
    """A learning outcome: what the learner can do, aligned to skills."""

    id: str
    text: str
    language: str | None = None
    skills: tuple[str, ...] = ()


# --- requirement rules -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CredentialRule:
    """Met by holding the credential, or a FULL recognition of it."""

    credential: str


@dataclass(frozen=True, slots=True)
class AllRule:
    """Met when every child rule is met."""

    children: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class AnyRule:
    """Met when at least `count` child rules are met."""

    children: tuple[Rule, ...]
    count: int = 1


@dataclass(frozen=True, slots=True)
class CreditsRule:
    """Met when the filled slots of `sources` add up to at least `credits` ECTS."""

    credits: float
    sources: tuple[str, ...]


Rule = CredentialRule | AllRule | AnyRule | CreditsRule


def rule_credentials(rule: Rule) -> Iterator[str]:
    """Every credential id a rule names, depth first, repeats included."""
    if isinstance(rule, CredentialRule):
        yield rule.credential
    elif isinstance(rule, CreditsRule):
        yield from rule.sources
    else:
        for child in rule.children:
            yield from rule_credentials(child)


# --- credentials ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Credential:
    """A credential description as published (not an issued credential).

    `ects` and `hours` hold what the source gave; `workload_ects` and
    `workload_hours` derive the missing one at HOURS_PER_ECTS.
    """

    id: str
    kind: CredentialKind
    title: str
    country: str
    language: str | None = None
    provider: str | None = None
    level: LevelRef | None = None
    ects: float | None = None
    hours: float | None = None
    assessment: str | None = None
    participation: Participation | None = None
    quality_assurance: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    outcomes: tuple[Outcome, ...] = ()
    prerequisites: tuple[str, ...] = ()
    requirements: Rule | None = None
    extra: Mapping[str, object] = field(default_factory=dict, compare=False)

    @property
    def titles(self) -> dict[str, str]:
        """The title in every language given: `title` in `language`, then `title_<lang>` keys."""
        found = {self.language or "und": self.title}
        for key, value in self.extra.items():
            lang = key.removeprefix("title_")
            if lang != key and isinstance(value, str) and value.strip():
                found.setdefault(lang, value)
        return found

    @property
    def workload_ects(self) -> float:
        """ECTS as given, else derived from hours, else 0."""
        if self.ects is not None:
            return self.ects
        if self.hours is not None:
            return self.hours / HOURS_PER_ECTS
        return 0.0

    @property
    def workload_hours(self) -> float:
        """Hours as given, else derived from ECTS, else 0."""
        if self.hours is not None:
            return self.hours
        if self.ects is not None:
            return self.ects * HOURS_PER_ECTS
        return 0.0

    @property
    def ects_derived(self) -> bool:
        """True when ECTS were derived from hours rather than given."""
        return self.ects is None and self.hours is not None

    @property
    def hours_derived(self) -> bool:
        """True when hours were derived from ECTS rather than given."""
        return self.hours is None and self.ects is not None


@dataclass(frozen=True, slots=True)
class Recognition:
    """A recorded decision that `from_id` counts as `to_id` (FULL), partly (PARTIAL) or not."""

    from_id: str
    to_id: str
    decision: Decision
    by: str
    date: str
    ects: float | None = None


@dataclass(frozen=True, slots=True)
class Graph:
    """A whole validated graph: what a seed directory (or several merged) describes."""

    frameworks: Mapping[str, Framework]
    providers: Mapping[str, Provider]
    skills: Mapping[str, Skill]
    credentials: Mapping[str, Credential]
    recognitions: tuple[Recognition, ...]


# --- contexts the stores hand to the domain ------------------------------------


@dataclass(frozen=True, slots=True)
class PlanningContext:
    """Everything the stacking optimiser needs about one target, fetched in one go.

    `credentials` holds the target, every credential its rule tree names, every
    credential with a recognition into one of those, every held credential, and the
    prerequisite closure of all of them.  `recognitions` holds the recorded
    decisions whose `to_id` is any of those credentials.
    """

    target: Credential
    held: frozenset[str]
    credentials: Mapping[str, Credential]
    recognitions: tuple[Recognition, ...]
    as_of: str | None = None
    """The day planned for (asOf): only credentials valid then may be taken; None: any day."""


@dataclass(frozen=True, slots=True)
class SkillGapContext:
    """What a skill-gap plan needs, fetched in one go.

    `skills` holds the asked skills; `credentials` every held credential, what a held
    one is recognised as, every credential teaching an asked skill, and the
    prerequisite closure of all of them (with the credentials recognised as each
    prerequisite); `recognitions` at least every decision from a held credential and
    every decision into a prerequisite of that closure (a store may give more).
    """

    skills: Mapping[str, Skill]
    held: frozenset[str]
    credentials: Mapping[str, Credential]
    recognitions: tuple[Recognition, ...]


@dataclass(frozen=True, slots=True)
class EquivalenceContext:
    """What the equivalence scorer needs: the credential, a shortlist and their facts."""

    credential: Credential
    candidates: tuple[Credential, ...]
    levels: Mapping[tuple[str, str], Level]
    skills: Mapping[str, Skill]
    recognitions: tuple[Recognition, ...]
