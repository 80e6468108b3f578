"""Scale benchmark: one synthetic graph, served by each store, timed over keep-alive HTTP.

    .venv/bin/python bench/scale.py --credentials 20000 --backend both

Generates a graph with bench/synth (deterministic, linear), writes it as seed files,
then for each backend starts what it needs on 127.0.0.1 and free ports only:
`pathways serve` for the embedded store; scripts/neo4j-local (heap NEO4J_LOCAL_HEAP,
default 1g), `pathways load --backend neo4j` and `pathways serve --backend neo4j` for
Neo4j.  Everything it starts it stops.  Prints one table: p50 (and p99) in ms of each
question, its ratio to the `{__typename}` floor of the same run, server RSS, load time
and rate, and the load average (the machine may be shared).
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pathways.model import Graph, rule_credentials  # noqa: E402
from serving import HOST, free_port, wait_healthy  # noqa: E402
from synth import synth_graph  # noqa: E402
from synth_seeds import write_seed_dir  # noqa: E402

READY_TIMEOUT_S = 1800.0
QUALS_PER_CREDENTIALS = 41
"""One qualification for every 40 micro-credentials (500 in 20,500, as the older benches)."""

SEARCH = "query($s: String) { credentials(search: $s, first: 10) { totalCount edges { score node { id title } } } }"  # noqa: E501
LISTING = "query($c: String) { credentials(country: $c, first: 10) { totalCount edges { node { id title } } } }"  # noqa: E501
PLAN = "query($t: ID!, $h: [ID!]!) { stackingPlan(target: $t, held: $h) { achievable additionalCredits steps { order credential { id } } } }"  # noqa: E501
EQUIVALENTS = "query($id: ID!, $c: String) { equivalents(credential: $id, country: $c, first: 5) { score basis credential { id } } }"  # noqa: E501
UPSERT = "mutation($i: CredentialInput!) { upsertCredential(input: $i) { id } }"
FLOOR = "{ __typename }"


@dataclass
class Column:
    """What one backend measured: per row, the latencies in ms; and the server's facts."""

    backend: str
    rows: dict[str, list[float]] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)


