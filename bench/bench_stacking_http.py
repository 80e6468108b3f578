"""Benchmark: stackingPlan through GraphQL, in-process and over HTTP to a real server.

Run: .venv/bin/python bench/bench_stacking_http.py [--micro 20000] [--quals 500] [--cases 500]

Writes the synthetic graph as seed files, then times the same stackingPlan questions
(1) through the whole service in-process (store, optimiser, strawberry) and
(2) over HTTP to `pathways serve` under uvicorn on 127.0.0.1 (a free port; the
server is started and stopped by this script, nothing else is contacted).
Prints p50/p99 by target size.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stacking import make_cases, measure, report
from pathways.cli import run_query
from pathways.service import Service
from pathways.store.memory import MemoryStore
from serving import HOST, free_port, wait_healthy
from synth import synth_graph
from synth_seeds import write_seed_dir

PLAN = """
query($t: ID!, $h: [ID!]!) {
  stackingPlan(target: $t, held: $h) {
    achievable additionalCredits steps { order credential { id title ects } }
    counted { held { id } countsAs { id } basis } explanation
  }
}"""


def _serve(seeds: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "pathways", "serve", "--seeds", str(seeds)]
    cmd += ["--port", str(port), "--log-level", "warning"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    """Generate, write, serve, then time in-process and HTTP."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--micro", type=int, default=20_000)
    parser.add_argument("--quals", type=int, default=500)
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    graph = synth_graph(args.micro, args.quals, args.seed)
    n_out = sum(len(c.outcomes) for c in graph.credentials.values())
    print(
        f"data: {len(graph.credentials)} credentials, {n_out} outcomes, "
        f"{len(graph.recognitions)} recognitions"
    )
    cases = make_cases(graph, args.cases, args.seed + 1)

    service = Service(MemoryStore(graph))
    loop = asyncio.new_event_loop()
    gc.collect()
    gc.freeze()

    def in_process(target: str, held: Sequence[str]) -> object:
        out = loop.run_until_complete(run_query(service, PLAN, {"t": target, "h": list(held)}))
        assert "errors" not in out, out
        return out

    report("stackingPlan in-process (GraphQL, embedded store)", cases, measure(in_process, cases))

    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        write_seed_dir(graph, seeds)
        port = free_port()
        url = f"http://{HOST}:{port}"
        proc = _serve(seeds, port)
        try:
            took = wait_healthy(url, proc, 300.0)
            print(
                f"server ready in {took:.1f} s (loading {len(graph.credentials)} "
                "credentials from seed files)"
            )
            with httpx.Client(base_url=url, timeout=30.0) as client:

                def over_http(target: str, held: Sequence[str]) -> object:
                    body = json.dumps({"query": PLAN, "variables": {"t": target, "h": list(held)}})
                    r = client.post(
                        "/graphql", content=body, headers={"content-type": "application/json"}
                    )
                    r.raise_for_status()
                    return r.json()

                for case in cases[:20]:  # warm-up: connections and first-call costs
                    over_http(case.target, case.held)
                report(
                    "stackingPlan over HTTP (uvicorn, embedded store)",
                    cases,
                    measure(over_http, cases),
                )
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
