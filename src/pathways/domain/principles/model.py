"""Values of a principles report: the ten principles, a check's status, and the facts it reads.

The principles are those of the Council Recommendation of 16 June 2022 on a European
approach to micro-credentials (2022/C 243/02), Annex II, in the order of the API's enum.
`CredentialFacts` is everything the rules read about one credential; the service gathers
it from a store (or from a draft and the graph) so the rules stay pure.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass

from pathways.domain.quality import QualityReport
from pathways.model import Credential, Level, Provider, Recognition, Skill


class Principle(enum.Enum):
    """A principle for the design and issuance of micro-credentials (Annex II)."""

    QUALITY = "QUALITY"
    TRANSPARENCY = "TRANSPARENCY"
    RELEVANCE = "RELEVANCE"
    VALID_ASSESSMENT = "VALID_ASSESSMENT"
    STACKABLE_PATHWAYS = "STACKABLE_PATHWAYS"
    RECOGNITION = "RECOGNITION"
    PORTABLE = "PORTABLE"
    LEARNER_CENTRED = "LEARNER_CENTRED"
    AUTHENTIC = "AUTHENTIC"
    INFORMATION_AND_GUIDANCE = "INFORMATION_AND_GUIDANCE"


class CheckStatus(enum.Enum):
    """What the graph shows for a principle; NEEDS_REVIEW leaves the rest to a person."""

    MET = "MET"
    PARTLY_MET = "PARTLY_MET"
    NOT_MET = "NOT_MET"
    NEEDS_REVIEW = "NEEDS_REVIEW"


@dataclass(frozen=True, slots=True)
class PrincipleCheck:
    """One principle's status, the facts it rests on and what to do about it."""

    principle: Principle
    status: CheckStatus
    evidence: tuple[str, ...]
    advice: tuple[str, ...]


def check(
    principle: Principle, status: CheckStatus, evidence: list[str], advice: list[str]
) -> PrincipleCheck:
    """A PrincipleCheck from the lists a rule gathered."""
    return PrincipleCheck(principle, status, tuple(evidence), tuple(advice))


def graded(met: bool, partly: bool) -> CheckStatus:
    """MET when `met`, PARTLY_MET when only `partly`, else NOT_MET."""
    if met:
        return CheckStatus.MET
    return CheckStatus.PARTLY_MET if partly else CheckStatus.NOT_MET


@dataclass(frozen=True, slots=True)
class PrinciplesReport:
    """One check per principle, in the enum's order."""

    credential: Credential
    checks: tuple[PrincipleCheck, ...]

    def check(self, principle: Principle) -> PrincipleCheck:
        """The check of one principle."""
        return next(c for c in self.checks if c.principle is principle)


@dataclass(frozen=True, slots=True)
class TargetFact:
    """A larger credential this one stacks into, directly or through a recognition."""

    credential: Credential
    eqf: tuple[int, ...]
    plannable: bool | None  # None: the request's time budget ran out before a plan was found
    via: str | None = None  # the credential this one is recognised as, when not direct


@dataclass(frozen=True, slots=True)
class PortabilityFact:
    """Whether the credential writes as an exchange format our own reader accepts back."""

    format: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class CredentialFacts:
    """What the principle rules read about one credential, gathered from the graph."""

    credential: Credential
    annex: QualityReport
    level: Level | None
    provider: Provider | None
    skills: Mapping[str, Skill]
    targets: tuple[TargetFact, ...]
    recognitions: tuple[Recognition, ...]
    own_plan: bool | None  # for a credential with requirements: plannable from nothing
    portability: tuple[PortabilityFact, ...]
    today: dt.date


@dataclass(frozen=True, slots=True)
class PrincipleTally:
    """How many of a provider's credentials got each status for one principle."""

    principle: Principle
    met: int
    partly_met: int
    not_met: int
    needs_review: int


@dataclass(frozen=True, slots=True)
class ProviderSummary:
    """A provider's catalogue by Annex I completeness and the ten principles."""

    provider: Provider
    credentials: int
    complete: int
    principles: tuple[PrincipleTally, ...]
    weakest: tuple[QualityReport, ...]
