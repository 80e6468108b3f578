"""Skill-gap plans: the least-effort set of credentials teaching the skills a learner lacks.

`plan_skill_gap` answers one question; problem.py compiles it into a weighted cover
with prerequisites, search.py solves it exactly, explain.py says why.
"""

from __future__ import annotations

from pathways.domain.skillgap.planner import GapStep, SkillGapPlan, plan_skill_gap
from pathways.domain.skillgap.search import NODE_BUDGET

__all__ = ["NODE_BUDGET", "GapStep", "SkillGapPlan", "plan_skill_gap"]
