"""Plain-language reasons for a stacking plan: what counts already, why each step, why not."""

from __future__ import annotations

from pathways.domain.stacking.model import MICRO, Node, Problem, best_recognitions
from pathways.domain.stacking.solver import Found
from pathways.model import (
    HOURS_PER_ECTS,
    AllRule,
    AnyRule,
    CredentialRule,
    CreditsRule,
    Decision,
    Objective,
    PlanningContext,
    Recognition,
    Rule,
)
from pathways.wording import country_name, listed, number, quoted


def title(ctx: PlanningContext, cid: str) -> str:
    """A credential's title in quotes, or its id when the context lacks it."""
    cred = ctx.credentials.get(cid)
    return quoted(cred.title if cred is not None else cid)


def yours(ctx: PlanningContext, cid: str) -> str:
    """ "Your credential 'title' from <country>", how explanations name a held credential."""
    cred = ctx.credentials.get(cid)
    origin = f" from {country_name(cred.country)}" if cred is not None else ""
    return f"Your credential {title(ctx, cid)}{origin}"


def describe(ctx: PlanningContext, rule: Rule | None, limit: int = 4) -> str:
    """A short description of a rule."""
    if rule is None:
        return "the requirements"
    if isinstance(rule, CredentialRule):
        return title(ctx, rule.credential)
    if isinstance(rule, CreditsRule):
        sources = listed([title(ctx, c) for c in rule.sources], limit)
        return f"at least {number(rule.credits)} ECTS from {sources}"
    shown = listed([describe(ctx, c, 2) for c in rule.children], limit)
    if isinstance(rule, AllRule):
        return f"all of: {shown}"
    assert isinstance(rule, AnyRule)
    return f"at least {rule.count} of: {shown}"


def _recognised(rec: Recognition) -> str:
    return f"recognised by {rec.by} on {rec.date}"


def _context(ctx: PlanningContext, problem: Problem, node: Node) -> str:
    if node.kind == "credits":
        return f"towards {describe(ctx, node.rule)}"
    parent = problem.nodes[node.parent] if node.parent is not None else None
    if parent is not None and parent.kind == "any" and parent.rule is not None:
        return (
            f"for the requirement {describe(ctx, node.rule)}, one of {describe(ctx, parent.rule)}"
        )
    return f"for the requirement {describe(ctx, node.rule)}"


def held_target_lines(ctx: PlanningContext, holder: str) -> tuple[str, ...]:
    """Why a target counts as complete because it, or a FULL recognition of it, is held."""
    target = ctx.target
    if holder == target.id:
        return (f"You already hold {title(ctx, target.id)}: nothing more is needed.",)
    rec = best_recognitions(ctx.recognitions)[(holder, target.id)]
    return (
        f"{yours(ctx, holder)} counts as {title(ctx, target.id)} "
        f"({_recognised(rec)}): nothing more is needed.",
    )


def plan_lines(
    problem: Problem, found: Found, order: list[str], optimal: bool, stopped: str
) -> tuple[str, ...]:
    """Every line explaining an achievable plan (already complete included)."""
    ctx = problem.ctx
    recs = best_recognitions(ctx.recognitions)
    lines: list[str] = []
    target = title(ctx, ctx.target.id)
    if not order:
        lines.append(f"Your credentials already meet every requirement of {target}.")
    else:
        creds = [ctx.credentials[c] for c in order]
        ects = sum(c.workload_ects for c in creds)
        hours = sum(c.workload_hours for c in creds)
        noun = "credential" if len(order) == 1 else "credentials"
        why = {
            Objective.CREDITS: "the fewest ECTS",
            Objective.HOURS: "the fewest hours",
            Objective.COUNT: "the fewest credentials",
        }[problem.objective]
        lines.append(
            f"To complete {target} you need {len(order)} more {noun}, {number(ects)} ECTS "
            f"({number(hours)} hours) in all; this plan is chosen for {why}."
        )
    for fill in found.fills:
        if fill.credential not in problem.held:
            continue
        node = problem.nodes[fill.node]
        x = node.slots[fill.slot].credential
        y = fill.credential
        if y == x:
            if node.kind == "credits":
                lines.append(
                    f"Your credential {title(ctx, y)} counts {number(fill.value / MICRO)} ECTS "
                    f"{_context(ctx, problem, node)}."
                )
            else:
                lines.append(
                    f"Your credential {title(ctx, y)} meets the requirement {title(ctx, x)}."
                )
            continue
        rec = recs[(y, x)]
        if rec.decision is Decision.FULL:
            lines.append(f"{yours(ctx, y)} counts as {title(ctx, x)} ({_recognised(rec)}).")
        else:
            lines.append(
                f"{yours(ctx, y)} counts for {number(fill.value / MICRO)} ECTS "
                f"of {title(ctx, x)} (partial recognition by {rec.by} on {rec.date}), "
                f"{_context(ctx, problem, node)}."
            )
    lines.extend(_held_prerequisite_lines(problem, order, recs))
    lines.extend(_step_lines(problem, found, order, recs))
    lines.extend(_derived_lines(problem, order, found))
    if not optimal:
        lines.insert(
            1,
            f"The search stopped at {stopped}: this is the best plan found, "
            "not proven to be the least.",
        )
    return tuple(lines)


