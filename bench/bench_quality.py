"""principlesReport, providerQuality and designCheck over the shipped graph, in process.

Runs each operation through the schema (as `pathways query` does) on the embedded
store: principlesReport for every credential, providerQuality for every provider, and
designCheck for drafts copied from shipped credentials under new ids.  Prints p50/p99
per operation in milliseconds.

    .venv/bin/python bench/bench_quality.py [--drafts N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from typing import Any

from pathways.cli import run_query
from pathways.paths import shipped_seeds
from pathways.seeds import load_dirs
from pathways.seeds.dump import credential_record
from pathways.service import Service
from pathways.store.memory import MemoryStore

REPORT = "query($id: ID!) { principlesReport(credential: $id) { checks { status evidence } } }"
PROVIDER = "query($id: ID!) { providerQuality(provider: $id) { credentials complete } }"
DESIGN = """query($input: CredentialInput!) { designCheck(input: $input) {
  problems principles { checks { status } } comparableAbroad { score } } }"""

_CAMEL = {"quality_assurance": "qualityAssurance", "valid_from": "validFrom"}


def _percentiles(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return f"n={len(ms)} p50={statistics.median(ms):.1f} ms p99={p99:.1f} ms"


def _draft(record: dict[str, Any], n: int) -> dict[str, Any]:
    draft = {_CAMEL.get(k, k): v for k, v in record.items() if k not in {"requirements"}}
    draft = {k: v for k, v in draft.items() if k != "valid_until"}
    draft["id"] = f"bench-draft-{n}"
    outcomes = draft["outcomes"]
    draft["outcomes"] = [{"text": o["text"], "skills": o.get("skills", [])} for o in outcomes]
    return {k: v for k, v in draft.items() if k in _INPUT_KEYS}


_INPUT_KEYS = {
    "id", "kind", "title", "country", "language", "provider", "level", "ects", "hours",
    "assessment", "participation", "qualityAssurance", "validFrom", "outcomes", "prerequisites",
}  # fmt: skip


async def _timed(service: Service, doc: str, variables: dict[str, Any]) -> float:
    start = time.perf_counter()
    out = await run_query(service, doc, variables)
    took = time.perf_counter() - start
    if out.get("errors"):
        raise SystemExit(f"error: {out['errors'][0]['message']}")
    return took


async def main(drafts: int) -> None:
    graph = load_dirs([shipped_seeds()])
    service = Service(MemoryStore(graph))
    print(f"shipped graph: {len(graph.credentials)} credentials, {len(graph.providers)} providers")
    for name, doc, ids in (
        ("principlesReport", REPORT, sorted(graph.credentials)),
        ("providerQuality", PROVIDER, sorted(graph.providers)),
    ):
        times = [await _timed(service, doc, {"id": i}) for i in ids]
        print(f"{name}: {_percentiles(times)}")
    records = [credential_record(c) for c in sorted(graph.credentials.values(), key=lambda c: c.id)]
    times = [
        await _timed(service, DESIGN, {"input": _draft(dict(r), n)})
        for n, r in enumerate(records[:drafts])
    ]
    print(f"designCheck: {_percentiles(times)}")
    service.close()
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=40, help="design checks to time (default 40)")
    asyncio.run(main(parser.parse_args().drafts))