def rss_mb(pid: int) -> float:
    """Resident set size of a process in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def say(message: str) -> None:
    """Progress on stderr."""
    print(f"[scale {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- the questions -------------------------------------------------------------------


@dataclass
class Workload:
    """Variables for each question, drawn once from the graph so every backend asks the same."""

    searches: list[str]
    countries: list[str]
    plans: list[tuple[str, list[str]]]
    equivalents: list[tuple[str, str]]
    writes: list[dict[str, Any]]


def workload(graph: Graph, n: int, seed: int) -> Workload:
    """n questions of each kind and n + 1 writes, drawn deterministically."""
    rng = random.Random(seed)
    creds = list(graph.credentials.values())
    micro = [c for c in creds if c.requirements is None]
    quals = [c for c in creds if c.requirements is not None]
    searches = []
    for _ in range(n):
        words = rng.choice(micro).title.lower().split()
        searches.append(" ".join(words[: rng.choice([1, 2, 3])]))
    countries = [rng.choice(["IE", "EE", "DK", "FR", "ES"]) for _ in range(n)]
    plans = []
    for _ in range(n):
        q = rng.choice(quals)
        assert q.requirements is not None
        named = sorted(set(rule_credentials(q.requirements)))
        plans.append((q.id, rng.sample(named, len(named) // 3)))
    equivalents = [
        (rng.choice(micro).id, rng.choice(["IE", "EE", "DK", "FR", "ES"])) for _ in range(n)
    ]
    writes = []
    for k in range(n + 1):
        base = rng.choice(micro)
        assert base.level is not None
        writes.append(
            {
                "id": f"scale-write-{k}",
                "kind": "MICRO_CREDENTIAL",
                "title": base.title + " (revised)",
                "country": base.country,
                "language": base.language,
                "provider": base.provider,
                "level": {"framework": base.level.framework, "code": base.level.code},
                "ects": 3.0,
                "outcomes": [{"text": o.text, "skills": list(o.skills)} for o in base.outcomes[:3]],
                "prerequisites": [rng.choice(micro).id],
            }
        )
    return Workload(searches, countries, plans, equivalents, writes)


class Client:
    """One keep-alive HTTP client to a server, timing each GraphQL request in ms."""

    def __init__(self, url: str, key: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=600.0)
        self.key = key

    def ask(self, doc: str, variables: dict[str, Any] | None = None, write: bool = False) -> float:
        """Milliseconds for one request; exits on any error so a table is never half wrong."""
        headers = {"authorization": f"Bearer {self.key}"} if write else {}
        start = time.perf_counter()
        r = self.http.post(
            "/graphql", json={"query": doc, "variables": variables or {}}, headers=headers
        )
        took = (time.perf_counter() - start) * 1000
        body = r.json()
        if r.status_code != 200 or body.get("errors"):
            raise SystemExit(f"request failed ({r.status_code}): {r.text[:500]}")
        return took


def measure(client: Client, work: Workload, col: Column, n: int) -> None:
    """Every row of the table for one running server."""
    for _ in range(5):  # warm-up: connection, caches, first-call costs
        client.ask(FLOOR)
    # the first write right after the start, with the floor asked alongside it
    worst: list[float] = []
    done = threading.Event()

    def ping() -> None:
        pinger = Client(str(client.http.base_url), client.key)
        while not done.is_set() or not worst:
            worst.append(pinger.ask(FLOOR))
            time.sleep(0.02)

    thread = threading.Thread(target=ping, daemon=True)
    thread.start()
    time.sleep(0.2)
    col.rows["first upsertCredential after a start"] = [
        client.ask(UPSERT, {"i": work.writes[0]}, True)
    ]
    done.set()
    thread.join()
    col.rows["worst {__typename} during the first write"] = [max(worst)]
    col.rows["{__typename} (floor)"] = [client.ask(FLOOR) for _ in range(n)]
    col.rows["credentials(search) first 10"] = [client.ask(SEARCH, {"s": s}) for s in work.searches]
    col.rows["credentials(country) first 10"] = [
        client.ask(LISTING, {"c": c}) for c in work.countries
    ]
    col.rows["stackingPlan"] = [client.ask(PLAN, {"t": t, "h": h}) for t, h in work.plans]
    col.rows["equivalents"] = [
        client.ask(EQUIVALENTS, {"id": i, "c": c}) for i, c in work.equivalents
    ]
    col.rows["later upsertCredential"] = [
        client.ask(UPSERT, {"i": w}, True) for w in work.writes[1:]
    ]


# --- the servers ---------------------------------------------------------------------


@contextmanager
def started(cmd: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A child process in its own session, stopped with SIGTERM (SIGKILL if it hangs)."""
    with log.open("ab") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=out, start_new_session=True)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def serve(seeds: Path, tmp: Path, env: dict[str, str], backend: str) -> tuple[list[str], str]:
    """The serve command line and its URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "pathways", "serve", "--backend", backend]
    cmd += ["--port", str(port), "--log-level", "warning"]
    if backend == "memory":
        cmd += ["--seeds", str(seeds), "--data-dir", str(tmp / "journal")]
    return cmd, f"http://{HOST}:{port}"


@contextmanager
def api_server(
    backend: str, seeds: Path, tmp: Path, env: dict[str, str]
) -> Iterator[tuple[subprocess.Popen[bytes], str, float]]:
    """`pathways serve` on `backend`, once healthy: the process, its URL, seconds to start."""
    cmd, url = serve(seeds, tmp, env, backend)
    with started(cmd, env, tmp / f"serve-{backend}.log") as proc:
        yield proc, url, wait_healthy(url, proc, READY_TIMEOUT_S)


def measure_with_rss(
    proc: subprocess.Popen[bytes],
    client: Client,
    work: Workload,
    col: Column,
    n: int,
    note: str = "",
) -> None:
    """Time the workload against a served API, with the server's RSS before and after."""
    col.facts["RSS after start"] = f"{rss_mb(proc.pid):,.0f} MB{note}"
    measure(client, work, col, n)
    col.facts["RSS at the end"] = f"{rss_mb(proc.pid):,.0f} MB{note}"


def run_memory(
    seeds: Path, tmp: Path, env: dict[str, str], key: str, work: Workload, n: int, size: int
) -> Column:
    """The embedded store: start-up is the load."""
    col = Column("embedded")
    with api_server("memory", seeds, tmp, env) as (proc, url, took):
        col.facts["load (start-up)"] = f"{took:.0f} s, {size / took:,.0f} cred/s"
        measure_with_rss(proc, Client(url, key), work, col, n)
    return col


def neo4j_server(tmp: Path, env: dict[str, str]) -> tuple[list[str], str]:
    """The scripts/neo4j-local command line and its Bolt URI."""
    port = free_port()
    return [
        str(ROOT / "scripts" / "neo4j-local"),
        str(port),
        str(tmp / "neo4j-data"),
    ], f"bolt://{HOST}:{port}"


def wait_bolt(log: Path, uri: str, proc: subprocess.Popen[bytes]) -> None:
    """Until neo4j-local prints READY."""
    start = time.perf_counter()
    while time.perf_counter() - start < READY_TIMEOUT_S:
        if proc.poll() is not None:
            raise SystemExit(f"neo4j-local exited with {proc.returncode}; see {log}")
        if f"READY {uri}" in log.read_text(errors="replace"):
            return
        time.sleep(0.5)
    raise SystemExit("neo4j-local did not become ready")


