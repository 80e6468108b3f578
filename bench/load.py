"""Bounded load test: mixed reads and writes against a pathways server it starts itself.

    .venv/bin/python bench/load.py                 # two minutes, 8 clients, 20 % writes
    .venv/bin/python bench/load.py --count 2000    # stop after 2000 requests instead
    .venv/bin/python bench/load.py --attackers 4   # plus 4 clients sending the heaviest
                                                   # documents, and a prober (adversarial.py)

Safety: the server is started by this script on 127.0.0.1 and a free port, with a
fresh temporary data directory and keys generated here; no other address can be
given.  The run stops by itself after --seconds (at most 120) or --count requests,
then stops the server.  Reported: throughput, p50/p99 latency, errors (anything
other than a 200 with no GraphQL errors), server RSS at start, during and at the
end, the journal's size on disk, the host's load average at start and end (the
machine may be shared: read latencies beside it), and under `probes` the p50/p99
of /healthz and of the trivial query against the 50 ms goal (issue 15).

    .venv/bin/python bench/load.py --clients 0 --attackers 4 --seconds 20   # probes only
    .venv/bin/python bench/load.py --clients 0 --probe --seconds 20         # no attackers
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import adversarial  # noqa: E402
from pathways.seeds import load_dirs  # noqa: E402
from serving import HOST, free_port, wait_healthy  # noqa: E402

MAX_SECONDS = 120.0
DISTINCT_WRITES = 200
PROBE_GOAL_MS = 50.0
"""/healthz and a trivial query should answer within this even under attack (issue 15)."""
"""Written ids cycle through this many, so the graph (and memory) stay bounded."""


@dataclass
class Tally:
    """Latencies and failures of one run, by kind of request."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)

    def add(self, kind: str, seconds: float, ok: bool, detail: str) -> None:
        """Record one request."""
        self.latencies.setdefault(kind, []).append(seconds)
        if not ok:
            self.errors[kind] = self.errors.get(kind, 0) + 1
            if len(self.samples) < 5:
                self.samples.append(f"{kind}: {detail[:300]}")


