"""The schema roots: Query and Mutation fields bound to resolvers."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext

from pathways.api import resolvers
from pathways.api.auth import Authorisation
from pathways.api.errors import ErrorCodes
from pathways.api.limits import limit_extensions
from pathways.api.mutations import Mutation
from pathways.api.observability import Observe
from pathways.api.types.catalogue import (
    CredentialConnectionType,
    CredentialKind,
    CredentialType,
    CrosswalkType,
    FrameworkType,
)
from pathways.api.types.equivalence import MatchType, QualityReportType
from pathways.api.types.stacking import StackingPlanType
from pathways.api.validation import CachedValidation


@strawberry.type
class Query:
    frameworks: list[FrameworkType] = strawberry.field(resolver=resolvers.frameworks)
    framework: FrameworkType | None = strawberry.field(resolver=resolvers.framework)
    crosswalk: CrosswalkType = strawberry.field(resolver=resolvers.crosswalk)
    credential: CredentialType | None = strawberry.field(resolver=resolvers.credential)
    credentials: CredentialConnectionType = strawberry.field(resolver=resolvers.credentials)
    stacking_plan: StackingPlanType = strawberry.field(resolver=resolvers.stacking_plan)
    reachable: list[StackingPlanType] = strawberry.field(resolver=resolvers.reachable)
    equivalents: list[MatchType] = strawberry.field(resolver=resolvers.equivalents)
    compare: MatchType = strawberry.field(resolver=resolvers.compare)
    quality_report: QualityReportType = strawberry.field(resolver=resolvers.quality_report)


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
        extensions=[*limit_extensions(), Observe, Authorisation, CachedValidation, ErrorCodes],
        types=[CredentialKind],
    )
