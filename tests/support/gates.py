"""A gate that holds a warm-up at one of its steps, for tests of what happens meanwhile."""

from __future__ import annotations

import asyncio


class HeldGate:
    """A warm-up's gate whose `at`-th call sets `held` and waits for `release`."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.calls = 0
        self.held = asyncio.Event()
        self.release = asyncio.Event()

    async def __call__(self) -> None:
        self.calls += 1
        if self.calls == self.at:
            self.held.set()
            await self.release.wait()
