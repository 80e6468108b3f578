"""`pathways import` (documents into a seed directory) and `pathways export` (as documents)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from pathways.errors import BadUserInput, NotFound
from pathways.interop.read import read_document
from pathways.interop.reading import DocumentFormat, Reading
from pathways.interop.service import check_size
from pathways.interop.writers import write_document
from pathways.interop.writers.common import facts_from_graph
from pathways.interop.writers.ctdl import transfer_values
from pathways.model import Credential, Graph, Provider, Skill
from pathways.paths import shipped_seeds
from pathways.seeds import load_dirs, validate_dirs
from pathways.seeds.dump import credential_record

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Largest document file `pathways import` reads (a register export of many credentials)."""


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The import and export subcommands."""
    imp = sub.add_parser(
        "import", help="read ELM, OB3 or CTDL documents into a seed directory pathways validates"
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help="JSON-LD documents")
    imp.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="seed directory to write (no default: required)",
    )
    _add_format(imp, "the documents' format (default: detected from each document's @context)")
    _add_seeds(
        imp,
        "seed directories the output joins: their frameworks resolve national levels and "
        "their providers and skills are not declared again; validate them together with DIR "
        "(default: none, and DIR validates alone)",
    )
    exp = sub.add_parser("export", help="write credentials as ELM, OB3 or CTDL documents (JSON)")
    exp.add_argument("ids", nargs="+", metavar="ID", help="credential ids")
    _add_format(exp, "the documents' format (no default: required)", required=True)
    _add_seeds(exp, "seed directory (repeat to merge several; default: the shipped graph_seeds/)")
    exp.add_argument(
        "--recognitions",
        action="store_true",
        help="also the decisions recorded from these credentials, as CTDL TransferValueProfiles "
        "(default: off; needs --format ctdl)",
    )


def _add_format(parser: argparse.ArgumentParser, help_text: str, required: bool = False) -> None:
    """--format, one of the document formats read and written, in lower case."""
    parser.add_argument(
        "--format",
        choices=[f.value.lower() for f in DocumentFormat],
        required=required,
        default=None,
        help=help_text,
    )


def _add_seeds(parser: argparse.ArgumentParser, help_text: str) -> None:
    """--seeds DIR, repeatable: the seed directories a command reads."""
    parser.add_argument("--seeds", action="append", type=Path, metavar="DIR", help=help_text)


def _load_file(path: Path) -> object:
    if not path.is_file():
        raise BadUserInput(f"{path}: not a file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise BadUserInput(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; not read")
    try:
        data: object = json.loads(path.read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadUserInput(f"{path}: not JSON ({exc})") from exc
    check_size(data)
    return data


def cmd_import(args: argparse.Namespace, shipped: Path | None = None) -> int:
    """Read documents and write one seed directory; 1 when any document cannot be read."""
    base = load_dirs(list(args.seeds)) if args.seeds else None
    fmt = DocumentFormat(args.format.upper()) if args.format else None
    readings: list[tuple[Path, Reading]] = []
    failed = 0
    for path in args.files:
        try:
            doc = _load_file(path)
            reading = read_document(
                doc,
                fmt,
                base.frameworks if base else {},
                base.providers if base else None,
            )
        except BadUserInput as err:
            print(f"{path}: {err.message}", file=sys.stderr)
            failed += 1
            continue
        readings.append((path, reading))
        for line in reading.warnings:
            print(f"{path}: not mapped: {line}", file=sys.stderr)
    if failed:
        print(
            f"{failed} of {len(args.files)} documents could not be read; nothing written",
            file=sys.stderr,
        )
        return 1
    written = _write(args.out, readings, base)
    dirs = [*(args.seeds or []), args.out]
    problems = validate_dirs(dirs)
    if problems:
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(
        f"wrote {written[0]} credentials, {written[1]} providers and {written[2]} skills to "
        f"{args.out}; `pathways validate {' '.join(str(d) for d in dirs)}` accepts them"
    )
    return 0


def _write(
    out: Path, readings: Sequence[tuple[Path, Reading]], base: Graph | None
) -> tuple[int, int, int]:
    providers: dict[str, Provider] = {}
    skills: dict[str, Skill] = {}
    seen: set[str] = set()
    (out / "credentials").mkdir(parents=True, exist_ok=True)
    count = 0
    for path, reading in readings:
        creds: list[Credential] = []
        for cred in reading.credentials:
            if cred.id in seen or (base is not None and cred.id in base.credentials):
                print(f"{path}: '{cred.id}' is already described; skipped", file=sys.stderr)
                continue
            seen.add(cred.id)
            creds.append(cred)
        for prov in reading.providers:
            if base is None or prov.id not in base.providers:
                providers.setdefault(prov.id, prov)
        for skill in reading.skills:
            if base is None or skill.id not in base.skills:
                skills.setdefault(skill.id, skill)
        if creds:
            _dump(
                out / "credentials" / f"{path.stem}.yaml",
                {"credentials": [credential_record(c) for c in creds]},
            )
            count += len(creds)
    if providers:
        _dump(
            out / "providers.yaml",
            {
                "providers": [
                    {"id": p.id, "name": p.name, "country": p.country} for p in providers.values()
                ]
            },
        )
    if skills:
        _dump(
            out / "skills.yaml",
            {"skills": [{"id": s.id, "labels": dict(s.labels)} for s in skills.values()]},
        )
    return count, len(providers), len(skills)


def _dump(path: Path, data: dict[str, object]) -> None:
    header = "# Written by `pathways import` from ELM, OB3 or CTDL documents.\n"
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(header + text, "utf-8")


def cmd_export(args: argparse.Namespace, shipped: Path | None = None) -> int:
    """Print the credentials as documents: one document, or a JSON list of several."""
    fmt = DocumentFormat(args.format.upper())
    if args.recognitions and fmt is not DocumentFormat.CTDL:
        raise BadUserInput("--recognitions exports CTDL TransferValueProfiles: use --format ctdl")
    graph = load_dirs(list(args.seeds) if args.seeds else [shipped or shipped_seeds()])
    docs: list[dict[str, object]] = []
    for ident in args.ids:
        cred = graph.credentials.get(ident)
        if cred is None:
            raise NotFound(f"No credential with id '{ident}'.", id=ident)
        docs.append(write_document(fmt, facts_from_graph(cred, graph)))
    if args.recognitions:
        wanted = set(args.ids)
        recs = [r for r in graph.recognitions if r.from_id in wanted]
        docs.append(transfer_values(recs, graph.credentials))
    out = docs[0] if len(docs) == 1 else docs
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