def rss_kib(pid: int) -> int:
    """Resident set size of a process in KiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


class Workload:
    """Requests drawn from the served graph: reads of every kind, upserts and decisions."""

    def __init__(self, seeds: list[Path], rng: random.Random) -> None:
        graph = load_dirs(seeds)
        self.rng = rng
        self.ids = sorted(graph.credentials)
        self.targets = sorted(c.id for c in graph.credentials.values() if c.requirements)
        self.frameworks = sorted(graph.frameworks)
        self.providers = sorted(graph.providers)
        self.skills = sorted(graph.skills)
        self.levels = [(f.code, lvl.code) for f in graph.frameworks.values() for lvl in f.levels]
        self.words = sorted({w for c in graph.credentials.values() for w in c.title.split()})
        self.written: set[int] = set()

    def read(self) -> tuple[str, str, dict[str, Any]]:
        """One read request: (kind, document, variables)."""
        r = self.rng
        kind = r.choice(
            ["credential", "search", "frameworks", "crosswalk", "equivalents", "quality", "plan"]
        )
        if kind == "credential":
            doc = (
                "query($id: ID!) { credential(id: $id) { id title ects level { code eqf } "
                "provider { name } outcomes { text skills { label } } prerequisites { id } "
                "stacksInto { id } } }"
            )
            return kind, doc, {"id": r.choice(self.ids)}
        if kind == "search":
            doc = (
                "query($s: String) { credentials(search: $s, first: 10) { totalCount "
                "edges { score node { id title } } } }"
            )
            return kind, doc, {"s": r.choice(self.words)}
        if kind == "frameworks":
            return kind, "{ frameworks { code name levels { code eqf } } }", {}
        if kind == "crosswalk":
            fw, code = r.choice(self.levels)
            doc = (
                "query($f: String!, $l: String!, $t: String!) { crosswalk(framework: $f, "
                "level: $l, to: $t) { viaEqf to { code } note } }"
            )
            return kind, doc, {"f": fw, "l": code, "t": r.choice(self.frameworks)}
        if kind == "equivalents":
            doc = (
                "query($id: ID!) { equivalents(credential: $id, first: 5) { score basis "
                "credential { id } substantialDifferences } }"
            )
            return kind, doc, {"id": r.choice(self.ids)}
        if kind == "quality":
            doc = "query($id: ID!) { qualityReport(credential: $id) { score missing warnings } }"
            return kind, doc, {"id": r.choice(self.ids)}
        doc = (
            "query($t: ID!, $h: [ID!]!) { stackingPlan(target: $t, held: $h) { achievable "
            "additionalCredits steps { order credential { id } } } }"
        )
        held = r.sample(self.ids, 2)
        return kind, doc, {"t": r.choice(self.targets), "h": held}

    def write(self) -> tuple[str, str, dict[str, Any], str]:
        """One write request: (kind, document, variables, role)."""
        r = self.rng
        n = r.randrange(DISTINCT_WRITES)
        if n in self.written and r.random() < 0.4:
            doc = (
                "mutation($i: RecognitionInput!) { recordRecognition(input: $i) "
                "{ decision from { id } to { id } } }"
            )
            decision = r.choice(["FULL", "PARTIAL", "NONE"])
            # a few targets per written id, so decisions replace each other and stay bounded
            to = self.ids[(n + r.randrange(3)) % len(self.ids)]
            rec = {
                "from": f"bench-{n}",
                "to": to,
                "decision": decision,
                "by": "bench",
                "date": "2026-01-15",
            }
            if decision == "PARTIAL":
                rec["ects"] = float(r.randint(1, 5))
            return "recordRecognition", doc, {"i": rec}, "recognition_officer"
        fw, code = r.choice(self.levels)
        cred = {
            "id": f"bench-{n}",
            "kind": r.choice(["MICRO_CREDENTIAL", "UNIT"]),
            "title": " ".join(r.sample(self.words, 3)),
            "country": "IE",
            "language": "en",
            "provider": r.choice(self.providers),
            "level": {"framework": fw, "code": code},
            "ects": float(r.randint(1, 10)),
            "assessment": "bench test",
            "participation": "BLENDED",
            "qualityAssurance": "bench QA",
            "outcomes": [
                {"text": " ".join(r.sample(self.words, 4)), "skills": r.sample(self.skills, 2)}
            ],
            "prerequisites": [r.choice(self.ids)],
        }
        self.written.add(n)
        doc = "mutation($i: CredentialInput!) { upsertCredential(input: $i) { id ects } }"
        return "upsertCredential", doc, {"i": cred}, "editor"


async def client_loop(
    client: httpx.AsyncClient,
    work: Workload,
    keys: dict[str, str],
    tally: Tally,
    deadline: float,
    budget: list[int],
    write_ratio: float,
) -> None:
    """Send requests one after another until the deadline or the shared budget runs out."""
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        headers = {}
        if work.rng.random() < write_ratio:
            kind, doc, variables, role = work.write()
            headers["Authorization"] = f"Bearer {keys[role]}"
        else:
            kind, doc, variables = work.read()
        started = time.perf_counter()
        try:
            r = await client.post(
                "/graphql", json={"query": doc, "variables": variables}, headers=headers
            )
            body = r.json()
            ok = r.status_code == 200 and not body.get("errors")
            detail = r.text
        except (httpx.HTTPError, ValueError) as exc:
            ok, detail = False, repr(exc)
        tally.add(kind, time.perf_counter() - started, ok, detail)


async def run_load(
    url: str,
    work: Workload,
    keys: dict[str, str],
    args: argparse.Namespace,
    pid: int,
    rss: list[tuple[float, int]],
) -> tuple[Tally, float]:
    """Run the clients and sample the server's memory every ten seconds."""
    tally = Tally()
    seconds = min(args.seconds, MAX_SECONDS)
    start = time.monotonic()
    deadline = start + seconds
    budget = [args.count if args.count else 10**12]
    limits = httpx.Limits(max_connections=args.clients)
    async with httpx.AsyncClient(base_url=url, timeout=30.0, limits=limits) as client:

        async def sample() -> None:
            while time.monotonic() < deadline and budget[0] > 0:
                await asyncio.sleep(10)
                rss.append((round(time.monotonic() - start, 1), rss_kib(pid)))

        sampler = asyncio.create_task(sample())
        async with httpx.AsyncClient(base_url=url, timeout=60.0) as other:
            rng = random.Random(args.seed)
            extra = [
                adversarial.attacker(other, tally.add, deadline, rng) for _ in range(args.attackers)
            ]
            if args.attackers or args.probe:
                extra.append(adversarial.prober(other, tally.add, deadline))
            await asyncio.gather(
                *(
                    client_loop(client, work, keys, tally, deadline, budget, args.write_ratio)
                    for _ in range(args.clients)
                ),
                *extra,
            )
        sampler.cancel()
    return tally, time.monotonic() - start


