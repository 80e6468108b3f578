"""Benchmark: reading one ELM file of many credential specifications (JSON-LD expansion included).

Run: .venv/bin/python bench/bench_interop.py [--credentials 100] [--runs 30]

Writes the first N shipped credentials as ELM specifications into one @graph document
(the shape a register export has), then reads it N times with `read_document`
(bundled contexts, no network) and prints the file size and p50/p99 per read, with
the machine's load average (the machine may be shared).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

from pathways.interop.loader import ELM_CONTEXT, W3C_VC_V1
from pathways.interop.read import read_document
from pathways.interop.reading import DocumentFormat
from pathways.interop.writers import write_document
from pathways.interop.writers.common import facts_from_graph
from pathways.paths import shipped_seeds
from pathways.seeds import load_dirs


def elm_file(count: int) -> dict[str, object]:
    """One ELM @graph document of `count` shipped credentials."""
    graph = load_dirs([shipped_seeds()])
    creds = sorted(graph.credentials.values(), key=lambda c: c.id)[:count]
    nodes = []
    for cred in creds:
        doc = write_document(DocumentFormat.ELM, facts_from_graph(cred, graph))
        doc.pop("@context")
        nodes.append(doc)
    return {"@context": [W3C_VC_V1, ELM_CONTEXT], "@graph": nodes}


def main() -> None:
    """Build the file, read it `runs` times, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--credentials", type=int, default=100)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    doc = elm_file(args.credentials)
    text = json.dumps(doc)
    read_document(json.loads(text))  # contexts parsed and cached once, as in a server
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        reading = read_document(json.loads(text))
        times.append(time.perf_counter() - start)
    assert len(reading.credentials) == args.credentials
    times.sort()
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    print(
        f"ELM file: {args.credentials} credentials, {len(text) / 1024:.0f} KiB; "
        f"{args.runs} reads: p50 {statistics.median(times) * 1000:.0f} ms, "
        f"p99 {p99 * 1000:.0f} ms; load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
