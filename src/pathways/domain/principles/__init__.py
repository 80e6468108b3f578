"""The ten principles of Annex II as checks over the graph's facts about a credential.

`principles_report` runs one rule per principle (content: what the description
says; links: how the credential connects to the rest of the graph); `tally` and
`provider_summary` add them up over a provider's catalogue.  docs/quality.md
states every rule.
"""

from __future__ import annotations

from pathways.domain.principles.model import (
    CheckStatus,
    CredentialFacts,
    PortabilityFact,
    Principle,
    PrincipleCheck,
    PrinciplesReport,
    PrincipleTally,
    ProviderSummary,
    TargetFact,
)
from pathways.domain.principles.report import (
    MAX_WEAKEST,
    RULES,
    principles_report,
    provider_summary,
    tally,
)

__all__ = [
    "MAX_WEAKEST",
    "RULES",
    "CheckStatus",
    "CredentialFacts",
    "PortabilityFact",
    "Principle",
    "PrincipleCheck",
    "PrincipleTally",
    "PrinciplesReport",
    "ProviderSummary",
    "TargetFact",
    "principles_report",
    "provider_summary",
    "tally",
]
