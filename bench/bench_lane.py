"""Benchmark: what the heavy lane's worker processes cost per call beyond the work itself.

Run: .venv/bin/python bench/bench_lane.py [--n 5000] [--cases 40] [--seed 7]

Over bench/synth.py's graph of --n micro-credentials in a MemoryStore, takes the contexts
the heavy resolvers send (equivalents: a credential with its shortlist; stacking plans
with alternatives: a target's rule tree and prerequisite closure) and prints, per kind,
p50/p99 of the pickled size and of the time to pickle and unpickle a context and its
answer (the part of the transfer that runs in the server), and the call's wall time
through a thread and through a worker process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pathways.domain import budget, stacking
from pathways.domain import equivalence as eq
from pathways.domain.equivalence.model import DEFAULT_POLICY
from pathways.domain.equivalence.reach import Reach
from pathways.model import Graph, Objective
from pathways.store.memory import MemoryStore
from pathways.workers import ProcessWorkers, ThreadWorkers, Workers
from synth import synth_graph

Call = tuple[Callable[..., Any], tuple[Any, ...]]


def pct(xs: Sequence[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


async def cases(
    graph: Graph, store: MemoryStore, n: int, rng: random.Random
) -> dict[str, list[Call]]:
    """The heavy calls the API would send: equivalents and plans with five alternatives."""
    ids = sorted(graph.credentials)
    targets = sorted(c.id for c in graph.credentials.values() if c.requirements)
    out: dict[str, list[Call]] = {"equivalents": [], "plan+5 alternatives": []}
    for cid in rng.sample(ids, n):
        ctx = await store.equivalence_context(
            cid, None, DEFAULT_POLICY.shortlist_limit, Reach(0.3, 100)
        )
        out["equivalents"].append((eq.equivalents, (ctx, None, 0.3, 100)))
    for target in rng.sample(targets, min(n, len(targets))):
        ctx = await store.planning_context(target, rng.sample(ids, 2))
        out["plan+5 alternatives"].append((stacking.plan, (ctx, Objective.CREDITS, None, 5)))
    return out


async def through(workers: Workers, calls: list[Call]) -> list[float]:
    """Wall seconds of each call through `workers`."""
    times = []
    for fn, args in calls:
        started = time.perf_counter()
        await workers.call(budget.Deadline.after(1.0), fn, args, {})
        times.append(time.perf_counter() - started)
    return times


def transfer(calls: list[Call]) -> tuple[list[int], list[float]]:
    """Pickled bytes of each call and its answer, and the seconds to pickle and unpickle both."""
    sizes, seconds = [], []
    for fn, args in calls:
        answer = fn(*args)
        started = time.perf_counter()
        there = ForkingPickler.dumps((fn, args))
        back = ForkingPickler.dumps(answer)
        ForkingPickler.loads(there)
        ForkingPickler.loads(back)
        seconds.append(time.perf_counter() - started)
        sizes.append(len(there) + len(back))
    return sizes, seconds


async def main() -> None:
    """Build the graph and the calls, then measure."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=5000)
    p.add_argument("--cases", type=int, default=40)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    graph = synth_graph(a.n, max(10, a.n // 40), a.seed)
    store = MemoryStore(graph)
    every = await cases(graph, store, a.cases, random.Random(a.seed))
    print(f"graph: {len(graph.credentials)} credentials; load average {os.getloadavg()}")
    threads, processes = ThreadWorkers(1), ProcessWorkers(1)
    processes.warm()
    try:
        for kind, calls in every.items():
            sizes, seconds = transfer(calls)
            in_thread = await through(threads, calls)
            in_process = await through(processes, calls)
            print(
                f"{kind:22s} n={len(calls)} pickled KB p50/p99 "
                f"{pct(sizes, 50) / 1024:.1f}/{pct(sizes, 99) / 1024:.1f}  "
                f"(un)pickle ms {pct(seconds, 50) * 1e3:.2f}/{pct(seconds, 99) * 1e3:.2f}  "
                f"thread ms {pct(in_thread, 50) * 1e3:.1f}/{pct(in_thread, 99) * 1e3:.1f}  "
                f"process ms {pct(in_process, 50) * 1e3:.1f}/{pct(in_process, 99) * 1e3:.1f}"
            )
    finally:
        threads.close()
        processes.close()


if __name__ == "__main__":
    asyncio.run(main())