def run_neo4j(
    seeds: Path, tmp: Path, env: dict[str, str], key: str, work: Workload, n: int, size: int
) -> Column:
    """Neo4j: start the database, load with the CLI, serve an API replica, measure."""
    col = Column("Neo4j")
    cmd, uri = neo4j_server(tmp, env)
    env = {**env, "NEO4J_URI": uri}
    log = tmp / "neo4j.log"
    heap = env.get("NEO4J_LOCAL_HEAP", "1g")
    with started(cmd, env, log) as db:
        wait_bolt(log, uri, db)
        say(f"neo4j-local ready at {uri} (heap {heap}); loading")
        start = time.perf_counter()
        load = subprocess.run(
            [sys.executable, "-m", "pathways", "load", "--backend", "neo4j", str(seeds)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        took = time.perf_counter() - start
        if load.returncode != 0:
            # The table still shows the other columns; this one says why it is empty.
            say(f"load failed after {took:.0f} s:\n{load.stderr[-2000:]}")
            col.facts["load (pathways load)"] = (
                f"FAILED after {took:.0f} s, heap {heap}: {failure(load.stderr)}"
            )
            col.facts["Neo4j RSS after load"] = f"{rss_mb(db.pid) + _children_rss(db.pid):,.0f} MB"
            return col
        col.facts["load (pathways load)"] = f"{took:.0f} s, {size / took:,.0f} cred/s, heap {heap}"
        col.facts["Neo4j RSS after load"] = f"{rss_mb(db.pid) + _children_rss(db.pid):,.0f} MB"
        with api_server("neo4j", seeds, tmp, env) as (api, url, took):
            col.facts["API start"] = f"{took:.1f} s"
            measure_with_rss(api, Client(url, key), work, col, n, " (API replica)")
    return col


def failure(stderr: str) -> str:
    """The reason a command gave (the CLI prints it last), fit for a table cell."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    return (lines or ["no output"])[-1].replace("|", "/")[:300]


def _children_rss(pid: int) -> float:
    """RSS of a process's descendants (neo4j-local runs java as a child of bash)."""
    total = 0.0
    for child in Path("/proc").glob("[0-9]*"):
        try:
            stat = (child / "stat").read_text().split()
        except OSError:
            continue
        if stat[3] == str(pid):
            total += rss_mb(int(child.name)) + _children_rss(int(child.name))
    return total


# --- the table -----------------------------------------------------------------------


def table(cols: list[Column], size: int) -> str:
    """One markdown table: p50 (p99) ms and ratio to each column's floor."""
    names = list(dict.fromkeys(name for c in cols for name in c.rows))
    head = "| operation | " + " | ".join(f"{c.backend} {size:,}" for c in cols) + " |"
    lines = [head, "|---" * (len(cols) + 1) + "|"]
    for name in names:
        cells = []
        for c in cols:
            vals = c.rows.get(name, [])
            if not vals:
                cells.append("")
                continue
            floor = pct(c.rows["{__typename} (floor)"], 50)
            p50 = pct(vals, 50)
            cell = f"{p50:,.1f}" if len(vals) == 1 else f"{p50:,.1f} (p99 {pct(vals, 99):,.1f})"
            cells.append(f"{cell} = {p50 / floor:,.1f}x")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for fact in dict.fromkeys(f for c in cols for f in c.facts):
        lines.append(f"| {fact} | " + " | ".join(c.facts.get(fact, "") for c in cols) + " |")
    return "\n".join(lines)


def main() -> int:
    """Generate, serve with each backend, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--credentials", type=int, default=20_000)
    parser.add_argument("--backend", choices=["memory", "neo4j", "both"], default="both")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per question")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    size = args.credentials
    quals = max(1, size // QUALS_PER_CREDENTIALS)
    start = time.perf_counter()
    graph = synth_graph(size - quals, quals, args.seed)
    generated = time.perf_counter() - start
    say(
        f"generated {len(graph.credentials):,} credentials, "
        f"{len(graph.recognitions):,} decisions in {generated:.1f} s"
    )
    work = workload(graph, args.requests, args.seed + 1)
    key = secrets.token_urlsafe(24)
    env = {**os.environ, "PATHWAYS_API_KEYS": f"editor:{key}"}
    cols: list[Column] = []
    tmp = Path(tempfile.mkdtemp(prefix="pathways-scale-"))
    try:
        seeds = tmp / "seeds"
        start = time.perf_counter()
        write_seed_dir(graph, seeds)
        written = time.perf_counter() - start
        say(f"seed files written in {written:.1f} s")
        del graph
        runs: list[Callable[..., Column]] = []
        if args.backend in ("memory", "both"):
            runs.append(run_memory)
        if args.backend in ("neo4j", "both"):
            runs.append(run_neo4j)
        for run in runs:
            say(f"{run.__name__}: starting")
            cols.append(run(seeds, tmp, env, key, work, args.requests, size))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"\n{size:,} credentials (generated in {generated:.1f} s); "
        f"{args.requests} requests a question;"
    )
    print(
        "p50 ms (p99 ms) = ratio to the floor; load average "
        + " ".join(f"{x:.2f}" for x in os.getloadavg())
        + "\n"
    )
    print(table(cols, size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
