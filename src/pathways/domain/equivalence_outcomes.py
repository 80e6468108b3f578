"""Learning-outcome alignment: pair outcomes by shared skills, then by wording, one to one.

Scores of one outcome pair (i of the asked-about credential, j of the candidate):

- skill score: shared skills / the smaller skill set (overlap coefficient).  ESCO URIs
  are language-neutral, so an Estonian and an English outcome align through them.
- text score: rapidfuzz token_sort_ratio of the two `match_key`s, 0..1, only when the
  two outcomes are in the same language (outcome language, else credential language;
  an unknown language is taken to match any).
- a pair that shares a skill scores max(skill, text) and is preferred; a pair sharing
  none is eligible only when its text score reaches `text_pair_min`.

Assignment is greedy: eligible pairs sorted by (shares a skill, score) descending,
then by position, each outcome used at most once.  Greedy is at least half the
optimum weight and exact whenever each outcome has one clear counterpart, which is
the common case with five or so outcomes a side; it needs no solver (scipy is not a
dependency) and is deterministic.

Coverage = sum of pair scores / number of outcomes of the asked-about credential.
Text scores for every candidate come from one `process.cdist` call.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from pathways.domain.equivalence_criteria import name
from pathways.domain.equivalence_model import EquivalencePolicy, OutcomeOverlap, OutcomePair
from pathways.domain.text import similarity_matrix
from pathways.model import Credential, Outcome


def _language(outcome: Outcome, cred: Credential) -> str:
    return (outcome.language or cred.language or "").casefold()


def outcome_overlaps(
    a: Credential, candidates: Sequence[Credential], policy: EquivalencePolicy
) -> list[OutcomeOverlap]:
    """The outcome overlap of `a` with each candidate, in candidate order, text work batched."""
    a_outs = a.outcomes
    flat: list[Outcome] = []
    owner_lang: list[str] = []
    starts: list[int] = []
    for cand in candidates:
        starts.append(len(flat))
        flat.extend(cand.outcomes)
        owner_lang.extend(_language(o, cand) for o in cand.outcomes)
    starts.append(len(flat))

    cells = len(a_outs) * len(flat)
    workers = -1 if cells >= policy.cdist_workers_from else 1
    text = similarity_matrix([o.text for o in a_outs], [o.text for o in flat], workers)
    if cells:
        a_lang = np.array([_language(o, a) for o in a_outs], dtype=object)
        b_lang = np.array(owner_lang, dtype=object)
        same = (a_lang[:, None] == b_lang[None, :]) | (a_lang[:, None] == "")
        same |= b_lang[None, :] == ""
        text = np.where(same, text, np.float32(0.0))

    # Shared-skill counts through an inverted index of a's outcomes, not a full product.
    by_skill: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(a_outs):
        for s in set(o.skills):
            by_skill[s].append(i)
    a_sizes = [len(set(o.skills)) for o in a_outs]

    result = []
    for k, cand in enumerate(candidates):
        lo, hi = starts[k], starts[k + 1]
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for j in range(lo, hi):
            skills = set(flat[j].skills)
            for s in skills:
                for i in by_skill.get(s, ()):
                    shared[(i, j - lo)] += 1
        b_sizes = [len(set(flat[j].skills)) for j in range(lo, hi)]
        result.append(
            _assign(
                a,
                cand,
                text=text[:, lo:hi],
                shared=shared,
                a_sizes=a_sizes,
                b_sizes=b_sizes,
                policy=policy,
            )
        )
    return result


def outcome_overlap(a: Credential, b: Credential, policy: EquivalencePolicy) -> OutcomeOverlap:
    """The outcome overlap of `a` with one credential `b`."""
    return outcome_overlaps(a, [b], policy)[0]


def _assign(
    a: Credential,
    b: Credential,
    *,
    text: npt.NDArray[np.float32],
    shared: dict[tuple[int, int], int],
    a_sizes: list[int],
    b_sizes: list[int],
    policy: EquivalencePolicy,
) -> OutcomeOverlap:
    a_outs, b_outs = a.outcomes, b.outcomes
    if not a_outs or not b_outs:
        who = " and ".join(name(c) for c in (a, b) if not c.outcomes)
        return OutcomeOverlap(
            policy.unknown_score,
            False,
            (),
            a_outs,
            f"{who} lists no learning outcomes, so outcomes cannot be compared.",
        )
    eligible: list[tuple[int, float, int, int]] = []
    for (i, j), n in shared.items():
        skill = n / min(a_sizes[i], b_sizes[j])
        eligible.append((1, max(skill, float(text[i, j])), i, j))
    rows, cols = np.nonzero(text >= policy.text_pair_min)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if (i, j) not in shared:
            eligible.append((0, float(text[i, j]), i, j))
    eligible.sort(key=lambda e: (-e[0], -e[1], e[2], e[3]))

    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[tuple[int, int, float, int]] = []
    for tier, score, i, j in eligible:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        chosen.append((i, j, score, tier))
    chosen.sort()
    pairs = tuple(OutcomePair(a_outs[i], b_outs[j], round(s, 4)) for i, j, s, _ in chosen)
    unmatched = tuple(o for i, o in enumerate(a_outs) if i not in used_a)
    coverage = round(sum(p.score for p in pairs) / len(a_outs), 4)
    substantial = coverage < policy.outcome_coverage_min
    by_skill = sum(1 for *_, tier in chosen if tier)
    how = f"{by_skill} through shared skills, {len(chosen) - by_skill} by wording"
    verdict = (
        f"below the {policy.outcome_coverage_min:.0%} threshold"
        if substantial
        else f"at or above the {policy.outcome_coverage_min:.0%} threshold"
    )
    detail = (
        f"{len(pairs)} of {len(a_outs)} learning outcomes of {name(a)} have a counterpart in "
        f"{name(b)} ({how}); coverage {coverage:.0%}, {verdict}."
    )
    return OutcomeOverlap(coverage, substantial, pairs, unmatched, detail)
