"""Tallies and the provider summary over several reports."""

from __future__ import annotations

import dataclasses

from pathways.domain.principles import (
    MAX_WEAKEST,
    CheckStatus,
    Principle,
    PrincipleCheck,
    PrinciplesReport,
    provider_summary,
    tally,
)
from pathways.domain.quality import quality_report
from pathways.model import Provider
from tests.support.credentials import IRISH_MIG


def _report(statuses: list[CheckStatus]) -> PrinciplesReport:
    checks = tuple(
        PrincipleCheck(p, s, ("x",), ()) for p, s in zip(Principle, statuses, strict=True)
    )
    return PrinciplesReport(IRISH_MIG, checks)


def test_tally_counts_each_status_per_principle_in_order() -> None:
    all_met = _report([CheckStatus.MET] * 10)
    mixed = _report([CheckStatus.NOT_MET, CheckStatus.NEEDS_REVIEW] + [CheckStatus.PARTLY_MET] * 8)
    tallies = tally([all_met, mixed, mixed])
    assert [t.principle for t in tallies] == list(Principle)
    assert (tallies[0].met, tallies[0].not_met) == (1, 2)
    assert (tallies[1].met, tallies[1].needs_review) == (1, 2)
    assert all(t.met + t.partly_met + t.not_met + t.needs_review == 3 for t in tallies)


def test_provider_summary_lists_weakest_first_and_counts_complete() -> None:
    gti = Provider("gti", "Galway Technical Institute", "IE")
    creds = [
        dataclasses.replace(IRISH_MIG, id=f"c{n:02}", assessment=None if n % 3 else "test")
        for n in range(14)
    ]
    annex = [quality_report(c, None, False, True) for c in creds]
    summary = provider_summary(gti, annex, [])
    assert summary.credentials == 14
    assert summary.complete == 5  # c00, c03, c06, c09, c12 state an assessment
    assert len(summary.weakest) == MAX_WEAKEST
    scores = [r.score for r in summary.weakest]
    assert scores == sorted(scores)
    assert summary.weakest[0].credential.id == "c01"
    assert all(t.met == 0 for t in summary.principles)
