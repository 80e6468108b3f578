"""Benchmark: stacking plan() per target and held set over the synthetic graph, in-process.

Run: .venv/bin/python bench/bench_stacking.py [--micro 20000] [--quals 500] [--cases 2000]
     [--store]  (build contexts with the embedded MemoryStore instead of the bench's own)

Prints the data size and p50/p99 of plan() by component count of the target.
`measure()` times any callable (target, held) -> object, so an HTTP client can be
timed over the same cases.
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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pathways.domain.stacking import Plan, plan
from pathways.model import (
    Credential,
    Graph,
    Objective,
    PlanningContext,
    Recognition,
    rule_credentials,
)
from synth import synth_graph

BUCKETS = ((1, 10), (11, 20), (21, 30), (31, 40))


@dataclass(frozen=True, slots=True)
class Case:
    """One planning question: a target, what the learner holds, and the target's size."""

    target: str
    held: tuple[str, ...]
    components: int


class ContextBuilder:
    """The PlanningContext a store hands over, built from an in-memory Graph."""

    def __init__(self, graph: Graph) -> None:
        self.creds = graph.credentials
        self.into: dict[str, list[Recognition]] = {}
        for rec in graph.recognitions:
            self.into.setdefault(rec.to_id, []).append(rec)

    def __call__(self, target: str, held: Sequence[str]) -> PlanningContext:
        """Target, named credentials, recognised sources, held, prerequisite closure."""
        tgt = self.creds[target]
        creds: dict[str, Credential] = {target: tgt}
        recs: dict[tuple[str, str], Recognition] = {}
        todo = list(rule_credentials(tgt.requirements)) if tgt.requirements else []
        todo += [*tgt.prerequisites, *held]
        for rec in self.into.get(target, []):
            recs[(rec.from_id, rec.to_id)] = rec
            todo.append(rec.from_id)
        while todo:
            cid = todo.pop()
            if cid in creds or cid not in self.creds:
                continue
            cred = self.creds[cid]
            creds[cid] = cred
            todo.extend(cred.prerequisites)
            for rec in self.into.get(cid, []):
                recs[(rec.from_id, rec.to_id)] = rec
                todo.append(rec.from_id)
        ordered = tuple(recs[k] for k in sorted(recs))
        return PlanningContext(tgt, frozenset(held), creds, ordered)


def make_cases(graph: Graph, n: int, seed: int) -> list[Case]:
    """Random targets with held sets: some components and some recognised foreign credentials."""
    rng = random.Random(seed)
    targets = sorted(c.id for c in graph.credentials.values() if c.requirements is not None)
    into: dict[str, list[str]] = {}
    for rec in graph.recognitions:
        into.setdefault(rec.to_id, []).append(rec.from_id)
    cases = []
    for _ in range(n):
        target = rng.choice(targets)
        rule = graph.credentials[target].requirements
        assert rule is not None
        named = sorted(set(rule_credentials(rule)))
        share = rng.choice([0.0, 0.1, 0.3, 0.6])
        held = set(rng.sample(named, int(len(named) * share)))
        for x in named:
            if into.get(x) and rng.random() < 0.3:
                held.add(rng.choice(into[x]))
        cases.append(Case(target, tuple(sorted(held)), len(list(rule_credentials(rule)))))
    return cases


def measure(
    call: Callable[[str, Sequence[str]], object],
    cases: Sequence[Case],
    clock: Callable[[], float] = time.perf_counter,
) -> list[float]:
    """Milliseconds per case of call(target, held), in case order (wall clock by default)."""
    out = []
    for case in cases:
        start = clock()
        call(case.target, case.held)
        out.append((clock() - start) * 1000)
    return out


