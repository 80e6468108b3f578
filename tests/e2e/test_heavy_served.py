"""A real `pathways serve` computes plans in worker processes: below the server's priority,
under the request's budget, a killed worker costs one answer, and none outlives the server."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pathways.workers import NICENESS
from tests.support.heavy import NEEDED, PARTS, PLANS
from tests.support.paths import SMALL_SEEDS
from tests.support.processes import alive, descendants, wait_gone
from tests.support.server import Served

EDITOR = "heavy-served-editor-key"
WRITE = "mutation($i: CredentialInput!) { upsertCredential(input: $i) { id } }"


def serve() -> Served:
    """A server over the small graph with an editor key; its heavy lane is the default."""
    return Served(
        ["--seeds", str(SMALL_SEEDS), "--log-level", "warning"],
        env={"PATHWAYS_API_KEYS": f"editor:{EDITOR}"},
    )


def write_heavy(url: str) -> None:
    """A credits rule over PARTS uneven credentials: a plan takes the whole 1 s budget."""
    rng = random.Random(3)
    parts = [
        {"id": f"part-{i}", "kind": "UNIT", "title": f"Part {i}", "country": "IE"}
        | {"ects": round(rng.uniform(1, 9), 1)}
        for i in range(PARTS)
    ]
    rule = {"credits": NEEDED, "from": [p["id"] for p in parts]}
    heavy = {"id": "heavy", "kind": "QUALIFICATION", "title": "Heavy", "country": "IE"}
    for record in [*parts, heavy | {"requirements": rule}]:
        r = httpx.post(
            f"{url}/graphql",
            json={"query": WRITE, "variables": {"i": record}},
            headers={"Authorization": f"Bearer {EDITOR}"},
        )
        assert r.status_code == 200 and not r.json().get("errors"), r.text


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def workers_of(served: Served) -> set[int]:
    """The server's heavy worker processes: its descendants that run at NICENESS."""
    found = set()
    for pid in descendants(served.proc.pid):
        try:
            if int(_stat(pid)[16]) == NICENESS:  # field 19 of stat, after pid and name
                found.add(pid)
        except OSError:
            pass
    return found


@pytest.fixture(scope="module")
def server() -> Iterator[Served]:
    with serve() as served:
        write_heavy(served.url)
        yield served


def plans_in_background(url: str) -> tuple[threading.Thread, dict[str, Any]]:
    """POST PLANS on a thread; the body lands in the returned dict under 'body'."""
    out: dict[str, Any] = {}

    def ask() -> None:
        r = httpx.post(f"{url}/graphql", json={"query": PLANS}, timeout=60)
        out["at"] = time.monotonic()
        out["body"] = r.json()

    thread = threading.Thread(target=ask)
    thread.start()
    return thread, out


def test_the_server_starts_its_workers_below_its_own_priority(server: Served) -> None:
    assert workers_of(server)


def test_healthz_answers_while_plans_are_computed_within_their_budgets(
    server: Served,
) -> None:
    thread, out = plans_in_background(server.url)
    time.sleep(0.3)
    health = httpx.get(f"{server.url}/healthz", timeout=10)
    answered = time.monotonic()
    thread.join(60)
    assert health.status_code == 200
    assert answered < out["at"]
    body = out["body"]
    assert not body.get("errors"), body
    plans = body["data"].values()
    assert {p["optimal"] for p in plans} == {False}
    # the node budget or the request's time, whichever comes first on this host
    assert all("The search stopped at" in " ".join(p["explanation"]) for p in plans)


def test_a_worker_killed_mid_plan_fails_that_answer_with_a_code_and_the_next_is_served(
    server: Served,
) -> None:
    (worker,) = workers_of(server)
    idle = int(_stat(worker)[11])  # utime, field 14: CPU time in clock ticks
    thread, out = plans_in_background(server.url)
    end = time.monotonic() + 20
    killed = False
    while not killed and time.monotonic() < end:
        if int(_stat(worker)[11]) - idle >= 10:  # 0.1 s into a plan of a whole second
            os.kill(worker, signal.SIGKILL)
            killed = True
        time.sleep(0.005)
    thread.join(60)
    assert killed
    codes = {e["extensions"]["code"] for e in out["body"].get("errors", [])}
    assert codes == {"SERVICE_UNAVAILABLE"}, out["body"]
    again = httpx.post(f"{server.url}/graphql", json={"query": PLANS}, timeout=60).json()
    assert not again.get("errors"), again
    assert workers_of(server) - {worker}


@pytest.mark.parametrize("how", ["stop", "kill"])
def test_no_worker_outlives_the_server(how: str) -> None:
    served = serve()
    try:
        below = descendants(served.proc.pid)
        assert workers_of(served) <= below and workers_of(served)
    finally:
        if how == "kill":
            served.kill()
        else:
            served.stop()
    assert not wait_gone(below), [p for p in below if alive(p)]
