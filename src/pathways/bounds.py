"""Bounds of query arguments: every number and length a client may ask for, in one place.

Each bounded argument is a `Bound`, checked by the service (or the domain function it
calls) before any work, and every refusal has one shape: BAD_USER_INPUT naming the
argument in `extensions.argument` with `extensions.minimum` and `extensions.maximum`.
Over the maximum it is a LimitExceeded ("ask for less"); NaN, infinities and values
under the minimum are plain BadUserInput.  A new argument gets a Bound here and one
`check` (numbers) or `check_length` (texts and lists) where its value arrives.
"""

from __future__ import annotations

import math
from collections.abc import Sized
from dataclasses import dataclass

from pathways.errors import BadUserInput, LimitExceeded

SHOWN = 40
"""Characters of a refused value quoted back in a message."""


@dataclass(frozen=True, slots=True)
class Bound:
    """The inclusive range one argument may take, and what to do instead of more."""

    argument: str
    minimum: float
    maximum: float
    unit: str = ""
    instead: str = ""

    def _extensions(self) -> dict[str, object]:
        return {"argument": self.argument, "minimum": self.minimum, "maximum": self.maximum}

    def _range(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"from {self.minimum:g} to {self.maximum:g}{unit}"

    def check(self, value: float) -> float:
        """`value` when it is a finite number within the bounds; BAD_USER_INPUT otherwise."""
        if isinstance(value, float) and not math.isfinite(value):
            raise BadUserInput(
                f"'{self.argument}' must be a finite number {self._range()}, got {value}.",
                **self._extensions(),
            )
        return self._within(value, f"{value:g}" if isinstance(value, float) else str(value))

    def check_length(self, value: Sized) -> None:
        """Refuse a text or list whose length is outside the bounds."""
        self._within(len(value), f"{len(value)}")

    def _within(self, number: float, shown: str) -> float:
        if number > self.maximum:
            instead = f"; {self.instead}" if self.instead else ""
            raise LimitExceeded(
                f"'{self.argument}' may be at most {self.maximum:g}"
                f"{' ' + self.unit if self.unit else ''}, got {shown[:SHOWN]}{instead}.",
                **self._extensions(),
            )
        if number < self.minimum:
            raise BadUserInput(
                f"'{self.argument}' must be {self._range()}, got {shown[:SHOWN]}.",
                **self._extensions(),
            )
        return number


PAGE = Bound("first", 0, 100, instead="page with 'after' instead")
"""`first` of credentials: the largest page of search results."""

MATCHES = Bound("first", 1, 100)
"""`first` of equivalents: recorded decisions and computed matches together."""

REACHABLE = Bound("first", 0, 50, instead="narrow it with 'country' or 'maxAdditionalCredits'")
"""`first` of reachable: each answer is a whole plan."""

MIN_SCORE = Bound("minScore", 0.0, 1.0)
"""The lowest computed score equivalents returns."""

ALTERNATIVES = Bound("alternatives", 0, 10)
"""Next-best plans one stackingPlan may ask for (each is a further search)."""

EQF_LEVEL = Bound("eqfLevel", 1, 8)
"""An EQF level."""

SEARCH = Bound("search", 0, 200, unit="characters")
"""Search texts: fuzzy matching costs grow with their length (200 KB took 2 s of CPU)."""

CURSOR = Bound("after", 0, 1200, unit="characters")
"""Cursors: ours hold a score and an id of at most 200 characters; a longer one is not ours."""

HELD = Bound("held", 0, 500, unit="credentials")
"""Credentials a learner may list as held."""

COUNTRIES = Bound("countries", 0, 100, unit="countries")
"""Countries a plan's new credentials may be limited to."""

GAP_SKILLS = Bound("skills", 0, 50, unit="skills")
"""Skills one skillGapPlan may ask for (an occupation profile lists a few dozen)."""

MAX_ADDITIONAL_CREDITS = Bound("maxAdditionalCredits", 0, 10_000)
"""The most ECTS reachable may still ask for (a credits rule needs at most 10,000)."""
