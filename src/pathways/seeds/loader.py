"""Loading seed directories: read every file, check every record, merge into one Graph."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

from pathways.errors import SeedProblem, SeedValidationError
from pathways.model import (
    EQF_CODE,
    Credential,
    Framework,
    Graph,
    Recognition,
    eqf_first,
    rule_credentials,
)
from pathways.seeds.eqf import builtin_eqf
from pathways.seeds.fields import Ctx, Names, show
from pathways.seeds.keys import LIST_SORTS, unknown_keys
from pathways.seeds.reader import LineDict, line_of, read_file, seed_files
from pathways.seeds.records import (
    Known,
    parse_credential,
    parse_framework,
    parse_provider,
    parse_recognition,
    parse_skill,
)

T = TypeVar("T")

LISTS = tuple(LIST_SORTS)


@dataclass(slots=True)
class _Records:
    """Every record read, by list, with the file it came from; and the problems so far."""

    by_list: dict[str, list[tuple[str, Mapping[object, object]]]] = field(
        default_factory=lambda: {name: [] for name in LISTS}
    )
    problems: list[SeedProblem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SeedReport:
    """What checking seed directories found: the graph (None when invalid), problems, warnings."""

    graph: Graph | None
    problems: tuple[SeedProblem, ...]
    warnings: tuple[SeedProblem, ...]
    files: tuple[str, ...]


def _label(directory: Path, path: Path, several: bool) -> str:
    rel = path.relative_to(directory).as_posix()
    if not several:
        return rel
    return f"{directory.name or directory.resolve().name}/{rel}"


def _read_all(dirs: Sequence[Path]) -> _Records:
    out = _Records()
    several = len(dirs) > 1
    for directory in dirs:
        if not directory.is_dir():
            out.problems.append(SeedProblem(str(directory), "is not a directory"))
            continue
        for path in seed_files(directory):
            name = _label(directory, path, several)
            out.files.append(name)
            data, errors = read_file(path)
            out.problems.extend(SeedProblem(name, e.problem, e.line) for e in errors)
            _split(name, data, out)
    return out


def _split(name: str, data: object, out: _Records) -> None:
    if data is None:
        return
    if not isinstance(data, Mapping):
        out.problems.append(
            SeedProblem(name, f"must hold a mapping with any of {', '.join(LISTS)} at the top")
        )
        return
    for key, records in data.items():
        line = line_of(data, key)
        if key not in LISTS:
            found = process.extractOne(str(key), LISTS, scorer=fuzz.ratio, score_cutoff=60)
            hint = f"; did you mean '{found[0]}'?" if found else ""
            allowed = ", ".join(LISTS)
            problem = f"unknown top-level key {key!r} (allowed: {allowed}){hint}"
            out.problems.append(SeedProblem(name, problem, line, field=str(key)))
            continue
        if records is None:
            continue
        if not isinstance(records, list):
            problem = f"'{key}' must be a list of records, found {type(records).__name__}"
            out.problems.append(SeedProblem(name, problem, line, field=key))
            continue
        for n, record in enumerate(records):
            if isinstance(record, dict | Mapping):
                out.by_list[key].append((name, record))
            else:
                problem = f"each entry of '{key}' must be a mapping, found {show(record)}"
                out.problems.append(SeedProblem(name, problem, line, field=f"{key}[{n}]"))


def _where(ctx: Ctx) -> str:
    return ctx.file if ctx.line is None else f"{ctx.file}:{ctx.line}"


def _declared(
    entries: list[tuple[str, Mapping[object, object]]],
    key: str,
    what: str,
    problems: list[SeedProblem],
) -> tuple[set[str], set[int]]:
    """Ids declared in `entries`, and the positions of repeats (reported here)."""
    first: dict[str, Ctx] = {}
    repeats: set[int] = set()
    for n, (name, rec) in enumerate(entries):
        ident = rec.get(key)
        if key == "code" and isinstance(ident, int) and not isinstance(ident, bool):
            ident = str(ident)
        if not isinstance(ident, str):
            continue
        if ident in first:
            ctx = Ctx(name, rec, problems)
            ctx.id = ident
            ctx.bad(key, f"duplicate {what} '{ident}': already declared at {_where(first[ident])}")
            repeats.add(n)
        else:
            first[ident] = Ctx(name, rec, problems)
    return set(first), repeats


def _frameworks(recs: _Records) -> tuple[dict[str, Framework], set[str]]:
    entries = recs.by_list["frameworks"]
    codes, repeats = _declared(entries, "code", "framework code", recs.problems)
    out: dict[str, Framework] = {}
    for n, (name, rec) in enumerate(entries):
        ctx = Ctx(name, rec, recs.problems)
        fw = parse_framework(ctx, rec)
        if fw is None or n in repeats:
            continue
        if fw.code == EQF_CODE:
            _check_eqf(ctx, fw)
        out[fw.code] = fw
    if EQF_CODE not in codes:
        out[EQF_CODE] = builtin_eqf()
        codes.add(EQF_CODE)
    return out, codes


def _check_eqf(ctx: Ctx, fw: Framework) -> None:
    shape = [(lvl.code, lvl.eqf) for lvl in fw.levels]
    if sorted(shape) != [(str(n), (n,)) for n in range(1, 9)]:
        ctx.bad("levels", 'the EQF must have levels "1".."8", each with eqf [its own number]')


def _keyed(
    recs: _Records, lst: str, what: str, parse: Callable[[Ctx, Mapping[object, object]], T | None]
) -> tuple[dict[str, T], set[str]]:
    entries = recs.by_list[lst]
    ids, repeats = _declared(entries, "id", what, recs.problems)
    out: dict[str, T] = {}
    for n, (name, rec) in enumerate(entries):
        ctx = Ctx(name, rec, recs.problems)
        value = parse(ctx, rec)
        if value is not None and n not in repeats and ctx.id is not None:
            out[ctx.id] = value
    return out, ids


def _credentials(recs: _Records, known: Known, repeats: set[int]) -> dict[str, Credential]:
    out: dict[str, Credential] = {}
    where: dict[str, Ctx] = {}
    # cycles are looked for among every record, also those rejected for other reasons
    needs: dict[str, tuple[str, ...]] = {}
    prerequisites: dict[str, tuple[str, ...]] = {}
    outcome_owner: dict[str, str] = {}
    entries = recs.by_list["credentials"]
    for n, (name, rec) in enumerate(entries):
        ctx = Ctx(name, rec, recs.problems)
        cred = parse_credential(ctx, rec, known)
        # the record as read is let go once parsed: its memory is reused for the values
        # built next instead of holding every file's records to the end (issue 16's memory)
        entries[n] = (name, _EMPTY)
        ctx.record = _dependency_lines(rec)
        if n in repeats or ctx.id is None:
            continue
        where[ctx.id] = ctx
        needs[ctx.id] = _raw_prerequisites(rec, ctx.id)
        if cred is None:
            continue
        prerequisites[cred.id] = needs[cred.id]
        needs[cred.id] = dependencies(cred)
        for k, outcome in enumerate(cred.outcomes):
            owner = outcome_owner.setdefault(outcome.id, cred.id)
            if owner != cred.id:
                ctx.bad(f"outcomes[{k}].id", f"outcome id '{outcome.id}' is also used by '{owner}'")
        out[cred.id] = cred
    for cycle in prerequisite_cycles(needs):
        field = "prerequisites" if only_prerequisites(cycle, prerequisites) else "requirements"
        where[cycle[0]].bad(field, describe_cycle(cycle, prerequisites))
    return out


_EMPTY: Mapping[object, object] = LineDict()


def _dependency_lines(rec: Mapping[object, object]) -> LineDict | None:
    """What the checks after parsing need of a record: where it, its outcomes, its
    prerequisites and its requirements are written."""
    if not isinstance(rec, LineDict):
        return None
    keys = ("outcomes", "prerequisites", "requirements")
    return LineDict(rec.line, {k: rec.key_lines[k] for k in keys if k in rec.key_lines})


def dependencies(cred: Credential) -> tuple[str, ...]:
    """What a credential cannot be earned without: its prerequisites and what its rule names."""
    named = rule_credentials(cred.requirements) if cred.requirements else ()
    return tuple(dict.fromkeys([*cred.prerequisites, *named]))


def only_prerequisites(cycle: Sequence[str], prerequisites: Mapping[str, Sequence[str]]) -> bool:
    """True when every step of the cycle is a prerequisite (none is a requirement)."""
    return all(b in prerequisites.get(a, (b,)) for a, b in pairwise(cycle))


def describe_cycle(
    cycle: Sequence[str],
    prerequisites: Mapping[str, Sequence[str]] | None = None,
    most: int = 12,
) -> str:
    """The problem text naming a cycle (a -> b -> a), shortened in the middle when long.

    With `prerequisites` given, a cycle that passes through a requirement rule is named
    as such: no one could earn any credential on it.
    """
    kind = "prerequisite cycle"
    if prerequisites is not None and not only_prerequisites(cycle, prerequisites):
        kind = "cycle of requirements and prerequisites (none of these can ever be earned)"
    if len(cycle) > most:
        skipped = len(cycle) - most
        cycle = [*cycle[: most - 3], f"... ({skipped} more)", *cycle[-3:]]
    return f"{kind}: " + " -> ".join(cycle)


def _raw_prerequisites(rec: Mapping[object, object], ident: str) -> tuple[str, ...]:
    raw = rec.get("prerequisites")
    if not isinstance(raw, list):
        return ()
    # a self-prerequisite is reported by the record check already
    return tuple(p for p in raw if isinstance(p, str) and p != ident)


def prerequisite_cycles(prerequisites: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Cycles among prerequisites, each as ids with the first repeated at the end.

    An iterative depth-first search (no recursion limit on long chains): every
    back edge closes one cycle, so each knot of mutual prerequisites yields one or more.
    """
    done: set[str] = set()
    cycles: list[list[str]] = []
    for root in sorted(prerequisites):
        if root in done:
            continue
        path: list[str] = [root]
        on_path: dict[str, int] = {root: 0}
        todo = [iter(prerequisites[root])]
        while todo:
            step = next(todo[-1], None)
            if step is None:
                todo.pop()
                node = path.pop()
                del on_path[node]
                done.add(node)
            elif step in on_path:
                cycles.append([*path[on_path[step] :], step])
            elif step not in done and step in prerequisites:
                on_path[step] = len(path)
                path.append(step)
                todo.append(iter(prerequisites[step]))
    return cycles


