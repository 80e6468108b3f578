"""Documents of each format written for the tests (ours, not copies of published samples)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DOCUMENTS = Path(__file__).parent / "documents"

PERSONAL = (
    "Saoirse",
    "Quennell",
    "1991-04-17",
    "PPS-8817264QW",
    "saoirse.qa@example.org",
    "urn:example:learner:5513",
    "lorenz.pichlmayr",
    "did:example:learner-4409",
)
"""What the issued credentials among them say about their learners: never to be echoed."""


def document(name: str) -> dict[str, Any]:
    """One of the documents, parsed."""
    data: dict[str, Any] = json.loads((DOCUMENTS / name).read_text("utf-8"))
    return data


def names() -> list[str]:
    """Every document's file name."""
    return sorted(p.name for p in DOCUMENTS.iterdir())
