"""Per-request context: the service, the caller's role, and batching loaders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from strawberry.dataloader import DataLoader

from pathways.model import Credential, Level, Provider, Recognition, Skill
from pathways.service import Service


def _loader(fetch: Any) -> DataLoader[str, Any]:
    async def load(keys: Sequence[str]) -> list[Any]:
        found = await fetch(list(keys))
        return [found.get(k) for k in keys]

    return DataLoader(load_fn=load)


@dataclass
class Context:
    """What every resolver of one request shares."""

    service: Service
    role: str | None = None
    request: Any = None
    _levels: dict[tuple[str, str], Level] | None = None
    credentials: DataLoader[str, Credential | None] = field(init=False)
    providers: DataLoader[str, Provider | None] = field(init=False)
    skills: DataLoader[str, Skill | None] = field(init=False)
    stacks_into: DataLoader[str, list[Credential]] = field(init=False)
    recognitions_from: DataLoader[str, list[Recognition]] = field(init=False)

    def __post_init__(self) -> None:
        service = self.service
        self.credentials = _loader(service.credentials)
        self.providers = _loader(service.providers)
        self.skills = _loader(service.skills)
        self.stacks_into = _loader(service.stacks_into)
        self.recognitions_from = _loader(service.recognitions_from)

    async def level(self, framework: str, code: str) -> Level | None:
        """A framework level, from a table fetched once per request."""
        if self._levels is None:
            self._levels = await self.service.levels()
        return self._levels.get((framework, code))
