"""Strawberry types for stacking plans."""

from __future__ import annotations

import enum
from collections.abc import Mapping

import strawberry

from pathways import model
from pathways.api.types.catalogue import CredentialType
from pathways.domain import stacking


@strawberry.enum
class CountBasis(enum.Enum):
    SAME_CREDENTIAL = "SAME_CREDENTIAL"
    RECOGNITION_DECISION = "RECOGNITION_DECISION"


@strawberry.type(name="PlanStep")
class PlanStepType:
    order: int
    credential: CredentialType
    counts: CredentialType | None


@strawberry.type(name="CountedCredential")
class CountedCredentialType:
    held: CredentialType
    counts_as: CredentialType
    basis: CountBasis
    ects: float | None


@strawberry.type(name="StackingPlan")
class StackingPlanType:
    target: CredentialType
    achievable: bool
    already_complete: bool
    optimal: bool = strawberry.field(
        description="False when a search limit cut an enormous target: best found, not proven best."
    )
    steps: list[PlanStepType]
    additional_credits: float
    additional_hours: float | None
    counted: list[CountedCredentialType]
    explanation: list[str]
    alternatives: list[StackingPlanType]

    @classmethod
    def from_model(
        cls, plan: stacking.Plan, credentials: Mapping[str, model.Credential]
    ) -> StackingPlanType:
        """The API view of a plan; `credentials` holds every id the plan names."""

        def cred(cid: str) -> CredentialType:
            return CredentialType.from_model(credentials[cid])

        return cls(
            target=cred(plan.target),
            achievable=plan.achievable,
            already_complete=plan.already_complete,
            optimal=plan.optimal,
            steps=[
                PlanStepType(
                    order=s.order,
                    credential=cred(s.credential),
                    counts=cred(s.counts) if s.counts else None,
                )
                for s in plan.steps
            ],
            additional_credits=plan.additional_credits,
            additional_hours=plan.additional_hours,
            counted=[
                CountedCredentialType(
                    held=cred(c.held),
                    counts_as=cred(c.counts_as),
                    basis=CountBasis(c.basis),
                    ects=c.ects,
                )
                for c in plan.counted
            ],
            explanation=list(plan.explanation),
            alternatives=[cls.from_model(a, credentials) for a in plan.alternatives],
        )
