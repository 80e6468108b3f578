"""The schema roots: Query and Mutation fields bound to resolvers."""

from __future__ import annotations

import inspect
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext

from pathways.api import documents, quality, resolvers
from pathways.api.auth import Authorisation
from pathways.api.errors import ErrorCodes
from pathways.api.limits import limit_extensions
from pathways.api.mutations import Mutation as Writes
from pathways.api.observability import Observe
from pathways.api.parsing import ParseOffLoop
from pathways.api.types.catalogue import (
    CredentialConnectionType,
    CredentialKind,
    CredentialType,
    CrosswalkType,
    FrameworkType,
)
from pathways.api.types.documents import DocumentReadingType
from pathways.api.types.equivalence import MatchType, QualityReportType
from pathways.api.types.quality import DesignCheckType, PrinciplesReportType, ProviderQualityType
from pathways.api.types.skillgap import SkillGapPlanType
from pathways.api.types.stacking import StackingPlanType
from pathways.api.validation import CachedValidation


def described(resolver: Any) -> Any:
    """A field bound to `resolver`, described by its docstring (GraphiQL's docs pane)."""
    return strawberry.field(resolver=resolver, description=inspect.getdoc(resolver))


@strawberry.type(description="Reads need no key.")
class Query:
    frameworks: list[FrameworkType] = described(resolvers.frameworks)
    framework: FrameworkType | None = described(resolvers.framework)
    crosswalk: CrosswalkType = described(resolvers.crosswalk)
    credential: CredentialType | None = described(resolvers.credential)
    credentials: CredentialConnectionType = described(resolvers.credentials)
    stacking_plan: StackingPlanType = described(resolvers.stacking_plan)
    reachable: list[StackingPlanType] = described(resolvers.reachable)
    equivalents: list[MatchType] = described(resolvers.equivalents)
    compare: MatchType = described(resolvers.compare)
    quality_report: QualityReportType = described(resolvers.quality_report)
    read_document: DocumentReadingType = described(documents.read_document)
    document_equivalents: list[MatchType] = described(documents.document_equivalents)
    principles_report: PrinciplesReportType = described(quality.principles_report)
    design_check: DesignCheckType = described(quality.design_check)
    provider_quality: ProviderQualityType = described(quality.provider_quality)
    skill_gap_plan: SkillGapPlanType = described(resolvers.skill_gap_plan)


@strawberry.type(description="Mutations need `Authorization: Bearer <api key>`; see the README.")
class Mutation(Writes):
    import_document: list[CredentialType] = described(documents.import_document)


class PathwaysSchema(strawberry.Schema):
    """The schema, logging only unexpected errors (ErrorCodes does, in pathways.api).

    strawberry's own process_errors logs every error with a traceback, NOT_FOUND and
    BAD_USER_INPUT included: answers, not faults, in the server log and the CLI alike.
    """

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Leave the logging of errors to ErrorCodes."""


def build_schema() -> strawberry.Schema:
    """The pathways schema with error codes and masking."""
    return PathwaysSchema(
        query=Query,
        mutation=Mutation,
        # limit codes first: its after-hook runs last, over ErrorCodes' result
        extensions=[
            *limit_extensions(),
            ParseOffLoop,
            Observe,
            Authorisation,
            CachedValidation,
            ErrorCodes,
        ],
        types=[CredentialKind],
    )
