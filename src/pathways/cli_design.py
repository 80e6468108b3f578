"""`pathways check-design FILE`: the design check of draft credentials, as a readable report."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pathways.quality_service import DesignResult, QualityService
from pathways.seeds.reader import read_file
from pathways.service import Service

_MARK = {"MET": "+", "PARTLY_MET": "~", "NOT_MET": "-", "NEEDS_REVIEW": "?"}


def add_parser(sub: Any, seeds_arg: Any, backend_arg: Any) -> None:
    """Register the check-design command on the `pathways` parser."""
    p = sub.add_parser(
        "check-design",
        help="check draft credentials before publishing: problems, Annex I, principles, "
        "matches abroad (nothing is stored)",
    )
    seeds_arg(p)
    backend_arg(p)
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="a YAML or JSON file holding one credential, or a seed file with `credentials:`",
    )


def drafts_in(data: object) -> list[Mapping[str, object]] | None:
    """The credential records a file holds: its `credentials` list, or the file itself."""
    if isinstance(data, Mapping) and "credentials" in data:
        found = data["credentials"]
        if isinstance(found, list) and all(isinstance(c, Mapping) for c in found) and found:
            return list(found)
        return None
    return [data] if isinstance(data, Mapping) else None


def render(result: DesignResult) -> str:
    """A design check as text a person reads top to bottom."""
    cred = result.credential
    lines = [f"Design check of '{cred.title or '(no title)'}' ({cred.id}), {cred.country or '?'}"]
    if result.problems:
        lines.append(f"Would not load: {len(result.problems)} problem(s)")
        lines.extend(f"  ! {p}" for p in result.problems)
    else:
        lines.append("Would load: no validation problems.")
    annex = result.annex
    lines.append(f"Annex I elements: score {annex.score:.2f} of 1")
    if annex.missing:
        lines.append("  missing: " + ", ".join(annex.missing))
    lines.extend(f"  warning: {w}" for w in annex.warnings)
    lines.append("Principles (Annex II):  + met  ~ partly met  - not met  ? needs a person")
    for check in result.principles.checks:
        status = check.status.value
        lines.append(f"  {_MARK[status]} {check.principle.value} ({status})")
        lines.extend(f"      {e}" for e in check.evidence)
        lines.extend(f"      -> {a}" for a in check.advice)
    if result.comparable:
        lines.append("Closest credentials abroad:")
        for n, m in enumerate(result.comparable, 1):
            c = m.credential
            lines.append(f"  {n}. {c.id} ({c.country}) '{c.title}': score {m.score:.2f}")
            lines.extend(f"       {d}" for d in m.substantial_differences)
    else:
        lines.append("Closest credentials abroad: none found.")
    return "\n".join(lines)


def cmd_check_design(args: argparse.Namespace, open_store: Any, settings: Any) -> int:
    """Print the design check of each draft in the file; 1 when any would not load."""
    data, errors = read_file(args.file)
    if errors:
        for err in errors:
            where = f"{args.file}:{err.line}" if err.line else str(args.file)
            print(f"{where}: {err.problem}", file=sys.stderr)
        return 2
    drafts = drafts_in(data)
    if drafts is None:
        print(
            f"{args.file}: expected a credential (a mapping with id, kind, title, country) "
            "or a seed file with a non-empty `credentials` list",
            file=sys.stderr,
        )
        return 2

    async def go() -> list[DesignResult]:
        store = await open_store(settings(args), strict=True)
        service = Service(store)
        try:
            checker = QualityService(service)
            return [await checker.design_check(d) for d in drafts]
        finally:
            service.close()
            await store.close()

    results = asyncio.run(go())
    print("\n\n".join(render(r) for r in results))
    return 1 if any(r.problems for r in results) else 0