def _recognitions(recs: _Records, credentials: Names) -> list[Recognition]:
    out: list[Recognition] = []
    first: dict[tuple[str, str], Ctx] = {}
    for name, rec in recs.by_list["recognitions"]:
        ctx = Ctx(name, rec, recs.problems)
        recognition = parse_recognition(ctx, rec, credentials)
        if recognition is None:
            continue
        pair = (recognition.from_id, recognition.to_id)
        if pair in first:
            again = f"duplicate recognition {pair[0]} -> {pair[1]}"
            ctx.bad("to", f"{again}: already recorded at {_where(first[pair])}")
            continue
        first[pair] = ctx
        out.append(recognition)
    return out


def _warnings(recs: _Records) -> list[SeedProblem]:
    """Unknown keys that look like misspelt fields, in every record read."""
    found: list[SeedProblem] = []
    for lst, entries in recs.by_list.items():
        sort = LIST_SORTS[lst]
        for name, rec in entries:
            ident = rec.get("code" if sort == "framework" else "id")
            found += unknown_keys(name, sort, rec, ident if isinstance(ident, str) else None)
    return found


def check_dirs(dirs: Sequence[Path | str]) -> SeedReport:
    """Every problem and warning in the seed files under `dirs`, with the graph when valid."""
    paths = [Path(d) for d in dirs]
    recs = _read_all(paths)
    warnings = _warnings(recs)
    frameworks, codes = _frameworks(recs)
    providers, provider_ids = _keyed(recs, "providers", "provider id", parse_provider)
    skills, skill_ids = _keyed(recs, "skills", "skill id", parse_skill)
    cred_ids, repeats = _declared(recs.by_list["credentials"], "id", "credential id", recs.problems)
    credential_names = Names("a credential", cred_ids)
    known = Known(
        frameworks=frameworks,
        framework_codes=Names("a framework", codes),
        providers=Names("a provider", provider_ids),
        skills=Names("a skill", skill_ids),
        credentials=credential_names,
    )
    credentials = _credentials(recs, known, repeats)
    recognitions = _recognitions(recs, credential_names)
    rank = {name: n for n, name in enumerate(recs.files)}

    def in_files(found: list[SeedProblem]) -> tuple[SeedProblem, ...]:
        return tuple(sorted(found, key=lambda p: (rank.get(p.file, -1), p.line or 0)))

    problems = in_files(recs.problems)
    files = tuple(recs.files)
    if problems:
        return SeedReport(None, problems, in_files(warnings), files)
    graph = Graph(
        frameworks={fw.code: fw for fw in eqf_first(frameworks.values())},
        providers=providers,
        skills=skills,
        credentials=credentials,
        recognitions=tuple(recognitions),
    )
    return SeedReport(graph, (), in_files(warnings), files)


def load_dirs(dirs: Sequence[Path | str]) -> Graph:
    """The merged, validated graph of every seed file under `dirs`; raises SeedValidationError."""
    report = check_dirs(dirs)
    if report.graph is None:
        raise SeedValidationError(list(report.problems))
    return report.graph


def validate_dirs(dirs: Sequence[Path | str]) -> list[SeedProblem]:
    """Every problem in the seed files under `dirs`; empty when they load."""
    return list(check_dirs(dirs).problems)