def pct(xs: Sequence[float], q: float) -> float:
    """The q-quantile (nearest rank) of xs."""
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(label: str, cases: Sequence[Case], ms: Sequence[float]) -> None:
    """p50/p99/max per component bucket and overall."""
    print(f"-- {label}")
    for lo, hi in BUCKETS:
        xs = [t for c, t in zip(cases, ms, strict=True) if lo <= c.components <= hi]
        if xs:
            print(
                f"   components {lo:>2}-{hi:<2} n={len(xs):<5} p50 {pct(xs, 0.5):6.2f} ms  "
                f"p99 {pct(xs, 0.99):6.2f} ms  max {max(xs):7.2f} ms"
            )
    p50, p99 = pct(ms, 0.5), pct(ms, 0.99)
    print(f"   all            n={len(ms):<5} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms")
    print(f"   load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def store_contexts(graph: Graph) -> Callable[[str, Sequence[str]], PlanningContext]:
    """Contexts from the embedded MemoryStore (the service's own path)."""
    from pathways.store.memory import MemoryStore

    store = MemoryStore()
    loop = asyncio.new_event_loop()
    loop.run_until_complete(store.replace_graph(graph))

    def build(target: str, held: Sequence[str]) -> PlanningContext:
        return loop.run_until_complete(store.planning_context(target, list(held)))

    return build


def main() -> None:
    """Generate the graph, build contexts, then time plan() over random held sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--micro", type=int, default=20_000)
    parser.add_argument("--quals", type=int, default=500)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", action="store_true", help="contexts from MemoryStore")
    parser.add_argument(
        "--no-freeze", action="store_true", help="leave the graph to the cyclic GC (spikes)"
    )
    args = parser.parse_args()

    t = time.perf_counter()
    graph = synth_graph(args.micro, args.quals, args.seed)
    gen_s = time.perf_counter() - t
    n_out = sum(len(c.outcomes) for c in graph.credentials.values())
    print(
        f"data: {len(graph.credentials)} credentials, {n_out} outcomes, "
        f"{len(graph.recognitions)} recognitions (generated in {gen_s:.1f} s)"
    )
    build = store_contexts(graph) if args.store else ContextBuilder(graph)
    cases = make_cases(graph, args.cases, args.seed + 1)
    contexts: Mapping[Case, PlanningContext] = {c: build(c.target, c.held) for c in cases}
    sizes = [len(ctx.credentials) for ctx in contexts.values()]
    if not args.no_freeze:
        # A full collection walks the whole 20,000-credential graph (hundreds of ms) and
        # lands on whichever call is running; a service would freeze after loading too.
        gc.collect()
        gc.freeze()
    print(
        f"cases: {len(cases)}; context size median {statistics.median(sizes):.0f}, "
        f"max {max(sizes)} credentials"
    )

    runs: list[tuple[str, Callable[[PlanningContext], Plan]]] = [
        ("plan(CREDITS)", plan),
        ("plan(HOURS, alternatives=3)", _hours_alternatives),
        ("plan(COUNT, countries=home)", _count_home),
    ]
    for label, fn in runs:
        timer = _Timed(fn, contexts)
        ms = measure(timer, cases)
        report(label, cases, ms)
        # CPU time shows the cost apart from other processes sharing the machine.
        cpu = measure(timer, cases, time.process_time)
        report(label + ", CPU time", cases, cpu)
        timer.results = timer.results[: len(cases)]
        cut = sum(1 for r in timer.results if not r.optimal)
        unreachable = sum(1 for r in timer.results if not r.achievable)
        print(f"   not proven optimal: {cut}; unachievable: {unreachable}")


def _hours_alternatives(ctx: PlanningContext) -> Plan:
    return plan(ctx, Objective.HOURS, alternatives=3)


def _count_home(ctx: PlanningContext) -> Plan:
    return plan(ctx, Objective.COUNT, frozenset({ctx.target.country}))


class _Timed:
    """plan() over prebuilt contexts, as a (target, held) callable for measure()."""

    def __init__(
        self, fn: Callable[[PlanningContext], Plan], contexts: Mapping[Case, PlanningContext]
    ) -> None:
        self.fn = fn
        self.by_key = {(c.target, c.held): ctx for c, ctx in contexts.items()}
        self.results: list[Plan] = []

    def __call__(self, target: str, held: Sequence[str]) -> Plan:
        result = self.fn(self.by_key[(target, tuple(held))])
        self.results.append(result)
        return result


if __name__ == "__main__":
    main()
