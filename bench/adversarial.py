"""The adversarial half of bench/load.py: the heaviest requests a client may send, and probes.

Attackers send, one after another, the heaviest documents the limits allow (issue 15):
ten aliased `stackingPlan`s with alternatives over a `credits` rule of 98 credentials
(written through the API first, as any editor could), a document repeating one
selection as often as the token limit lets it, with a fresh comment each time so no
cache helps, and a trivial query padded with a comment to nearly the largest body
allowed (graphql-core lexes it one character at a time).  Meanwhile a prober asks
`/healthz` and a trivial query every 20 ms; their latencies are what the loop's
responsiveness is judged by.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import httpx

HEAVY_PARTS = 98
"""Credentials in the heavy target's credits rule."""

HEAVY_CREDITS = 150.05
"""ECTS the heavy target needs: about 18 of the parts, with no exact fit to find quickly."""

HEAVY_TARGET = "bench-heavy-target"

PLAN_ALIASES = 10

HEAVY_PLAN = (
    "{ "
    + " ".join(
        f'p{i}: stackingPlan(target: "{HEAVY_TARGET}", alternatives: 5) '
        "{ optimal additionalCredits }"
        for i in range(PLAN_ALIASES)
    )
    + " }"
)

REPEATS = 495
"""Repeated selections: 4 tokens each, just under the 2,000-token limit."""

OVERLAP = "{ " + "frameworks { code } " * REPEATS + "}"

TRIVIAL = "{ frameworks { code } }"

LARGE_PADDING = 240_000
"""Characters of comment after the trivial query: the body stays under the 256 KiB limit."""

PROBE_EVERY = 0.02
"""Seconds between two probes."""


def heavy_credentials(rng: random.Random) -> list[dict[str, Any]]:
    """The parts and the target of the heavy credits rule, as CredentialInputs."""
    parts = [
        {
            "id": f"bench-heavy-{i}",
            "kind": "MICRO_CREDENTIAL",
            "title": f"Heavy part {i}",
            "country": "IE",
            "ects": round(rng.uniform(1, 9), 1),
        }
        for i in range(HEAVY_PARTS)
    ]
    target = {
        "id": HEAVY_TARGET,
        "kind": "QUALIFICATION",
        "title": "Heavy target",
        "country": "IE",
        "requirements": {"credits": HEAVY_CREDITS, "from": [p["id"] for p in parts]},
    }
    return [*parts, target]


def write_heavy(url: str, editor_key: str, rng: random.Random) -> None:
    """Write the heavy credentials into the server under test."""
    doc = "mutation($i: CredentialInput!) { upsertCredential(input: $i) { id } }"
    with httpx.Client(base_url=url, timeout=30.0) as client:
        for cred in heavy_credentials(rng):
            r = client.post(
                "/graphql",
                json={"query": doc, "variables": {"i": cred}},
                headers={"Authorization": f"Bearer {editor_key}"},
            )
            body = r.json()
            if r.status_code != 200 or body.get("errors"):
                raise SystemExit(f"could not write {cred['id']}: {r.text[:300]}")


async def attacker(
    client: httpx.AsyncClient,
    add: Any,
    deadline: float,
    rng: random.Random,
) -> None:
    """Send heavy documents back to back until the deadline; a 5xx or no answer is an error."""
    n = 0
    while time.monotonic() < deadline:
        n += 1
        pick = rng.random()
        if pick < 0.5:
            kind, doc = "attack:plans", HEAVY_PLAN
        elif pick < 0.75:
            kind, doc = "attack:overlap", f"{OVERLAP} #{n}-{rng.random()}"
        else:
            pad = f"{n}-{rng.random()}".ljust(LARGE_PADDING, "x")
            kind, doc = "attack:large", f"{TRIVIAL} #{pad}"
        started = time.perf_counter()
        try:
            r = await client.post("/graphql", json={"query": doc})
            ok, detail = r.status_code < 500, r.text
        except httpx.HTTPError as exc:
            ok, detail = False, repr(exc)
        add(kind, time.perf_counter() - started, ok, detail)


async def prober(client: httpx.AsyncClient, add: Any, deadline: float) -> None:
    """Ask /healthz and a trivial query every PROBE_EVERY seconds until the deadline."""
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            r = await client.get("/healthz")
            ok, detail = r.status_code == 200, r.text
        except httpx.HTTPError as exc:
            ok, detail = False, repr(exc)
        add("probe:healthz", time.perf_counter() - started, ok, detail)
        started = time.perf_counter()
        try:
            r = await client.post("/graphql", json={"query": TRIVIAL})
            ok, detail = r.status_code == 200 and not r.json().get("errors"), r.text
        except (httpx.HTTPError, ValueError) as exc:
            ok, detail = False, repr(exc)
        add("probe:trivial", time.perf_counter() - started, ok, detail)
        await asyncio.sleep(PROBE_EVERY)
