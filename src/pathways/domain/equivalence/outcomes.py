"""Learning-outcome alignment: pair outcomes by shared skills, then by wording, one to one.

Scores of one outcome pair (i of the asked-about credential, j of the candidate):

- skill score: shared skills / the smaller skill set (overlap coefficient).  ESCO URIs
  are language-neutral, so an Estonian and an English outcome align through them.
- text score: rapidfuzz token_sort_ratio of the two `match_key`s, 0..1, only when the
  two outcomes are in the same language (outcome language, else credential language;
  an unknown language is taken to match any).
- a pair that shares a skill scores max(skill, text) and is preferred; a pair sharing
  none is eligible only when its text score reaches `text_pair_min`.

Assignment is greedy, not a solver: eligible pairs sorted by (shares a skill, score)
descending, then by position, each outcome used at most once.  With five or so
outcomes a side and one clear counterpart each it finds the best pairing; where it
does not, it errs towards skill-backed pairs, the preference we want anyway (greedy by
weight alone is within half of the optimum).  It needs no scipy, is deterministic, and
runs for every candidate in one sorted pass.

Coverage = sum of pair scores / number of outcomes of the asked-about credential.
Text scores for every candidate come from one `process.cdist` call, and pair scores,
eligibility and the greedy order are computed for all candidates at once in numpy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from pathways.domain.equivalence.criteria import name
from pathways.domain.equivalence.model import EquivalencePolicy, OutcomeOverlap, OutcomePair
from pathways.domain.text import key_similarity, outcome_keys
from pathways.model import Credential, Outcome


def _language(outcome: Outcome, cred: Credential) -> str:
    return (outcome.language or cred.language or "").casefold()


Chosen = list[tuple[int, int, float, bool]]
"""Pairs picked for one candidate: (i in a, j in the candidate, score, through a skill)."""


def outcome_overlaps(
    a: Credential, candidates: Sequence[Credential], policy: EquivalencePolicy
) -> list[OutcomeOverlap]:
    """The outcome overlap of `a` with each candidate, in candidate order, text work batched."""
    return [
        build_overlap(a, cand, chosen, policy)
        for cand, chosen in zip(candidates, align(a, candidates, policy), strict=True)
    ]


def align(
    a: Credential, candidates: Sequence[Credential], policy: EquivalencePolicy
) -> list[Chosen]:
    """The greedy one-to-one pairs of a's outcomes with each candidate's, all batched."""
    a_outs = a.outcomes
    flat: list[Outcome] = []
    owner: list[int] = []
    owner_lang: list[str] = []
    for k, cand in enumerate(candidates):
        flat.extend(cand.outcomes)
        owner.extend([k] * len(cand.outcomes))
        owner_lang.extend(_language(o, cand) for o in cand.outcomes)
    if not a_outs or not flat:
        return [[] for _ in candidates]

    cells = len(a_outs) * len(flat)
    workers = -1 if cells >= policy.cdist_workers_from else 1
    text = key_similarity(outcome_keys(a_outs), outcome_keys(flat), workers)
    a_lang = np.array([_language(o, a) for o in a_outs], dtype=object)[:, None]
    b_lang = np.array(owner_lang, dtype=object)[None, :]
    text = np.where((a_lang == b_lang) | (a_lang == "") | (b_lang == ""), text, np.float32(0))

    # Shared-skill counts through an inverted index of a's outcomes, not a full product.
    by_skill: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(a_outs):
        for s in set(o.skills):
            by_skill[s].append(i)
    rows: list[int] = []
    cols: list[int] = []
    for j, o in enumerate(flat):
        for s in set(o.skills):
            for i in by_skill.get(s, ()):
                rows.append(i)
                cols.append(j)
    shared = np.zeros(text.shape, dtype=np.float32)
    np.add.at(shared, (np.array(rows, dtype=np.intp), np.array(cols, dtype=np.intp)), 1.0)
    a_sizes = np.array([len(set(o.skills)) for o in a_outs], dtype=np.float32)
    b_sizes = np.array([len(set(o.skills)) for o in flat], dtype=np.float32)
    smaller = np.maximum(np.minimum(a_sizes[:, None], b_sizes[None, :]), np.float32(1))
    tier = shared > 0
    score = np.where(tier, np.maximum(shared / smaller, text), text)
    ii, jj = np.nonzero(tier | (text >= np.float32(policy.text_pair_min)))

    # Greedy per candidate: one sort of every eligible pair, then one pass.
    kk = np.array(owner, dtype=np.intp)[jj]
    order = np.lexsort((jj, ii, -score[ii, jj], -tier[ii, jj].astype(np.int8), kk))
    chosen: list[Chosen] = [[] for _ in candidates]
    used_a: set[int] = set()
    used_b: set[int] = set()
    current = -1
    for i, j, k, pair_score, t in zip(
        ii[order].tolist(),
        jj[order].tolist(),
        kk[order].tolist(),
        score[ii[order], jj[order]].tolist(),
        tier[ii[order], jj[order]].tolist(),
        strict=True,
    ):
        if k != current:
            current, used_a, used_b = k, set(), set()
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        chosen[k].append((i, j, pair_score, t))
    base = 0
    for k, cand in enumerate(candidates):
        chosen[k] = sorted((i, j - base, round(s, 4), t) for i, j, s, t in chosen[k])
        base += len(cand.outcomes)
    return chosen


def coverage(a: Credential, b: Credential, chosen: Chosen, policy: EquivalencePolicy) -> float:
    """The overlap score: summed pair scores over a's outcomes (unknown without outcomes)."""
    if not a.outcomes or not b.outcomes:
        return policy.unknown_score
    return round(sum(pair_score for _i, _j, pair_score, _t in chosen) / len(a.outcomes), 4)


def outcome_overlap(a: Credential, b: Credential, policy: EquivalencePolicy) -> OutcomeOverlap:
    """The outcome overlap of `a` with one credential `b`."""
    return outcome_overlaps(a, [b], policy)[0]


def build_overlap(
    a: Credential, b: Credential, chosen: Chosen, policy: EquivalencePolicy
) -> OutcomeOverlap:
    """The overlap of a with b, in full, from the pairs `align` chose."""
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
    pairs = tuple(OutcomePair(a_outs[i], b_outs[j], pair_score) for i, j, pair_score, _ in chosen)
    matched = {i for i, *_ in chosen}
    unmatched = tuple(o for i, o in enumerate(a_outs) if i not in matched)
    score = coverage(a, b, chosen, policy)
    substantial = score < policy.outcome_coverage_min
    by_skill = sum(1 for *_, tier in chosen if tier)
    how = f"{by_skill} through shared skills, {len(chosen) - by_skill} by wording"
    verdict = (
        f"below the {policy.outcome_coverage_min:.0%} threshold"
        if substantial
        else f"at or above the {policy.outcome_coverage_min:.0%} threshold"
    )
    detail = (
        f"{len(pairs)} of {len(a_outs)} learning outcomes of {name(a)} have a counterpart in "
        f"{name(b)} ({how}); coverage {score:.0%}, {verdict}."
    )
    return OutcomeOverlap(score, substantial, pairs, unmatched, detail)
