"""The first write after a start on Neo4j, as a distribution: many starts, one loaded database.

    .venv/bin/python bench/first_write.py --credentials 100000 --rounds 8 --dir /tmp/fw100k

`bench/scale.py` times one first `upsertCredential` a run, so a figure is one sample.  This
loads a synthetic graph once into a Neo4j kept in `--dir` (reused by later runs with the same
size and seed), then, each round, starts an API replica (`pathways serve --backend neo4j`),
times its first write and a few later ones and the `{__typename}` floor, and stops it.
With `--restart-neo4j` (the default) the database restarts too before each round, so every
round meets a server that has planned nothing, as after a load; `--keep-neo4j` keeps one
server for all rounds, as when a replica restarts beside a running database.  Prints p50
and p99 of each, the ratio to the floor, and the load average.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import (
    FLOOR,
    QUALS_PER_CREDENTIALS,
    UPSERT,
    Client,
    api_server,
    neo4j_server,
    pct,
    say,
    started,
    wait_bolt,
    workload,
)
from synth import synth_graph
from synth_seeds import write_seed_dir

FLOORS = 20
"""`{__typename}` requests a round, after its writes (the floor)."""


def prepare(root: Path, size: int, seed: int, later: int) -> list[dict[str, Any]]:
    """Seed files for the graph in `root` (written once a size and seed) and the writes."""
    quals = max(1, size // QUALS_PER_CREDENTIALS)
    graph = synth_graph(size - quals, quals, seed)
    work = workload(graph, later, seed + 1)
    seeds = root / "seeds"
    if not (seeds / ".complete").exists():
        write_seed_dir(graph, seeds)
        (seeds / ".complete").write_text(f"{size} {seed}\n")
    return work.writes


def load_once(root: Path, env: dict[str, str]) -> None:
    """`pathways load` into the running database unless an earlier run did."""
    marker = root / "loaded"
    if marker.exists():
        return
    say("loading (once for this directory)")
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "pathways", "load", "--backend", "neo4j", str(root / "seeds")]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    marker.write_text(f"{time.perf_counter() - start:.0f} s\n")
    say(f"loaded in {marker.read_text().strip()}")


def renamed(write: dict[str, Any], new_id: str) -> dict[str, Any]:
    """The same write of a credential no round wrote before (a new id of the same length)."""
    return {**write, "id": new_id}


def main() -> int:
    """Load once, then start a replica `--rounds` times and time its writes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--credentials", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--later", type=int, default=5, help="later writes a round")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, required=True, help="kept: seeds and the database")
    parser.add_argument("--keep-neo4j", action="store_true", help="one server for all rounds")
    args = parser.parse_args()

    root: Path = args.dir / f"{args.credentials}-{args.seed}"
    root.mkdir(parents=True, exist_ok=True)
    writes = prepare(root, args.credentials, args.seed, args.later)
    key = secrets.token_urlsafe(24)
    env = {**os.environ, "PATHWAYS_API_KEYS": f"editor:{key}"}
    run = secrets.token_hex(2)
    first: list[float] = []
    later: list[float] = []
    floor: list[float] = []
    starts: list[float] = []
    with ExitStack() as db_stack:
        for r in range(args.rounds):
            if r == 0 or not args.keep_neo4j:
                db_stack.close()
                cmd, uri = neo4j_server(root, env)
                env["NEO4J_URI"] = uri
                log = root / "neo4j.log"
                db = db_stack.enter_context(started(cmd, env, log))
                wait_bolt(log, uri, db)
                load_once(root, env)
            with api_server("neo4j", root, root, env) as (_api, url, took):
                starts.append(took)
                client = Client(url, key)
                for _ in range(5):  # as scale.py: connection and first-call costs
                    client.ask(FLOOR)
                time.sleep(0.2)
                ids = [f"fw{run}-{r:02d}-{k:02d}" for k in range(len(writes))]
                first.append(client.ask(UPSERT, {"i": renamed(writes[0], ids[0])}, True))
                later += [
                    client.ask(UPSERT, {"i": renamed(w, i)}, True)
                    for w, i in zip(writes[1:], ids[1:], strict=True)
                ]
                floor += [client.ask(FLOOR) for _ in range(FLOORS)]
            say(f"round {r}: first write {first[-1]:.1f} ms, start {took:.1f} s")

    base = pct(floor, 50)
    mode = "one server for all rounds" if args.keep_neo4j else "Neo4j restarted every round"
    print(
        f"\n{args.credentials:,} credentials, {args.rounds} rounds ({mode}); load average "
        + " ".join(f"{x:.2f}" for x in os.getloadavg())
    )
    print("first writes (ms): " + ", ".join(f"{x:.1f}" for x in first))
    for name, vals in (("floor", floor), ("first write", first), ("later writes", later)):
        print(
            f"{name}: p50 {pct(vals, 50):.1f} ms, p99 {pct(vals, 99):.1f} ms"
            f" = {pct(vals, 50) / base:.1f}x the floor ({len(vals)} samples)"
        )
    print(f"replica start: p50 {pct(starts, 50):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
