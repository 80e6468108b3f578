"""The heaviest plan the tests ask: a credits rule over uneven credentials, three at once."""

from __future__ import annotations

PARTS = 30
"""Credentials the rule counts from."""

NEEDED = 60.05
"""Credits the rule asks: just over what most subsets give, so a proof takes seconds."""

PLANS = (
    "{ "
    + " ".join(
        f'p{i}: stackingPlan(target: "heavy", alternatives: 2) {{ optimal explanation }}'
        for i in range(3)
    )
    + " }"
)
"""Three aliased plans of the target "heavy", sharing one request's budget."""
