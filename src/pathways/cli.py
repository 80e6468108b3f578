"""The `pathways` command: serve, validate, query, load, import, export."""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pathways import cli_design
from pathways.api.limits import MAX_REQUEST_HEAD
from pathways.config import Settings
from pathways.errors import (
    BadUserInput,
    PathwaysError,
    SeedProblem,
    SeedValidationError,
    StoreUnavailable,
)
from pathways.interop import cli as interop_cli
from pathways.paths import shipped_seeds
from pathways.seeds.fields import UNDECLARED
from pathways.seeds.reader import SEED_SUFFIXES, enclosing_seed_set, seed_files
from pathways.service import Service
from pathways.store.base import Store
from pathways.wording import counted

_DEFAULT_DIR = Path("<default data directory>")
"""What a bare --data-dir stands for until the seed set is known."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pathways", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the graph over GraphQL (default: shipped graph)")
    _seeds_arg(serve)
    _backend_arg(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1 only)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument(
        "--data-dir",
        type=Path,
        nargs="?",
        const=_DEFAULT_DIR,
        metavar="DIR",
        help="journal acknowledged writes in DIR and replay them at start; alone: a directory "
        "per seed set under $XDG_DATA_HOME/pathways (~/.local/share/pathways). "
        "Default: writes live in memory only",
    )
    serve.add_argument(
        "--heavy-lane",
        default="processes",
        choices=["processes", "threads"],
        help="where plans and equivalence are computed: worker processes at a lower priority, "
        "so light requests keep answering, or threads of the server (default: processes)",
    )
    serve.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="least severe log messages written to stderr (default: info)",
    )

    validate = sub.add_parser("validate", help="check seed directories; exit 1 with every error")
    _dirs_arg(validate, "seed directories, checked as one graph")
    validate.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (such as a misspelt field name) as errors (default: off)",
    )

    query = sub.add_parser("query", help="run one GraphQL document in-process, print JSON")
    _seeds_arg(query)
    _backend_arg(query)
    query.add_argument("document", help="the GraphQL document, a path to a file, or - for stdin")
    query.add_argument(
        "--variables", default=None, help="variables as a JSON object (default: none)"
    )

    load = sub.add_parser("load", help="validate seed directories and write them into Neo4j")
    load.add_argument(
        "--backend",
        choices=["neo4j"],
        default="neo4j",
        help="the database to write into; only neo4j holds a graph beyond one process "
        "(default: neo4j, configured by NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)",
    )
    _dirs_arg(load, "seed directories, loaded as one graph")
    load.add_argument(
        "--replace",
        action="store_true",
        help="replace what the database holds (default: refuse a database that holds a graph)",
    )
    interop_cli.add_commands(sub)
    cli_design.add_parser(sub, _seeds_arg, _backend_arg)
    return p


def _dirs_arg(p: argparse.ArgumentParser, help: str) -> None:
    p.add_argument("dirs", nargs="+", type=Path, metavar="DIR", help=help)


def _seeds_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--seeds",
        action="append",
        type=Path,
        metavar="DIR",
        help="seed directory (repeat to merge several; default: the shipped graph_seeds/)",
    )


def _backend_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--backend",
        choices=["memory", "neo4j"],
        default=None,
        help="memory: the seed graph in this process; neo4j: the database NEO4J_URI names "
        "(default: $PATHWAYS_BACKEND, else memory)",
    )


def _print_problems(problems: Sequence[SeedProblem], what: str = "problem") -> None:
    print(f"{counted(len(problems), what)} found:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


async def open_store(settings: Settings, *, strict: bool = False) -> Store:
    """The configured store, opened, with the seed graph loaded when embedded.

    With `strict`, a Neo4j that does not answer is StoreUnavailable at once.
    """
    if settings.backend == "neo4j":
        from pathways.store.neo4j import Neo4jStore

        neo = Neo4jStore.from_env()
        await neo.open(strict=strict)
        return neo
    from pathways.seeds import load_dirs
    from pathways.store.memory import MemoryStore

    graph = load_dirs(list(settings.seeds))
    if settings.data_dir is not None:
        from pathways.store.journal import JournaledStore

        journaled: Store = JournaledStore(graph, settings.data_dir)
        await journaled.open()
        return journaled
    store = MemoryStore(graph)
    await store.open()
    return store


def _settings(args: argparse.Namespace) -> Settings:
    seeds = tuple(args.seeds) if getattr(args, "seeds", None) else (shipped_seeds(),)
    return Settings.from_env(
        seeds=seeds,
        backend=getattr(args, "backend", None),
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
        data_dir=getattr(args, "data_dir", None),
    )


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate directories; 0 when valid (and, with --strict, free of warnings)."""
    from pathways.seeds import check_dirs

    for d in args.dirs:
        if not d.is_dir():
            print(f"{d}: not a directory", file=sys.stderr)
            return 2
        if not seed_files(d):
            suffixes = ", ".join(SEED_SUFFIXES)
            print(f"{d}: no seed files ({suffixes}) in it or below it", file=sys.stderr)
            return 2
    report = check_dirs(list(args.dirs))
    problems = list(report.problems)
    if args.strict:
        problems += report.warnings
    elif report.warnings:
        _print_problems(report.warnings, "warning")
    if problems:
        _print_problems(problems)
        if any(UNDECLARED in p.problem for p in report.problems):
            _hint_seed_set(args.dirs)
        return 1
    graph = report.graph
    assert graph is not None
    print(
        f"valid: {counted(len(graph.frameworks), 'framework')}, "
        f"{counted(len(graph.providers), 'provider')}, {counted(len(graph.skills), 'skill')}, "
        f"{counted(len(graph.credentials), 'credential')}, "
        f"{counted(len(graph.recognitions), 'recognition')}"
    )
    return 0


