"""The quality service on the shipped graph: every micro-credential's report is evidenced."""

from __future__ import annotations

import asyncio
import datetime as dt

from pathways.domain import budget as deadlines
from pathways.domain.principles import CheckStatus, Principle
from pathways.model import CredentialKind, Graph
from pathways.quality_service import QualityService
from pathways.service import Service
from pathways.store.memory import MemoryStore
from tests.support.paths import ROOT

TODAY = dt.date(2026, 1, 15)


def test_every_shipped_micro_credential_gets_an_explained_report(shipped_graph: Graph) -> None:
    async def go() -> None:
        service = QualityService(Service(MemoryStore(shipped_graph)), today=TODAY)
        micro = [
            c
            for c in shipped_graph.credentials.values()
            if c.kind is CredentialKind.MICRO_CREDENTIAL
        ]
        assert len(micro) >= 50
        for cred in micro:
            report = await service.principles_report(cred.id)
            assert [c.principle for c in report.checks] == list(Principle)
            for check in report.checks:
                assert check.evidence, (cred.id, check.principle)
                if check.status is not CheckStatus.MET:
                    assert check.advice, (cred.id, check.principle)
            # the shipped descriptions are complete (see test_shipped_graph)
            assert report.check(Principle.TRANSPARENCY).status is CheckStatus.MET

    asyncio.run(go())


def test_provider_view_of_a_shipped_provider(shipped_graph: Graph) -> None:
    async def go() -> None:
        service = QualityService(Service(MemoryStore(shipped_graph)), today=TODAY)
        summary = await service.provider_quality("voco")
        offered = [c for c in shipped_graph.credentials.values() if c.provider == "voco"]
        assert summary.credentials == len(offered) > 0
        assert summary.complete == summary.credentials
        assert len(summary.weakest) == min(10, len(offered))
        for tally in summary.principles:
            total = tally.met + tally.partly_met + tally.not_met + tally.needs_review
            assert total == len(offered)

    asyncio.run(go())


def test_docs_state_a_rule_for_every_principle() -> None:
    text = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    for principle in Principle:
        assert f"`{principle.value}`" in text, principle


def test_a_spent_budget_is_said_not_hidden(small_graph: Graph) -> None:
    async def go() -> None:
        service = QualityService(Service(MemoryStore(small_graph)), today=TODAY)
        with deadlines.within(deadlines.Deadline.after(0.0)):
            report = await service.principles_report("ie-mig")
        portable = report.check(Principle.PORTABLE)
        assert portable.status is CheckStatus.MET
        assert any("not by writing them" in e for e in portable.evidence)
        relaxed = await service.principles_report("ie-mig")
        assert any(
            e.startswith("ELM: writes and reads back")
            for e in relaxed.check(Principle.PORTABLE).evidence
        )

    asyncio.run(go())
