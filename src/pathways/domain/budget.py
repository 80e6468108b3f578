"""Time budgets for CPU-heavy work: one deadline per request, shared by all it computes.

The API opens a deadline for each request (`within`), whose clock starts with the
request's first heavy computation; heavy domain work (a
stacking search, a skill-gap plan, a design check) asks `expired()` every so often
and settles for the best it has once it is.  The deadline lives in a context
variable, so it follows the request into the worker threads that run heavy work
(`Service.run_heavy` copies the context) and is shared by every alias of one
document, without each function passing it on.  Outside a request nothing expires.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(slots=True, eq=False)
class Deadline:
    """A moment on the monotonic clock after which heavy work settles for what it has.

    `calls` (heavy calls the request has queued) and `spent` (heavy time it has had)
    are booked by the heavy lane, which serves the least-served request first; only
    they change.
    """

    at: float
    seconds: float
    calls: int = 0
    spent: float = 0.0

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """The deadline `seconds` from now."""
        return cls(time.monotonic() + seconds, seconds)

    @classmethod
    def unstarted(cls, seconds: float) -> Deadline:
        """A deadline `seconds` after its heavy work first runs (`start`); none before.

        A request's clock starts with its first heavy computation, so neither reading the
        store nor waiting for the heavy lane counts against it.
        """
        return cls(math.inf, seconds)

    def start(self) -> None:
        """Start the clock, once; later calls change nothing."""
        if self.at == math.inf:
            self.at = time.monotonic() + self.seconds

    def left(self) -> float:
        """Seconds until the deadline, 0 once it has passed."""
        return max(0.0, self.at - time.monotonic())

    def expired(self) -> bool:
        """True once the deadline has passed."""
        return time.monotonic() >= self.at


_CURRENT: ContextVar[Deadline | None] = ContextVar("pathways_deadline", default=None)


def current() -> Deadline | None:
    """The deadline of the request being served, or None outside one."""
    return _CURRENT.get()


def expired() -> bool:
    """True when the current request's deadline has passed (never outside a request)."""
    deadline = _CURRENT.get()
    return deadline is not None and deadline.expired()


@contextmanager
def within(deadline: Deadline) -> Iterator[Deadline]:
    """Make `deadline` the current one for the code inside the block."""
    token = _CURRENT.set(deadline)
    try:
        yield deadline
    finally:
        _CURRENT.reset(token)
