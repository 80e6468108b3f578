"""Which catalogued Cypher statements a module asked for, for tests of warm-ups."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from pathways.store.neo4j.catalog import Q


def record_queries(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> set[Q]:
    """The set, filled as `module` looks statements up by name from now on."""
    ran: set[Q] = set()
    real = module.query

    def recording(name: Q) -> Any:
        ran.add(name)
        return real(name)

    monkeypatch.setattr(module, "query", recording)
    return ran