def _held_prerequisite_lines(
    problem: Problem, order: list[str], recs: dict[tuple[str, str], Recognition]
) -> list[str]:
    """Held foreign credentials that meet a prerequisite of a step through a decision."""
    ctx = problem.ctx
    out: list[str] = []
    for step in order:
        for q in ctx.credentials[step].prerequisites:
            if q in problem.held:
                continue
            for y in sorted(problem.held):
                rec = recs.get((y, q))
                if y != step and rec is not None and rec.decision is Decision.FULL:
                    out.append(
                        f"{yours(ctx, y)} counts as {title(ctx, q)} "
                        f"({_recognised(rec)}), the prerequisite of {title(ctx, step)}."
                    )
                    break
    return out


def _step_lines(
    problem: Problem, found: Found, order: list[str], recs: dict[tuple[str, str], Recognition]
) -> list[str]:
    ctx = problem.ctx
    fills = {f.credential: f for f in found.fills}
    supports: dict[str, list[tuple[str, str]]] = {}
    for sup in found.supports:
        supports.setdefault(sup.provider, []).append((sup.step, sup.prereq))
    out: list[str] = []
    for pos, cid in enumerate(order, 1):
        cred = ctx.credentials[cid]
        reasons: list[str] = []
        fill = fills.get(cid)
        if fill is not None:
            node = problem.nodes[fill.node]
            x = node.slots[fill.slot].credential
            if x == cid and node.kind == "credits":
                reasons.append(
                    f"it counts {number(fill.value / MICRO)} ECTS {_context(ctx, problem, node)}"
                )
            elif x == cid:
                reasons.append(f"it is needed {_context(ctx, problem, node)}")
            else:
                rec = recs[(cid, x)]
                if rec.decision is Decision.FULL:
                    reasons.append(
                        f"it is recognised as {title(ctx, x)} by {rec.by} on {rec.date} and counts "
                        f"{_context(ctx, problem, node)}"
                    )
                else:
                    reasons.append(
                        f"it is partially recognised as {title(ctx, x)} for "
                        f"{number(fill.value / MICRO)} ECTS (by {rec.by} on {rec.date}) and counts "
                        f"{_context(ctx, problem, node)}"
                    )
        for step, prereq in sorted(supports.get(cid, []), key=lambda s: order.index(s[0])):
            if prereq == cid:
                reasons.append(f"it is a prerequisite of {title(ctx, step)}")
            else:
                rec = recs[(cid, prereq)]
                reasons.append(
                    f"it meets the prerequisite {title(ctx, prereq)} of {title(ctx, step)} "
                    f"(recognised as it by {rec.by} on {rec.date})"
                )
        where = country_name(cred.country)
        out.append(
            f"Step {pos}: take {title(ctx, cid)} ({where}, {number(cred.workload_ects)} ECTS): "
            + "; ".join(reasons or ["it completes the plan"])
            + "."
        )
    return out


def _derived_lines(problem: Problem, order: list[str], found: Found) -> list[str]:
    ctx = problem.ctx
    involved = list(order)
    for fill in found.fills:
        involved.append(fill.credential)
        involved.append(problem.nodes[fill.node].slots[fill.slot].credential)
    out: list[str] = []
    seen: set[str] = set()
    for cid in involved:
        cred = ctx.credentials.get(cid)
        if cred is None or cid in seen:
            continue
        seen.add(cid)
        if cred.ects_derived:
            out.append(
                f"{title(ctx, cid)} states no ECTS: {number(cred.workload_ects)} ECTS are derived "
                f"from its {number(cred.workload_hours)} hours at {number(HOURS_PER_ECTS)} hours "
                "per ECTS."
            )
        elif cred.hours_derived and problem.objective is Objective.HOURS:
            out.append(
                f"{title(ctx, cid)} states no hours: {number(cred.workload_hours)} hours "
                f"are derived from its {number(cred.workload_ects)} ECTS "
                f"at {number(HOURS_PER_ECTS)} hours per ECTS."
            )
    return out