def start_server(seeds: list[Path], data_dir: Path, keys: dict[str, str]) -> tuple[Any, str]:
    """`pathways serve` on 127.0.0.1 with a journal in data_dir; waits until healthy."""
    port = free_port()
    url = f"http://{HOST}:{port}"
    cmd = [
        sys.executable,
        "-m",
        "pathways",
        "serve",
        "--host",
        HOST,
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
        "--log-level",
        "warning",
    ]
    for s in seeds:
        cmd += ["--seeds", str(s)]
    env = {
        **os.environ,
        "PATHWAYS_API_KEYS": ",".join(f"{r}:{k}" for r, k in keys.items()),
        "PYTHONPATH": str(ROOT / "src"),
    }
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    wait_healthy(url, proc, 60.0)
    return proc, url


def report(
    tally: Tally,
    elapsed: float,
    rss: list[tuple[float, int]],
    journal: Path,
    args: argparse.Namespace,
    load_start: tuple[float, float, float],
) -> dict[str, Any]:
    """The figures of the run as a JSON-able mapping."""
    every = [x for xs in tally.latencies.values() for x in xs]
    by_kind = {
        k: {
            "requests": len(v),
            "p50_ms": round(percentile(v, 50) * 1000, 2),
            "p99_ms": round(percentile(v, 99) * 1000, 2),
            "errors": tally.errors.get(k, 0),
        }
        for k, v in sorted(tally.latencies.items())
    }
    return {
        "seconds": round(elapsed, 1),
        "clients": args.clients,
        "attackers": args.attackers,
        "write_ratio": args.write_ratio,
        "requests": len(every),
        "throughput_rps": round(len(every) / elapsed, 1),
        "p50_ms": round(percentile(every, 50) * 1000, 2) if every else None,
        "p99_ms": round(percentile(every, 99) * 1000, 2) if every else None,
        "mean_ms": round(statistics.fmean(every) * 1000, 2) if every else None,
        "errors": sum(tally.errors.values()),
        "error_samples": tally.samples,
        "rss_kib": {"start": rss[0][1], "end": rss[-1][1], "samples": rss},
        "journal_bytes": journal.stat().st_size if journal.exists() else 0,
        "load_average": {"start": load_start, "end": os.getloadavg()},
        "probes": probes(by_kind),
        "by_kind": by_kind,
    }


def probes(by_kind: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """p50/p99 of /healthz and the trivial query, and whether both p99 meet the goal."""
    found = {k.split(":", 1)[1]: v for k, v in by_kind.items() if k.startswith("probe:")}
    if not found:
        return {}
    return {
        **{k: {"p50_ms": v["p50_ms"], "p99_ms": v["p99_ms"]} for k, v in found.items()},
        "goal_ms": PROBE_GOAL_MS,
        "p99_within_goal": all(v["p99_ms"] <= PROBE_GOAL_MS for v in found.values()),
    }


def main() -> int:
    """Start a server, load it, print the figures, stop it."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seconds", type=float, default=MAX_SECONDS, help="at most 120")
    p.add_argument("--count", type=int, default=0, help="stop after this many requests")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--write-ratio", type=float, default=0.2)
    p.add_argument(
        "--attackers", type=int, default=0, help="clients sending the heaviest documents"
    )
    p.add_argument(
        "--probe", action="store_true", help="probe /healthz and a trivial query (with attackers)"
    )
    p.add_argument("--seeds", type=Path, action="append", help="default: graph_seeds/")
    p.add_argument("--seed", type=int, default=7, help="random seed of the workload")
    args = p.parse_args()
    seeds = args.seeds or [ROOT / "graph_seeds"]
    work = Workload(seeds, random.Random(args.seed))
    keys = {"editor": secrets.token_urlsafe(24), "recognition_officer": secrets.token_urlsafe(24)}
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="pathways-bench-") as tmp:
        proc, url = start_server(seeds, Path(tmp), keys)
        try:
            if args.attackers:
                adversarial.write_heavy(url, keys["editor"], random.Random(args.seed))
            rss = [(0.0, rss_kib(proc.pid))]
            tally, elapsed = asyncio.run(run_load(url, work, keys, args, proc.pid, rss))
            rss.append((round(elapsed, 1), rss_kib(proc.pid)))
            out = report(tally, elapsed, rss, Path(tmp) / "writes.journal", args, load_start)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
    print(json.dumps(out, indent=2))
    return 0 if out["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
