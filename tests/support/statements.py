"""Which catalogued Cypher statements a module asked for, for tests of warm-ups."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from pathways.store.neo4j.catalog import Q


def record_queries(monkeypatch: pytest.MonkeyPatch, *modules: ModuleType) -> set[Q]:
    """The set, filled as the modules look statements up by name from now on."""
    ran: set[Q] = set()
    for module in modules:
        real = module.query

        def recording(name: Q, real: Any = real) -> Any:
            ran.add(name)
            return real(name)

        monkeypatch.setattr(module, "query", recording)
    return ran
