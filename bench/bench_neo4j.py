"""Benchmark: Neo4j against the embedded store at 20,000 micro-credentials, in one run.

Run: .venv/bin/python bench/bench_neo4j.py [--micro 20000] [--cases 200] [--uri bolt://...]

Without --uri it starts scripts/neo4j-local on a free port in a temporary directory
(and stops it at the end).  Prints the load rate (nodes and relationships per second)
of one-transaction `load_graph`, the embedded store's build time, and p50/p99 of
Service.stacking_plan and Service.equivalents on both stores over the same cases.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pathways.model import Graph, Objective
from pathways.service import Service
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore, codec
from synth import synth_graph


def graph_size(graph: Graph) -> tuple[int, int]:
    """Nodes and relationships the Neo4j store writes for a graph."""
    tokens: set[str] = set()
    rels = 0
    for cred in graph.credentials.values():
        for kind, pairs in codec.links(cred).items():
            rels += len(pairs)
            if kind == "tokens":
                tokens.update(t for _c, t in pairs)
    levels = sum(len(f.levels) for f in graph.frameworks.values())
    nodes = (
        len(graph.frameworks)
        + levels
        + len(graph.providers)
        + len(graph.skills)
        + len(graph.credentials)
        + len(tokens)
    )
    rels += levels + 2 * len(graph.recognitions)  # HAS_LEVEL; RECOGNISED_AS and its mirror
    return nodes, rels


def pct(xs: Sequence[float], q: float) -> float:
    """The q-quantile of xs (nearest rank)."""
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def timed(calls: Sequence[Callable[[], Awaitable[object]]]) -> list[float]:
    """Milliseconds per call, after one warm-up pass over the first few."""
    for call in calls[:5]:
        await call()
    out = []
    for call in calls:
        t = time.perf_counter()
        await call()
        out.append((time.perf_counter() - t) * 1000)
    return out


async def run(args: argparse.Namespace, uri: str) -> None:
    """Load, then time the two questions on both stores."""
    t = time.perf_counter()
    graph = synth_graph(args.micro, args.quals, args.seed)
    print(
        f"data: {len(graph.credentials)} credentials, {len(graph.recognitions)} recognitions "
        f"(generated in {time.perf_counter() - t:.1f} s)"
    )

    t = time.perf_counter()
    memory = MemoryStore(graph)
    print(f"embedded: built in {time.perf_counter() - t:.1f} s")

    neo = Neo4jStore(uri)
    await neo.open()
    nodes, rels = graph_size(graph)
    t = time.perf_counter()
    await neo.load_graph(graph, replace=True)
    load_s = time.perf_counter() - t
    print(
        f"neo4j load: {nodes} nodes, {rels} relationships in {load_s:.1f} s, one transaction "
        f"({nodes / load_s:,.0f} nodes/s, {rels / load_s:,.0f} relationships/s)"
    )

    rng = random.Random(args.seed)
    ids = sorted(graph.credentials)
    quals = sorted(c.id for c in graph.credentials.values() if c.requirements)
    eq_ids = rng.sample(ids, min(args.cases, len(ids)))
    plans = [(rng.choice(quals), rng.sample(ids, rng.randint(0, 3))) for _ in range(args.cases)]
    for name, store in (("embedded", memory), ("neo4j", neo)):
        svc = Service(store)
        eq_ms = await timed(
            [lambda i=i, s=svc: s.equivalents(i, None, 0.0, 10) for i in eq_ids]  # type: ignore[misc]
        )
        plan_ms = await timed(
            [
                lambda t=t, h=h, s=svc: s.stacking_plan(t, h, Objective.CREDITS, None, 0)  # type: ignore[misc]
                for t, h in plans
            ]
        )
        for label, ms in (("equivalents", eq_ms), ("stackingPlan", plan_ms)):
            print(
                f"{name:8s} {label:12s} p50 {statistics.median(ms):7.1f} ms  "
                f"p99 {pct(ms, 0.99):7.1f} ms  (n={len(ms)})"
            )
    for name, store in (("embedded", memory), ("neo4j", neo)):
        # Service validates every write against a snapshot: this is its floor per write.
        for label in ("snapshot", "again"):
            t = time.perf_counter()
            await store.snapshot()
            print(f"{name:8s} {label:12s} {(time.perf_counter() - t) * 1000:7.1f} ms")
    await neo.close()


def main() -> None:
    """Parse arguments, start a local Neo4j unless given one, run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--micro", type=int, default=20_000)
    parser.add_argument("--quals", type=int, default=500)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--uri", default=None, help="an existing Neo4j (it is wiped)")
    args = parser.parse_args()
    if args.uri:
        asyncio.run(run(args, args.uri))
        return
    from tests.neo4j_server import start_local_neo4j

    with tempfile.TemporaryDirectory(prefix="bench-neo4j-") as tmp:
        t = time.perf_counter()
        server = start_local_neo4j(Path(tmp))
        print(f"scripts/neo4j-local ready in {time.perf_counter() - t:.1f} s at {server.uri}")
        try:
            asyncio.run(run(args, server.uri))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
