"""The storage interface every backend implements (embedded networkx, Neo4j).

Methods are task-level: each answers one question the domain or the API needs, in
one round trip, and returns model values.  Nothing of networkx or neo4j escapes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from pathways.model import (
    Credential,
    CredentialKind,
    EquivalenceContext,
    Framework,
    Graph,
    PlanningContext,
    Provider,
    Recognition,
    Skill,
    SkillGapContext,
)
from pathways.seeds.inputs import References

if TYPE_CHECKING:
    from pathways.domain.equivalence.reach import Reach


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """Filters of a credential search; None means no filter."""

    text: str | None = None
    country: str | None = None
    eqf_level: int | None = None
    kind: CredentialKind | None = None
    as_of: str | None = None
    """Only credentials valid on this ISO day (valid_from <= as_of <= valid_until, where given)."""


@dataclass(frozen=True, slots=True)
class SearchKey:
    """Where a page of search results starts: just after this (score, id) in result order.

    With a search text results run by score descending, then id; without one, by id
    (score None).  A cursor holds the key of the last result a client saw.
    """

    score: float | None
    id: str


@dataclass(frozen=True, slots=True)
class TextMatch:
    """The text a search matched: a title (TITLE) or a skill label (SKILL), and its language."""

    field: str
    language: str
    text: str
    skill: str | None = None


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of a credential search: (credential, score) pairs and the total count.

    `matches` says, by credential id, which text matched a search text; `more` is True
    when results follow this page.
    """

    items: tuple[tuple[Credential, float | None], ...]
    total: int
    matches: Mapping[str, TextMatch] = field(default_factory=dict)
    more: bool = False


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    """What validating one write needs, found without reading the whole graph.

    `graph` holds every framework and, of the rest, only what the write names that
    exists, the owners of the outcome ids it sets, and the prerequisites reachable
    from the ones it names; `near` holds ids to suggest for those that do not exist.
    """

    graph: Graph
    near: Mapping[str, Collection[str]] = field(default_factory=dict)


def outcome_owner_guesses(outcome_ids: Collection[str]) -> set[str]:
    """Credential ids whose generated outcome ids ('<id>#o<n>') these could be."""
    out: set[str] = set()
    for oid in outcome_ids:
        at = oid.find("#o")
        while at > 0:
            out.add(oid[:at])
            at = oid.find("#o", at + 1)
    return out


@dataclass(frozen=True, slots=True)
class StoreHealth:
    """Whether the store can answer, and a short word on why not."""

    ok: bool
    backend: str
    detail: str = ""


@runtime_checkable
class Store(Protocol):
    """Task-level storage operations shared by every backend."""

    backend: str

    async def open(self) -> None:
        """Connect and prepare (schema, indexes); idempotent."""

    async def close(self) -> None:
        """Release connections."""

    async def health(self) -> StoreHealth:
        """Whether the store answers right now."""

    async def replace_graph(self, graph: Graph) -> None:
        """Replace everything with a validated graph, atomically."""

    async def snapshot(self) -> Graph:
        """The whole graph as model values (tests and exports; never on a request's path)."""

    async def neighbourhood(self, refs: References) -> Neighbourhood:
        """Just the part of the graph that validating a write naming `refs` reads."""

    # --- reads ---------------------------------------------------------------
    async def frameworks(self) -> Sequence[Framework]:
        """Every framework, EQF first, then by code."""

    async def framework(self, code: str) -> Framework | None:
        """One framework by code, or None."""

    async def credential(self, credential_id: str) -> Credential | None:
        """One credential by id, or None."""

    async def credentials(self, ids: Sequence[str]) -> dict[str, Credential]:
        """The credentials among `ids` that exist, by id."""

    async def providers(self, ids: Sequence[str]) -> dict[str, Provider]:
        """The providers among `ids` that exist, by id."""

    async def providers_in(self, countries: Sequence[str]) -> dict[str, Provider]:
        """The providers of these countries (compared upper-cased), by id: what a document's
        awarding bodies are matched against by name, without reading every provider."""

    async def skills(self, ids: Sequence[str]) -> dict[str, Skill]:
        """The skills among `ids` that exist, by id."""

    async def stacks_into(self, credential_id: str) -> Sequence[Credential]:
        """Credentials whose requirement rules name this one, by id."""

    async def stacks_into_many(self, ids: Sequence[str]) -> dict[str, list[Credential]]:
        """For each of `ids`, the credentials whose requirement rules name it, by id."""

    async def recognitions_from(self, credential_id: str) -> Sequence[Recognition]:
        """Recorded decisions whose `from` is this credential."""

    async def recognitions_from_many(self, ids: Sequence[str]) -> dict[str, list[Recognition]]:
        """For each of `ids`, the decisions recorded from it, by target id."""

    async def search(self, flt: SearchFilter, limit: int, after: SearchKey | None) -> SearchPage:
        """Up to `limit` credentials matching the filter after `after`, in result order.

        Ranked as store.search.scoring says; without text, by id.  Both through indexes,
        never a pass over every credential.
        """

    async def planning_context(self, target: str, held: Sequence[str]) -> PlanningContext:
        """The target's rule tree and every credential and recognition planning needs.

        Raises NotFound (naming the id) for an unknown target or held id.
        """

    async def skill_gap_context(
        self, skills: Sequence[str], held: Sequence[str]
    ) -> SkillGapContext:
        """The asked skills, the credentials teaching them, the held ones and their closure.

        Raises NotFound (naming the id) for an unknown skill or held id.
        """

    async def qualifications_touching(self, held: Sequence[str]) -> Sequence[str]:
        """Ids of credentials with requirements that name a held credential or its recognitions."""

    async def equivalence_context(
        self, credential_id: str, country: str | None, limit: int, reach: Reach | None = None
    ) -> EquivalenceContext:
        """The credential, a shortlist of at most `limit` candidates, and their facts.

        With `reach`, also every credential the shortlist cannot find that may rank in
        the request's first matches (`pathways.domain.equivalence.reach`).
        Raises NotFound for an unknown id.
        """

    async def pair_context(self, a: str, b: str) -> EquivalenceContext:
        """Context for comparing a with exactly b. Raises NotFound for either id."""

    async def draft_equivalence_context(
        self,
        credential: Credential,
        exclude_country: str | None,
        limit: int,
        country: str | None = None,
    ) -> EquivalenceContext:
        """Context for a credential that need not be stored (a design draft, a document read):
        its shortlist of at most `limit` candidates outside `exclude_country` (and of
        `country` when given), and no recorded decisions."""

    async def provider_credentials(self, provider_id: str) -> Sequence[Credential]:
        """The credentials a provider offers, by id. Raises NotFound for an unknown provider."""

    # --- writes --------------------------------------------------------------
    async def upsert_credential(self, credential: Credential) -> None:
        """Insert or replace one validated credential."""

    async def record_recognition(self, recognition: Recognition) -> None:
        """Insert or replace the decision for (from, to)."""
