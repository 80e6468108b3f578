"""Checking one credential or recognition written through the API, exactly as a seed record."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Set
from dataclasses import dataclass

from pathways.errors import SeedProblem, SeedValidationError
from pathways.model import Credential, Graph, Recognition
from pathways.seeds.fields import Ctx, Names
from pathways.seeds.loader import (
    dependencies,
    describe_cycle,
    only_prerequisites,
    prerequisite_cycles,
)
from pathways.seeds.records import Known, parse_credential, parse_recognition

_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")
_IN_GRAPH = "in the graph"
_RECOGNITION_ALIASES = {"from_id": "from", "to_id": "to"}


class _PlusOne(Set[str]):
    """The ids of a graph plus one more, without copying them."""

    __slots__ = ("_base", "_extra")

    def __init__(self, base: Mapping[str, object], extra: str | None) -> None:
        self._base = base
        self._extra = extra

    def __contains__(self, item: object) -> bool:
        return item == self._extra or item in self._base

    def __iter__(self) -> Iterator[str]:
        yield from self._base
        if self._extra is not None and self._extra not in self._base:
            yield self._extra

    def __len__(self) -> int:
        return len(self._base) + (self._extra is not None and self._extra not in self._base)


class _Recorder(Set[str]):
    """A set that holds every id it is asked about, remembering each question."""

    __slots__ = ("asked",)

    def __init__(self) -> None:
        self.asked: set[str] = set()

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            self.asked.add(item)
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@dataclass(frozen=True, slots=True)
class References:
    """What one written record names: all that validating it has to look up in the graph."""

    own: str | None
    credentials: frozenset[str]
    providers: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    depends_on: tuple[str, ...] = ()
    """Credentials it cannot be earned without (prerequisites, what its rules name): a new
    cycle through the record passes through one of them."""
    outcomes: frozenset[str] = frozenset()
    """Outcome ids the record sets itself (generated ones cannot meet another credential's)."""


Near = Mapping[str, Collection[str]]
"""Per sort ("credential", "provider", "skill"): ids to suggest from for unknown ones."""


def _snake(key: str) -> str:
    return _CAMEL.sub(r"_\1", key).lower()


def _normalise(
    data: Mapping[str, object], source: str, aliases: Mapping[str, str], problems: list[SeedProblem]
) -> tuple[dict[object, object], dict[str, str]]:
    """The record with snake_case keys, and how to name each key back as the caller wrote it."""
    out: dict[object, object] = {}
    written: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(key, str):
            out[key] = value
            continue
        snake = _snake(key)
        snake = aliases.get(snake, snake)
        if snake in written:
            problem = f"'{key}' and '{written[snake]}' give the same field; keep one"
            problems.append(SeedProblem(source, problem, None, None, key))
            continue
        written[snake] = key
        out[snake] = value
    return out, {s: k for s, k in written.items() if s != k}


def _ident(record: Mapping[object, object]) -> str | None:
    ident = record.get("id")
    return ident if isinstance(ident, str) else None


def credential_references(data: Mapping[str, object]) -> References:
    """The ids a credential record names, found by parsing it once against a graph that has all."""
    record, _ = _normalise(data, "input", {}, [])
    asked = {sort: _Recorder() for sort in ("framework", "provider", "skill", "credential")}
    known = Known(
        frameworks={},
        framework_codes=Names("a framework", asked["framework"]),
        providers=Names("a provider", asked["provider"]),
        skills=Names("a skill", asked["skill"]),
        credentials=Names("a credential", asked["credential"]),
    )
    parse_credential(Ctx("input", record, [], {}), record, known)
    raw_out = record.get("outcomes")
    outcomes = raw_out if isinstance(raw_out, list) else []
    named = frozenset(asked["credential"].asked)  # its prerequisites and rule references
    return References(
        own=_ident(record),
        credentials=named,
        providers=frozenset(asked["provider"].asked),
        skills=frozenset(asked["skill"].asked),
        depends_on=tuple(sorted(named)),
        outcomes=frozenset(
            o["id"] for o in outcomes if isinstance(o, Mapping) and isinstance(o.get("id"), str)
        ),
    )


def recognition_references(data: Mapping[str, object]) -> References:
    """The two credential ids a recognition record names."""
    record, _ = _normalise(data, "input", _RECOGNITION_ALIASES, [])
    ends = (record.get("from"), record.get("to"))
    return References(own=None, credentials=frozenset(e for e in ends if isinstance(e, str)))


def credential_from_input(
    data: Mapping[str, object], graph: Graph, source: str = "input", near: Near | None = None
) -> Credential:
    """The credential `data` describes (seed or camelCase keys), checked against `graph`.

    An existing id is replaced: references to it resolve, and the prerequisite
    cycle check sees the new version in place of the old one.  `graph` may hold only
    what `credential_references` names (and what is reachable from what it depends on);
    `near` then gives the ids that suggestions for unknown ones come from.
    """
    problems: list[SeedProblem] = []
    record, rename = _normalise(data, source, {}, problems)
    ident = _ident(record)
    near = near or {}
    near_creds = near.get("credential")
    if near_creds is not None and ident is not None:
        near_creds = [*near_creds, ident]
    known = Known(
        frameworks=graph.frameworks,
        framework_codes=Names("a framework", graph.frameworks.keys(), _IN_GRAPH),
        providers=Names("a provider", graph.providers.keys(), _IN_GRAPH, near.get("provider")),
        skills=Names("a skill", graph.skills.keys(), _IN_GRAPH, near.get("skill")),
        credentials=Names(
            "a credential", _PlusOne(graph.credentials, ident), _IN_GRAPH, near_creds
        ),
    )
    ctx = Ctx(source, record, problems, rename)
    cred = parse_credential(ctx, record, known)
    if cred is not None:
        _check_outcome_ids(ctx, cred, graph)
        _check_cycle(ctx, cred, graph)
    if problems or cred is None:
        raise SeedValidationError(problems or [SeedProblem(source, "invalid credential")])
    return cred


def _check_outcome_ids(ctx: Ctx, cred: Credential, graph: Graph) -> None:
    mine = {o.id for o in cred.outcomes}
    if all(o.id.startswith(f"{cred.id}#o") for o in cred.outcomes):
        return  # generated ids cannot meet another credential's
    # by id: the same problems in the same order from the whole graph or a part of it
    for other in sorted(graph.credentials.values(), key=lambda c: c.id):
        if other.id == cred.id:
            continue
        for outcome in other.outcomes:
            if outcome.id in mine:
                ctx.bad("outcomes", f"outcome id '{outcome.id}' is also used by '{other.id}'")


def _check_cycle(ctx: Ctx, cred: Credential, graph: Graph) -> None:
    # the graph had no cycle, so a new one passes through the written credential
    reach: dict[str, tuple[str, ...]] = {cred.id: dependencies(cred)}
    prerequisites: dict[str, tuple[str, ...]] = {cred.id: cred.prerequisites}
    todo = list(reach[cred.id])
    while todo:
        node = todo.pop()
        if node in reach:
            continue
        other = graph.credentials.get(node)
        reach[node] = dependencies(other) if other is not None else ()
        prerequisites[node] = other.prerequisites if other is not None else ()
        todo.extend(reach[node])
    for cycle in prerequisite_cycles(reach):
        turn = cycle.index(cred.id) if cred.id in cycle else 0
        path = [*cycle[turn:-1], *cycle[:turn]]
        path.append(path[0])
        field = "prerequisites" if only_prerequisites(path, prerequisites) else "requirements"
        ctx.bad(field, describe_cycle(path, prerequisites))


def recognition_from_input(
    data: Mapping[str, object], graph: Graph, source: str = "input", near: Near | None = None
) -> Recognition:
    """The recognition decision `data` describes, its credentials checked against `graph`."""
    problems: list[SeedProblem] = []
    record, rename = _normalise(data, source, _RECOGNITION_ALIASES, problems)
    ctx = Ctx(source, record, problems, rename)
    choices = (near or {}).get("credential")
    recognition = parse_recognition(
        ctx, record, Names("a credential", graph.credentials.keys(), _IN_GRAPH, choices)
    )
    if problems or recognition is None:
        raise SeedValidationError(problems or [SeedProblem(source, "invalid recognition")])
    return recognition