def _hint_seed_set(dirs: Sequence[Path]) -> None:
    """One line per directory that is part of a larger seed set, naming the whole set."""
    for d in dirs:
        if (whole := enclosing_seed_set(d)) is not None:
            print(
                f"hint: {d} is part of the seed set {whole}; validate {whole} to check "
                "references between all of its files",
                file=sys.stderr,
            )


def _read_document(arg: str) -> str:
    if arg == "-":
        return sys.stdin.read()
    if "{" in arg:
        return arg
    path = Path(arg)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BadUserInput(f"{arg}: not a GraphQL document, nor a readable file ({exc}).") from exc


@functools.cache
def _schema() -> Any:
    from pathways.api.schema import build_schema

    return build_schema()


async def run_query(service: Service, document: str, variables: dict[str, Any] | None) -> Any:
    """Execute one document against the schema, as the HTTP endpoint would."""
    from pathways.api.context import Context

    result = await _schema().execute(
        document, variable_values=variables, context_value=Context(service=service)
    )
    out: dict[str, Any] = {"data": result.data}
    if result.errors:
        out["errors"] = [e.formatted for e in result.errors]
    return out


def cmd_query(args: argparse.Namespace) -> int:
    """Run one document, print the JSON result; 1 when it has errors."""
    try:
        variables = json.loads(args.variables) if args.variables else None
    except json.JSONDecodeError as exc:
        print(f"--variables is not valid JSON: {exc}", file=sys.stderr)
        return 2
    if variables is not None and not isinstance(variables, dict):
        print("--variables must be a JSON object", file=sys.stderr)
        return 2
    document = _read_document(args.document)

    async def go() -> Any:
        store = await open_store(_settings(args), strict=True)
        try:
            return await run_query(Service(store), document, variables)
        finally:
            await store.close()

    out = asyncio.run(go())
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 1 if out.get("errors") else 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve over HTTP until interrupted."""
    import uvicorn

    from pathways.api.auth import ApiKeys
    from pathways.api.observability import configure_logging
    from pathways.app import create_app
    from pathways.serving import tune_interpreter

    configure_logging(args.log_level)
    settings = _serve_settings(args)
    keys = ApiKeys.parse(settings.api_keys)
    store = asyncio.run(_prepare(settings))
    if settings.backend == "neo4j":
        from pathways.store.neo4j.store import WARM_UP_WAIT_S, Neo4jStore

        if isinstance(store, Neo4jStore):
            store.ready_wait_s = WARM_UP_WAIT_S  # the lifespan's open() takes requests once warm
    workers = tune_interpreter()
    service = Service(store, heavy_workers=workers, heavy_processes=args.heavy_lane == "processes")
    service.start_heavy()  # the workers start now, not on the first plan asked
    app = create_app(service, keys)
    # The loaded graph lives as long as the process: keeping it out of the cyclic
    # collector spares every request a full collection walking it (100+ ms at 20k).
    gc.collect()
    gc.freeze()
    # our JSON request lines replace uvicorn's access log
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level=args.log_level,
        access_log=False,
        # h11 drops a request line over 16 KiB with a bare 400 and a reset connection;
        # up to MAX_REQUEST_HEAD the view answers instead (413 past MAX_BODY_BYTES)
        h11_max_incomplete_event_size=MAX_REQUEST_HEAD,
    )
    return 0


def _serve_settings(args: argparse.Namespace) -> Settings:
    """Settings for serve: a journal only when asked for, since `--seeds DIR` serves exactly DIR."""
    from dataclasses import replace

    from pathways.config import DEFAULT_DATA_DIR
    from pathways.store.journal import default_data_dir

    settings = _settings(args)
    if settings.backend == "neo4j":
        return replace(settings, data_dir=None)  # the database is durable by itself
    if settings.data_dir == _DEFAULT_DIR:
        return replace(
            settings, data_dir=default_data_dir(DEFAULT_DATA_DIR, settings.seeds, shipped_seeds())
        )
    if settings.data_dir is None:
        print(
            "pathways: writes are kept in memory only and lost at exit; "
            "use --data-dir to journal them",
            file=sys.stderr,
        )
    return settings


async def _prepare(settings: Settings) -> Store:
    store = await open_store(settings)
    await store.close()  # the app's lifespan reopens it on the server's loop
    return store


def cmd_load(args: argparse.Namespace) -> int:
    """Validate, then write a graph into the database in one transaction."""
    from pathways.seeds import load_dirs
    from pathways.store.neo4j import Neo4jStore

    graph = load_dirs(list(args.dirs))

    async def go() -> None:
        store = Neo4jStore.from_env()
        await store.open(strict=True)
        try:
            await store.load_graph(graph, replace=args.replace, progress=_progress)
        finally:
            await store.close()

    asyncio.run(go())
    print(
        f"loaded {counted(len(graph.credentials), 'credential')}, "
        f"{counted(len(graph.recognitions), 'recognition')}"
    )
    return 0


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `pathways` console script."""
    args = _parser().parse_args(argv)
    handlers = {
        "serve": cmd_serve,
        "validate": cmd_validate,
        "query": cmd_query,
        "load": cmd_load,
        "import": interop_cli.cmd_import,
        "export": interop_cli.cmd_export,
    }
    handlers["check-design"] = functools.partial(
        cli_design.cmd_check_design, open_store=open_store, settings=_settings
    )
    try:
        return handlers[args.command](args)
    except SeedValidationError as err:
        _print_problems(err.problems)
        return 1
    except StoreUnavailable as err:
        print(f"pathways {args.command}: {err.message}", file=sys.stderr)
        return 1
    except PathwaysError as err:
        print(f"{err.code}: {err.message}", file=sys.stderr)
        return 1
