"""Plain-language reasons for a skill-gap plan: what is covered, each step, what cannot be."""

from __future__ import annotations

from pathways.domain.dates import left_out_line, valid_on
from pathways.domain.skillgap.problem import GapProblem, skills_of
from pathways.model import Decision
from pathways.wording import country_name, number

MAX_LINES = 12
"""Most lines of one kind (left out for dates, why a skill cannot be taught)."""


def skill_name(pb: GapProblem, sid: str) -> str:
    """A skill's English (else any) label in quotes, or its id."""
    skill = pb.ctx.skills.get(sid)
    label = skill.label("en") if skill is not None else None
    return f"'{label or sid}'"


def title(pb: GapProblem, cid: str) -> str:
    """A credential's title in quotes, or its id."""
    cred = pb.ctx.credentials.get(cid)
    return f"'{cred.title}'" if cred is not None else f"'{cid}'"


def plan_lines(pb: GapProblem, order: list[str], optimal: bool, limit: int) -> tuple[str, ...]:
    """Every line explaining a skill-gap plan."""
    lines = [_summary(pb, order)]
    if not optimal:
        lines.append(
            f"The search stopped at its budget ({limit} nodes or the request's time) before "
            "proving this the least: it is the best plan found."
        )
    lines.extend(_covered_lines(pb))
    lines.extend(_step_lines(pb, order))
    lines.extend(_uncovered_lines(pb))
    lines.extend(_dated_lines(pb))
    return tuple(lines)


def _summary(pb: GapProblem, order: list[str]) -> str:
    asked, have, gap = len(pb.asked), len(pb.asked) - len(pb.missing), len(pb.demands)
    head = f"Of the {asked} skills asked for you already have {have}."
    if not pb.missing:
        return head + " Nothing more is needed."
    if not order:
        return head + " No credential you may take teaches the others."
    ects = sum(pb.ctx.credentials[c].workload_ects for c in order)
    noun = "credential" if len(order) == 1 else "credentials"
    return (
        f"{head} To learn the {gap} that can be taught you need {len(order)} {noun}, "
        f"{number(ects)} ECTS in all: the fewest ECTS, then the fewest credentials."
    )


def _covered_lines(pb: GapProblem) -> list[str]:
    out: list[str] = []
    for sid in pb.asked:
        giver = pb.covered.get(sid)
        if giver is None:
            continue
        if giver in pb.ctx.held:
            out.append(f"You have {skill_name(pb, sid)} from your credential {title(pb, giver)}.")
            continue
        holders = sorted(
            h
            for (h, x), rec in pb.recs.items()
            if x == giver and h in pb.ctx.held and rec.decision is Decision.FULL
        )
        rec = pb.recs[(holders[0], giver)]
        out.append(
            f"You have {skill_name(pb, sid)}: your credential {title(pb, holders[0])} is "
            f"recognised as {title(pb, giver)} (by {rec.by} on {rec.date}), which teaches it."
        )
    return out


def _step_lines(pb: GapProblem, order: list[str]) -> list[str]:
    position = {cid: i for i, cid in enumerate(order)}
    helps: dict[str, list[str]] = {}
    for cid in order:
        for q, providers in pb.prereqs.get(cid, ()):
            earlier = [p for p in providers if position.get(p, len(order)) < position[cid]]
            if not earlier:
                continue
            p = min(earlier, key=position.__getitem__)
            if p == q:
                helps.setdefault(p, []).append(f"it is a prerequisite of {title(pb, cid)}")
            else:
                helps.setdefault(p, []).append(
                    f"it meets the prerequisite {title(pb, q)} of {title(pb, cid)} "
                    "(recognised as it)"
                )
    out: list[str] = []
    for pos, cid in enumerate(order, 1):
        cred = pb.ctx.credentials[cid]
        taught = [skill_name(pb, s) for s in pb.demands if s in pb.teaches.get(cid, ())]
        reasons = [f"it teaches {', '.join(taught)}"] if taught else []
        reasons += helps.get(cid, [])
        out.append(
            f"Step {pos}: take {title(pb, cid)} ({country_name(cred.country)}, "
            f"{number(cred.workload_ects)} ECTS): " + "; ".join(reasons) + "."
        )
    return out


def _uncovered_lines(pb: GapProblem) -> list[str]:
    out: list[str] = []
    for sid in pb.uncovered[:MAX_LINES]:
        teachers = sorted(c for c, cred in pb.ctx.credentials.items() if sid in skills_of(cred))
        if not teachers:
            out.append(f"No credential in the graph teaches {skill_name(pb, sid)}.")
            continue
        why = [_why_not(pb, c) for c in teachers[:3]]
        more = f" and {len(teachers) - 3} more" if len(teachers) > 3 else ""
        out.append(
            f"No credential you may take teaches {skill_name(pb, sid)}: "
            + "; ".join(why)
            + more
            + "."
        )
    return out


def _why_not(pb: GapProblem, cid: str) -> str:
    cred = pb.ctx.credentials[cid]
    if cid in pb.ctx.held:
        return f"{title(pb, cid)} is yours"
    if not valid_on(cred, pb.as_of):
        return f"{title(pb, cid)} is not valid on {pb.as_of}"
    if pb.countries is not None and cred.country not in pb.countries:
        return f"{title(pb, cid)} is from {country_name(cred.country)}, outside your countries"
    if cid not in pb.allowed:
        return f"{title(pb, cid)} is recognised from a credential you hold"
    return f"{title(pb, cid)} needs prerequisites that can never be met"


def _dated_lines(pb: GapProblem) -> list[str]:
    """Teachers of missing skills, and prerequisites, left out for their dates."""
    if pb.as_of is None:
        return []
    wanted = set(pb.missing)
    out: list[str] = []
    for cid, cred in sorted(pb.ctx.credentials.items()):
        if cid in pb.ctx.held or valid_on(cred, pb.as_of):
            continue
        if pb.countries is not None and cred.country not in pb.countries:
            continue
        if skills_of(cred) & wanted:
            out.append(left_out_line(title(pb, cid), cred, pb.as_of))
    return out[:MAX_LINES]
