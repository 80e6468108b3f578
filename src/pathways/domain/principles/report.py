"""The principles report of one credential and the tally of a provider's catalogue."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from pathways.domain.principles import content, links
from pathways.domain.principles.model import (
    CheckStatus,
    CredentialFacts,
    Principle,
    PrincipleCheck,
    PrinciplesReport,
    PrincipleTally,
    ProviderSummary,
)
from pathways.domain.quality import QualityReport
from pathways.model import Provider

RULES: dict[Principle, Callable[[CredentialFacts], PrincipleCheck]] = {
    Principle.QUALITY: content.quality,
    Principle.TRANSPARENCY: content.transparency,
    Principle.RELEVANCE: content.relevance,
    Principle.VALID_ASSESSMENT: content.valid_assessment,
    Principle.STACKABLE_PATHWAYS: links.stackable_pathways,
    Principle.RECOGNITION: links.recognition,
    Principle.PORTABLE: links.portable,
    Principle.LEARNER_CENTRED: content.learner_centred,
    Principle.AUTHENTIC: links.authentic,
    Principle.INFORMATION_AND_GUIDANCE: links.information_and_guidance,
}
"""The rule of each principle; iterated in the enum's order."""

MAX_WEAKEST = 10
"""Most quality reports a provider view lists as its weakest."""


def principles_report(facts: CredentialFacts) -> PrinciplesReport:
    """One check per principle, in the enum's order."""
    return PrinciplesReport(facts.credential, tuple(RULES[p](facts) for p in Principle))


def tally(reports: Iterable[PrinciplesReport]) -> tuple[PrincipleTally, ...]:
    """How many reports gave each status, per principle in the enum's order."""
    counts = {p: dict.fromkeys(CheckStatus, 0) for p in Principle}
    for report in reports:
        for check in report.checks:
            counts[check.principle][check.status] += 1
    return tuple(
        PrincipleTally(
            principle=p,
            met=c[CheckStatus.MET],
            partly_met=c[CheckStatus.PARTLY_MET],
            not_met=c[CheckStatus.NOT_MET],
            needs_review=c[CheckStatus.NEEDS_REVIEW],
        )
        for p, c in counts.items()
    )


def provider_summary(
    provider: Provider, annex: Sequence[QualityReport], reports: Sequence[PrinciplesReport]
) -> ProviderSummary:
    """A provider's catalogue: counts, principle tallies and its weakest descriptions."""
    weakest = sorted(annex, key=lambda r: (r.score, r.credential.id))[:MAX_WEAKEST]
    return ProviderSummary(
        provider=provider,
        credentials=len(annex),
        complete=sum(1 for r in annex if not r.missing),
        principles=tally(reports),
        weakest=tuple(weakest),
    )
