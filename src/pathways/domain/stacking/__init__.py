"""Stacking plans: the exact least-effort way from what a learner holds to a target.

`plan` answers one target, `rank_reachable` orders the plans of many; the modules
beside this one compile rule trees into a problem (compile, model, graph), bound
and search it (bound, solver), order the steps (order) and explain them (explain,
reasons).
"""

from __future__ import annotations

from pathways.domain.stacking.planner import (
    NODE_BUDGET,
    Counted,
    Plan,
    PlanStep,
    plan,
    rank_reachable,
)

__all__ = ["NODE_BUDGET", "Counted", "Plan", "PlanStep", "plan", "rank_reachable"]
