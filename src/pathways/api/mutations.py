"""The Mutation root: upsertCredential (editor) and recordRecognition (recognition officer).

CredentialInput carries every field of a seed-file credential in camelCase.
`requirements` is a JSON scalar holding the rule exactly as a seed file writes it
({"all": [{"credential": "x"}, {"credits": 10, "from": ["a", "b"]}]}); a recursive
input type would need a "one of" input and could still not say "exactly one key",
which the seed validator already checks with better messages.  Each write is
validated by the seed validator against the current graph; a rejected write
changes nothing and comes back as BAD_USER_INPUT naming the field.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types.unset import UNSET

from pathways import model
from pathways.api.auth import check_role
from pathways.api.compat import graphql_names
from pathways.api.types.catalogue import (
    CredentialKind,
    CredentialType,
    Info,
    Participation,
    RecognitionDecision,
    RecognitionType,
)
from pathways.errors import SeedValidationError


@strawberry.input(description="A credential's level: framework code and level code.")
class LevelInput:
    framework: str
    code: str


@strawberry.input(description="A learning outcome; without id it gets '<credential>#o<n>'.")
class OutcomeInput:
    text: str
    id: strawberry.ID | None = UNSET
    language: str | None = UNSET
    skills: list[strawberry.ID] | None = UNSET


@strawberry.input(
    description="Every field of a credential in a seed file (seeds.md), in camelCase. "
    "`requirements` is the rule as JSON, exactly as a seed file writes it."
)
class CredentialInput:
    id: strawberry.ID
    kind: CredentialKind  # type: ignore[valid-type]
    title: str
    country: str
    language: str | None = UNSET
    provider: strawberry.ID | None = UNSET
    level: LevelInput | None = UNSET
    ects: float | None = UNSET
    hours: float | None = UNSET
    assessment: str | None = UNSET
    participation: Participation | None = UNSET  # type: ignore[valid-type]
    quality_assurance: str | None = UNSET
    valid_from: str | None = UNSET
    valid_until: str | None = UNSET
    outcomes: list[OutcomeInput] | None = UNSET
    prerequisites: list[strawberry.ID] | None = UNSET
    requirements: JSON | None = UNSET


@strawberry.input(description="A recognition decision; ects is required for PARTIAL.")
class RecognitionInput:
    from_: strawberry.ID = strawberry.field(name="from")
    to: strawberry.ID
    decision: RecognitionDecision  # type: ignore[valid-type]
    by: str
    date: str
    ects: float | None = UNSET


def plain(value: Any) -> Any:
    """An input object as the plain mapping the seed validator reads (camelCase, names)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [plain(v) for v in value]
    names = graphql_names(value)
    if names is not None:
        return {
            names.get(k, k): plain(v)
            for k, v in vars(value).items()
            if v is not UNSET and v is not None
        }
    return value


def _with_field(err: SeedValidationError) -> SeedValidationError:
    """The error with `field` naming the first field at fault, as clients look for it."""
    fields = [p.field for p in err.problems if p.field]
    if fields:
        err.extensions.setdefault("field", fields[0])
    return err


async def upsert_credential(
    info: Info,
    input: Annotated[
        CredentialInput, strawberry.argument(description="The credential as a seed file has it.")
    ],
) -> CredentialType:
    """Insert or replace one credential (role: editor)."""
    check_role(info.context.role, "upsertCredential")
    try:
        cred = await info.context.service.upsert_credential(plain(input))
    except SeedValidationError as err:
        raise _with_field(err) from None
    return CredentialType.from_model(cred)


async def record_recognition(
    info: Info,
    input: Annotated[
        RecognitionInput,
        strawberry.argument(description="The decision, replacing any earlier one for (from, to)."),
    ],
) -> RecognitionType:
    """Record the decision for (from, to), replacing an earlier one (role: recognition officer)."""
    check_role(info.context.role, "recordRecognition")
    try:
        rec: model.Recognition = await info.context.service.record_recognition(plain(input))
    except SeedValidationError as err:
        raise _with_field(err) from None
    return await RecognitionType.load(info, rec)


@strawberry.type(description="Mutations need `Authorization: Bearer <api key>`; see the README.")
class Mutation:
    upsert_credential: CredentialType = strawberry.field(
        resolver=upsert_credential, description="Insert or replace a credential (role: editor)."
    )
    record_recognition: RecognitionType = strawberry.field(
        resolver=record_recognition,
        description="Record a recognition decision (role: recognition officer).",
    )
