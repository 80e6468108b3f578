"""Benchmark: skill-gap plans over the synthetic graph, in-process on the embedded store.

Run: .venv/bin/python bench/bench_skillgap.py [--micro 20000] [--cases 300] [--skills 10]
     [--related]  (draw the skills from a few neighbouring credentials, like an occupation)

Each case asks for `--skills` skills (drawn at random among those some credential
teaches, or with --related from the outcomes of three credentials of one theme) with
0-3 held credentials.  Prints the data size, the load average and p50/p99 of the
whole service call (store context + solver) and of the solver alone, each as wall
time and as CPU time (the process's, worker threads included: what a shared, loaded
machine does not inflate), and how many answers were proven optimal.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pathways.domain.skillgap import plan_skill_gap
from pathways.service import Service
from pathways.store.memory import MemoryStore
from synth import synth_graph


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    """Build the graph, run the cases, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--micro", type=int, default=20000)
    ap.add_argument("--quals", type=int, default=500)
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--skills", type=int, default=10)
    ap.add_argument("--related", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    t0 = time.perf_counter()
    graph = synth_graph(args.micro, args.quals)
    store = MemoryStore(graph)
    service = Service(store)
    built = time.perf_counter() - t0
    rng = random.Random(args.seed)
    micros = sorted(c for c in graph.credentials if c.startswith("m"))
    taught = sorted(
        {s for cid in micros for o in graph.credentials[cid].outcomes for s in o.skills}
    )
    cases = []
    for _ in range(args.cases):
        if args.related:
            first = graph.credentials[rng.choice(micros)]
            near = [first, *(graph.credentials[rng.choice(micros)] for _ in range(2))]
            pool = sorted({s for c in near for o in c.outcomes for s in o.skills})
            skills = rng.sample(pool, min(args.skills, len(pool)))
        else:
            skills = rng.sample(taught, args.skills)
        held = rng.sample(micros, rng.randint(0, 3))
        cases.append((skills, held))

    timings: dict[str, list[float]] = {k: [] for k in ("wall", "cpu", "solver", "solver cpu")}

    async def run() -> tuple[int, list[int]]:
        proven = 0
        sizes: list[int] = []
        for skills, held in cases:
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            result = await service.skill_gap_plan(skills, held, None)
            timings["wall"].append((time.perf_counter() - start) * 1000)
            timings["cpu"].append((time.process_time() - cpu) * 1000)
            proven += result.plan.optimal
            ctx = await store.skill_gap_context(skills, held)
            sizes.append(len(ctx.credentials))
            start, cpu = time.perf_counter(), time.process_time()
            plan_skill_gap(ctx, tuple(skills))
            timings["solver"].append((time.perf_counter() - start) * 1000)
            timings["solver cpu"].append((time.process_time() - cpu) * 1000)
        return proven, sizes

    proven, sizes = asyncio.run(run())
    service.close()
    print(
        f"graph: {len(graph.credentials)} credentials ({args.micro} micro, {args.quals} "
        f"qualifications), {len(graph.skills)} skills, {len(graph.recognitions)} decisions; "
        f"built in {built:.1f} s"
    )
    print(
        f"cases: {len(cases)} x {args.skills} skills{' (related)' if args.related else ''}, "
        f"0-3 held; context size p50 {statistics.median(sizes):.0f} credentials"
    )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    names = {
        "wall": "service call, wall",
        "cpu": "service call, CPU",
        "solver": "solver alone, wall",
        "solver cpu": "solver alone, CPU",
    }
    for key, values in timings.items():
        print(
            f"{names[key]:>19}: p50 {statistics.median(values):6.1f} ms   "
            f"p99 {_pct(values, 0.99):6.1f} ms   max {max(values):6.1f} ms"
        )
    print(f"proven optimal: {proven}/{len(cases)}")


if __name__ == "__main__":
    main()
