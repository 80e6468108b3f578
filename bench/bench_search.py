"""Benchmark: credential search and filtered listing on the embedded store, in-process.

Run: .venv/bin/python bench/bench_search.py [--n 20000 100000] [--queries 300] [--seed 3]

For each size, builds bench/synth's graph, opens a MemoryStore on it (the search
indexes are built there; the build time is printed), then times `store.search` for
several kinds of question drawn from the synthetic vocabulary (a word in any of the five
languages, a partial word, a word with a typo, two words, each with and without a
country) and for listings without text (a country; a country, kind and EQF level; the
page after a cursor), and one `upsert_credential` (which updates the indexes for that
credential only).  Prints p50/p99 in ms, the data size and the load average, since the
machine is shared.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pathways.model import CredentialKind
from pathways.store.base import SearchFilter, SearchKey
from pathways.store.memory import MemoryStore
from pathways.store.search import normalise
from synth import CODES, synth_graph
from synth_vocab import LANGUAGES, MODIFIERS, NOUNS, VERBS


def _words(rng: random.Random) -> list[str]:
    """Single words of the synthetic vocabulary, every language."""
    found: set[str] = set()
    for table, sep in ((VERBS, " "), (NOUNS, "|"), (MODIFIERS, "|")):
        for lang in LANGUAGES:
            for phrase in table[lang].split(sep):
                found.update(w for w in normalise(phrase).split() if len(w) >= 4)
    return sorted(found)


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def questions(rng: random.Random, n: int) -> dict[str, list[SearchFilter]]:
    """Search filters by kind of question."""
    words = _words(rng)

    def pick(make: Callable[[], str], country: bool) -> list[SearchFilter]:
        return [
            SearchFilter(text=make(), country=rng.choice(CODES) if country else None)
            for _ in range(n)
        ]

    return {
        "word": pick(lambda: rng.choice(words), False),
        "word + country": pick(lambda: rng.choice(words), True),
        "partial word": pick(lambda: rng.choice(words)[:4], False),
        "typo": pick(lambda: _typo(rng.choice(words), rng), False),
        "two words + country": pick(lambda: " ".join(rng.sample(words, 2)), True),
        "list: country": [SearchFilter(country=rng.choice(CODES)) for _ in range(n)],
        "list: country+kind+eqf": [
            SearchFilter(
                country=rng.choice(CODES),
                kind=CredentialKind.MICRO_CREDENTIAL,
                eqf_level=rng.randint(3, 6),
            )
            for _ in range(n)
        ],
    }


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {p50 * 1000:7.2f} ms  p99 {p99 * 1000:7.2f} ms"


async def run(n: int, queries: int, seed: int) -> None:
    """Build, time and print one size."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    graph = synth_graph(n_micro=n, n_quals=max(50, n // 40), seed=seed)
    t1 = time.perf_counter()
    store = MemoryStore(graph)
    t2 = time.perf_counter()
    print(
        f"\n{len(graph.credentials):,} credentials, {len(graph.skills):,} skills "
        f"(synth {t1 - t0:.1f} s, store and indexes {t2 - t1:.1f} s)"
    )
    for name, filters in questions(rng, queries).items():
        samples, hits = [], []
        for flt in filters:
            start = time.perf_counter()
            page = await store.search(flt, 10, None)
            samples.append(time.perf_counter() - start)
            hits.append(page.total)
        print(f"  {name:24} {_ms(samples)}  median total {statistics.median(hits):,.0f}")
    samples = []
    for flt in questions(rng, queries)["list: country"]:
        first = await store.search(flt, 10, None)
        last = first.items[-1][0].id
        start = time.perf_counter()
        await store.search(flt, 10, SearchKey(None, last))
        samples.append(time.perf_counter() - start)
    print(f"  {'list: next page':24} {_ms(samples)}")
    samples = []
    ids = sorted(graph.credentials)
    for k in range(min(queries, 100)):
        cred = graph.credentials[rng.choice(ids)]
        changed = replace(cred, title=f"{cred.title} {k}")
        start = time.perf_counter()
        await store.upsert_credential(changed)
        samples.append(time.perf_counter() - start)
    print(f"  {'upsert (all indexes)':24} {_ms(samples)}")
    print(f"  load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    """Parse arguments and run each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[20_000])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    for n in args.n:
        asyncio.run(run(n, args.queries, args.seed))


if __name__ == "__main__":
    main()
