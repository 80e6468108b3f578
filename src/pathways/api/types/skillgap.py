"""Strawberry types for skill-gap plans."""

from __future__ import annotations

from collections.abc import Mapping

import strawberry

from pathways import model
from pathways.api.types.catalogue import CredentialType, SkillType
from pathways.api.types.stacking import PlanStepType
from pathways.domain import skillgap


@strawberry.type(
    name="SkillGapPlan",
    description=(
        "The least-ECTS set of credentials teaching the asked skills the learner lacks, "
        "prerequisites first; then the fewest credentials, then the smallest sorted ids."
    ),
)
class SkillGapPlanType:
    achievable: bool = strawberry.field(
        description="False when some missing skill is taught by no credential you may take."
    )
    covered: list[SkillType] = strawberry.field(description="Asked skills you already have.")
    missing: list[SkillType] = strawberry.field(description="Asked skills still to learn.")
    uncovered: list[SkillType] = strawberry.field(
        description="Missing skills no credential you may take teaches."
    )
    steps: list[PlanStepType] = strawberry.field(description="In a valid order.")
    additional_credits: float
    explanation: list[str]
    optimal: bool = strawberry.field(
        description="False when the search budget cut it: the best found, not proven best."
    )

    @classmethod
    def from_model(
        cls,
        plan: skillgap.SkillGapPlan,
        credentials: Mapping[str, model.Credential],
        skills: Mapping[str, model.Skill],
    ) -> SkillGapPlanType:
        """The API view of a skill-gap plan; the mappings hold every id it names."""

        def sk(ids: tuple[str, ...]) -> list[SkillType]:
            return [SkillType.from_model(skills[s]) for s in ids]

        return cls(
            achievable=plan.achievable,
            covered=sk(plan.covered),
            missing=sk(plan.missing),
            uncovered=sk(plan.uncovered),
            steps=[
                PlanStepType(
                    order=s.order,
                    credential=CredentialType.from_model(credentials[s.credential]),
                    counts=None,
                )
                for s in plan.steps
            ],
            additional_credits=plan.additional_credits,
            explanation=list(plan.explanation),
            optimal=plan.optimal,
        )
