"""Benchmark: CandidateIndex.shortlist + equivalents over a synthetic graph, in-process.

Run: .venv/bin/python bench/bench_equivalents.py [--n 20000] [--queries 200] [--seed 7]

Uses bench/synth.py's `synth_graph` when it is there; otherwise a small generator
below (domains with their own skills and words, five languages, shared generic words
that the index must learn to ignore).  Prints the data size, the index build time and
p50/p99 of shortlist + equivalents per asked-about credential.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pathways.domain.candidates import DEFAULT_LIMIT, CandidateIndex
from pathways.domain.equivalence import equivalents
from pathways.model import (
    Credential,
    CredentialKind,
    Decision,
    EquivalenceContext,
    Framework,
    Graph,
    Level,
    LevelRef,
    Outcome,
    Participation,
    Recognition,
)

LANGUAGES = ("en", "et", "da", "fr", "es")
VERBS = {
    "en": ["set up", "weld", "inspect", "plan", "install", "describe", "apply", "maintain"],
    "et": ["seadistab", "keevitab", "kontrollib", "planeerib", "paigaldab", "kirjeldab"],
    "da": ["opsætte", "svejse", "kontrollere", "planlægge", "installere", "beskrive"],
    "fr": ["installer", "souder", "contrôler", "planifier", "décrire", "appliquer"],
    "es": ["instalar", "soldar", "inspeccionar", "planificar", "describir", "aplicar"],
}
GENERIC = ["safety", "quality", "team", "customer", "documentation", "workplace"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def own_synth_graph(n_micro: int = 20_000, seed: int = 7, n_domains: int = 250) -> Graph:
    """A synthetic graph: n_micro credentials of ~5 outcomes in 5 languages over skill domains."""
    rng = random.Random(seed)
    levels = tuple(Level("SYN-QF", str(e), (e,)) for e in range(1, 9))
    frameworks = {"SYN-QF": Framework("SYN-QF", "Synthetic framework", levels, "IE")}
    domains = []
    for d in range(n_domains):
        skills = [f"http://data.europa.eu/esco/skill/syn-{d}-{k}" for k in range(12)]
        vocab = {lang: [_word(rng) for _ in range(25)] for lang in LANGUAGES}
        domains.append((skills, vocab))
    credentials: dict[str, Credential] = {}
    for n in range(n_micro):
        d = rng.randrange(n_domains)
        skills, vocab = domains[d]
        lang = LANGUAGES[n % len(LANGUAGES)]
        outs = []
        for k in range(rng.randint(4, 6)):
            words = rng.sample(vocab[lang], 3) + (
                [rng.choice(GENERIC)] if rng.random() < 0.5 else []
            )
            text = f"{rng.choice(VERBS[lang])} {' '.join(words)}"
            outs.append(
                Outcome(f"c{n}#o{k}", text, lang, tuple(rng.sample(skills, rng.randint(1, 2))))
            )
        cid = f"c{n:05}"
        credentials[cid] = Credential(
            id=cid,
            kind=CredentialKind.MICRO_CREDENTIAL,
            title=" ".join(rng.sample(vocab[lang], 2)),
            country=lang.upper() if lang != "en" else "IE",
            language=lang,
            level=LevelRef("SYN-QF", str(rng.randint(3, 7))),
            ects=rng.choice([1, 2, 3, 4, 5, 6, 10]),
            participation=rng.choice(list(Participation)),
            quality_assurance=rng.choice([None, "national agency"]),
            outcomes=tuple(outs),
        )
    ids = list(credentials)
    recognitions = tuple(
        Recognition(
            rng.choice(ids), rng.choice(ids), rng.choice(list(Decision)), "QQI", "2025-01-01", 2.0
        )
        for _ in range(n_micro // 20)
    )
    return Graph(frameworks, {}, {}, credentials, recognitions)


def load_graph(n: int, seed: int, domains: int, own: bool) -> tuple[Graph, str]:
    """The shared generator's graph when bench/synth.py exists (and not --own), else our own."""
    try:
        if own:
            raise ImportError("--own")
        from synth import synth_graph  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return own_synth_graph(n, seed, domains), "bench_equivalents.own_synth_graph"
    return synth_graph(n_micro=n, seed=seed), "bench/synth.synth_graph"


def main() -> None:
    """Build the index, then time shortlist + equivalents for random credentials."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--domains", type=int, default=60, help="skill domains of the own generator (fewer: denser)"
    )
    parser.add_argument("--own", action="store_true", help="use the generator in this file")
    args = parser.parse_args()

    t = time.perf_counter()
    graph, source = load_graph(args.n, args.seed, args.domains, args.own)
    gen_s = time.perf_counter() - t
    table = {(lv.framework, lv.code): lv for fw in graph.frameworks.values() for lv in fw.levels}
    creds = graph.credentials
    by_from: dict[str, list[Recognition]] = defaultdict(list)
    for rec in graph.recognitions:
        by_from[rec.from_id].append(rec)

    t = time.perf_counter()
    index = CandidateIndex(creds.values(), table)
    build_s = time.perf_counter() - t

    rng = random.Random(args.seed + 1)
    asked = rng.sample(sorted(creds), min(args.queries, len(creds)))
    timings, shortlist_ms, cpu_ms, sizes = [], [], [], []
    for cid in asked:
        cred = creds[cid]
        c0 = time.process_time()
        t0 = time.perf_counter()
        recs = by_from.get(cid, [])
        short = index.shortlist(cred, None, DEFAULT_LIMIT)
        t1 = time.perf_counter()
        ids = list(dict.fromkeys([*(r.to_id for r in recs), *short]))
        ctx = EquivalenceContext(cred, tuple(creds[i] for i in ids), table, {}, tuple(recs))
        equivalents(ctx, None, 0.0, 10)
        t2 = time.perf_counter()
        cpu_ms.append((time.process_time() - c0) * 1000)
        timings.append((t2 - t0) * 1000)
        shortlist_ms.append((t1 - t0) * 1000)
        sizes.append(len(ids))

    def pct(xs: list[float], q: float) -> float:
        return sorted(xs)[min(len(xs) - 1, int(q * len(xs)))]

    n_out = sum(len(c.outcomes) for c in creds.values())
    print(f"data: {len(creds)} credentials, {n_out} outcomes (from {source}, {gen_s:.1f} s)")
    print(f"index build: {build_s:.2f} s; max_df {index.max_df()}")
    print(f"queries: {len(timings)}; candidates scored: median {statistics.median(sizes):.0f}")

    def line(label: str, xs: list[float]) -> None:
        print(f"{label:<26} p50 {pct(xs, 0.5):5.1f} ms   p99 {pct(xs, 0.99):5.1f} ms")

    line("shortlist:", shortlist_ms)
    line("shortlist + equivalents:", timings)
    line("  same, CPU time:", cpu_ms)
    print(f"load average while running: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
