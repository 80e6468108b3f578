"""Where a Neo4j `equivalents` or `stackingPlan` spends its time, in-process.

Run: .venv/bin/python bench/profile_neo4j.py --uri bolt://127.0.0.1:7687 [--load] [--micro 20000]

Against a running Neo4j (`--load` wipes it and loads the synthetic graph first), it
times Service.equivalents and Service.stacking_plan on both stores over the same
cases (p50/p99), then splits the Neo4j side: the server's own time (the result
summary's available-after and consumed-after), the rest of the round trip (Bolt and
the driver's decoding), and what our code does after (conversion and the domain),
with the top functions of a profile.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import pstats
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neo4j import AsyncManagedTransaction, AsyncResult, AsyncSession, AsyncTransaction

from bench_neo4j import timed
from pathways.model import Objective
from pathways.service import Service
from pathways.store.memory import MemoryStore
from pathways.store.neo4j import Neo4jStore
from synth import synth_graph

Call = Callable[[], Awaitable[object]]


def pct(xs: Sequence[float], q: float) -> float:
    """The q-quantile of xs (nearest rank)."""
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Clock:
    """Server and round-trip milliseconds of every query run while it is installed."""

    def __init__(self) -> None:
        self.server = 0.0
        self.trip = 0.0
        self._orig_data = AsyncResult.data
        self._orig_single = AsyncResult.single
        self._runners = (AsyncSession, AsyncTransaction, AsyncManagedTransaction)
        # (own run or None when inherited, the run in effect)
        self._orig_run: dict[type, tuple[Any, Any]] = {
            cls: (cls.__dict__.get("run"), cls.run) for cls in self._runners
        }

    def install(self) -> None:
        """Wrap run, AsyncResult.data and .single to time the round trip and read the summary."""
        clock = self
        for cls in self._runners:

            def make(orig: Any) -> Any:
                async def run(self: Any, *args: Any, **kwargs: Any) -> Any:
                    t = time.perf_counter()
                    try:
                        return await orig(self, *args, **kwargs)
                    finally:
                        clock.trip += (time.perf_counter() - t) * 1000

                return run

            cls.run = make(self._orig_run[cls][1])  # type: ignore[method-assign]

        async def data(result: AsyncResult, *keys: Any) -> Any:
            t = time.perf_counter()
            out = await clock._orig_data(result, *keys)
            summary = await result.consume()
            clock.trip += (time.perf_counter() - t) * 1000
            clock.server += (summary.result_available_after or 0) + (
                summary.result_consumed_after or 0
            )
            return out

        async def single(result: AsyncResult, strict: bool = False) -> Any:
            t = time.perf_counter()
            out = await clock._orig_single(result, strict)
            summary = await result.consume()
            clock.trip += (time.perf_counter() - t) * 1000
            clock.server += (summary.result_available_after or 0) + (
                summary.result_consumed_after or 0
            )
            return out

        AsyncResult.data = data  # type: ignore[method-assign,assignment]
        AsyncResult.single = single  # type: ignore[method-assign,assignment]

    def remove(self) -> None:
        """Put the driver back as it was."""
        AsyncResult.data = self._orig_data  # type: ignore[method-assign]
        AsyncResult.single = self._orig_single  # type: ignore[method-assign]
        for cls, (own, _in_effect) in self._orig_run.items():
            if own is None:
                delattr(cls, "run")  # inherited: fall back to the base class's again
            else:
                cls.run = own  # type: ignore[method-assign]


async def run(args: argparse.Namespace) -> None:
    """Time both questions on both stores, then split the Neo4j time."""
    graph = synth_graph(args.micro, args.quals, args.seed)
    memory = MemoryStore(graph)
    gc.collect()
    gc.freeze()
    neo = Neo4jStore(args.uri)
    await neo.open()
    if args.load:
        t = time.perf_counter()
        await neo.load_graph(graph, replace=True)
        print(f"loaded {len(graph.credentials)} credentials in {time.perf_counter() - t:.1f} s")
    rng = random.Random(args.seed)
    ids = sorted(graph.credentials)
    quals = sorted(c.id for c in graph.credentials.values() if c.requirements)
    eq_ids = rng.sample(ids, min(args.cases, len(ids)))
    plans = [(rng.choice(quals), rng.sample(ids, rng.randint(0, 3))) for _ in range(args.cases)]

    def questions(svc: Service) -> dict[str, list[Call]]:
        return {
            "equivalents": [
                lambda i=i: svc.equivalents(i, None, 0.0, 5)  # type: ignore[misc]
                for i in eq_ids
            ],
            "stackingPlan": [
                lambda t=t, h=h: svc.stacking_plan(t, h, Objective.CREDITS, None, 0)  # type: ignore[misc]
                for t, h in plans
            ],
        }

    p50: dict[tuple[str, str], float] = {}
    for name, store in (("embedded", memory), ("neo4j", neo)):
        for label, calls in questions(Service(store)).items():
            ms = await timed(calls)
            p50[(name, label)] = statistics.median(ms)
            print(
                f"{name:8s} {label:12s} p50 {statistics.median(ms):7.1f} ms  "
                f"p99 {pct(ms, 0.99):7.1f} ms  (n={len(ms)})"
            )
    for label in ("equivalents", "stackingPlan"):
        print(f"ratio {label}: {p50[('neo4j', label)] / p50[('embedded', label)]:.1f}x")

    svc = Service(neo)
    for label, calls in questions(svc).items():
        clock = Clock()
        clock.install()
        t = time.perf_counter()
        for call in calls:
            await call()
        total = (time.perf_counter() - t) * 1000 / len(calls)
        clock.remove()
        server, trip = clock.server / len(calls), clock.trip / len(calls)
        print(
            f"neo4j {label}: {total:.1f} ms a call = server {server:.1f} + Bolt and decoding "
            f"{trip - server:.1f} + our code {total - trip:.1f}"
        )
        prof = cProfile.Profile()
        prof.enable()
        for call in calls:
            await call()
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.top)
        print("\n".join(out.getvalue().splitlines()[: args.top + 12]))
    await neo.close()


def main() -> None:
    """Parse the arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", required=True, help="a running Neo4j (wiped with --load)")
    parser.add_argument("--load", action="store_true")
    parser.add_argument("--micro", type=int, default=20_000)
    parser.add_argument("--quals", type=int, default=500)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=20)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
