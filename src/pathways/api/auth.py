"""Roles by API key: who may write, checked before any input is validated.

PATHWAYS_API_KEYS="editor:KEY1,editor:KEY2,recognition_officer:KEY3" gives each key a
role; clients send `Authorization: Bearer KEY`.  Reads need no key.  Every known
key is compared with `hmac.compare_digest` (no early exit on the first match) so
timing does not reveal how much of a key was right.  Keys are never logged.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from graphql import GraphQLError
from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

from pathways.errors import BadUserInput, Forbidden, PathwaysError, Unauthenticated
from pathways.wording import with_article

KEYS_ENV = "PATHWAYS_API_KEYS"
"""The environment variable holding the keys."""

EDITOR = "editor"
RECOGNITION_OFFICER = "recognition_officer"
ROLES = (EDITOR, RECOGNITION_OFFICER)

REQUIRED_ROLE: Mapping[str, str] = {
    "upsertCredential": EDITOR,
    "importDocument": EDITOR,
    "recordRecognition": RECOGNITION_OFFICER,
}
"""The role each mutation field needs."""

INVALID_KEY = "\x00invalid"
"""The role a request gets for a key that is sent but unknown (never a real role name)."""


@dataclass(frozen=True, slots=True)
class ApiKeys:
    """The configured (role, key) pairs."""

    pairs: tuple[tuple[str, bytes], ...] = field(default=(), repr=False)  # never shown

    @classmethod
    def parse(cls, spec: str) -> ApiKeys:
        """Keys from "role:KEY,role:KEY"; a malformed entry is named by position, never by key."""
        pairs: list[tuple[str, bytes]] = []
        for n, entry in enumerate(e.strip() for e in spec.split(",")):
            if not entry:
                continue
            role, sep, key = entry.partition(":")
            role, key = role.strip(), key.strip()
            if not sep or role not in ROLES or not key:
                raise BadUserInput(
                    f"PATHWAYS_API_KEYS entry {n + 1} must be 'role:KEY' with role one of "
                    f"{', '.join(ROLES)}"
                )
            pairs.append((role, key.encode()))
        return cls(tuple(pairs))

    def role_of(self, authorization: str | None) -> str | None:
        """The role of a bearer token: None without one, INVALID_KEY for an unknown one."""
        if not authorization:
            return None
        scheme, _, token = authorization.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return INVALID_KEY
        given = token.encode()
        found = None
        for role, key in self.pairs:
            if hmac.compare_digest(given, key) and found is None:
                found = role
        return found or INVALID_KEY


def check_role(role: str | None, field: str) -> None:
    """Raise UNAUTHENTICATED or FORBIDDEN unless `role` may run mutation `field`."""
    needed = REQUIRED_ROLE.get(field)
    if needed is None:
        return
    if role is None:
        raise Unauthenticated(
            f"'{field}' needs an API key: send 'Authorization: Bearer <key>' "
            f"for the {_spoken(needed)} role.",
            role=needed,
        )
    if role == INVALID_KEY:
        raise Unauthenticated("The API key is not valid.", role=needed)
    if role != needed:
        raise Forbidden(
            f"'{field}' needs the {_spoken(needed)} role; this key is {_owner(role)}.",
            role=needed,
        )


def _spoken(role: str) -> str:
    """A role name as a sentence says it: recognition_officer is a recognition officer."""
    return role.replace("_", " ")


def _owner(role: str) -> str:
    """Whose key it is, as a sentence says it: an editor's, a recognition officer's."""
    return f"{with_article(_spoken(role))}'s"


class Authorisation(SchemaExtension):
    """Refuse a mutation by role after parsing and before validation, so bad input never leaks.

    It also picks the operation as the GraphQL spec's GetOperation does: strawberry
    would silently run the first of several operations when no name is given.
    """

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        doc = ec.graphql_document
        if doc is not None and ec.pre_execution_errors is None:
            ops = [d for d in doc.definitions if isinstance(d, OperationDefinitionNode)]
            if len(ops) > 1 and getattr(ec, "_provided_operation_name", None) is None:
                ec.pre_execution_errors = [_error(BadUserInput(_NAME_NEEDED))]
            else:
                ec.pre_execution_errors = self._check(doc.definitions, ops, ec.operation_name)
        yield

    def _check(
        self, definitions: Sequence[object], ops: list[OperationDefinitionNode], name: str | None
    ) -> list[GraphQLError] | None:
        op = next((o for o in ops if name is None or (o.name and o.name.value == name)), None)
        if op is None or op.operation is not OperationType.MUTATION:
            return None
        frags = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
        role = getattr(self.execution_context.context, "role", None)
        try:
            for field in _root_fields(op.selection_set, frags, set()):
                check_role(role, field)
        except (Unauthenticated, Forbidden) as err:
            return [_error(err)]
        return None


_NAME_NEEDED = "The document has several operations: say which to run with 'operationName'."


def _error(err: PathwaysError) -> GraphQLError:
    return GraphQLError(err.message, extensions={**err.extensions, "code": err.code})


def _root_fields(
    sel: SelectionSetNode, frags: Mapping[str, FragmentDefinitionNode], seen: set[str]
) -> Iterator[str]:
    for node in sel.selections:
        if isinstance(node, FieldNode):
            yield node.name.value
        elif isinstance(node, InlineFragmentNode):
            yield from _root_fields(node.selection_set, frags, seen)
        elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
            seen.add(node.name.value)
            if (frag := frags.get(node.name.value)) is not None:
                yield from _root_fields(frag.selection_set, frags, seen)
