"""Why a target cannot be reached: the rules no allowed credential can meet, and why not."""

from __future__ import annotations

from pathways.domain.dates import dates_text, left_out_line, valid_on
from pathways.domain.stacking.explain import describe, title, yours
from pathways.domain.stacking.graph import unmet_prerequisites
from pathways.domain.stacking.model import (
    MICRO,
    Problem,
    allowed_new,
    best_recognitions,
    full_substitutes,
    micro,
    recognised_held,
)
from pathways.model import (
    AllRule,
    AnyRule,
    CredentialRule,
    CreditsRule,
    Decision,
    Rule,
    rule_credentials,
)
from pathways.wording import country_name, number

MAX_REASONS = 12


def unreachable_lines(problem: Problem, complete: bool, stopped: str) -> tuple[str, ...]:
    """Why no plan exists (or why none was found within the budget)."""
    ctx = problem.ctx
    head = f"{title(ctx, ctx.target.id)} cannot be reached from your credentials"
    if problem.countries is not None:
        head += " with new credentials limited to these countries: " + (
            ", ".join(country_name(c) for c in sorted(problem.countries)) or "none"
        )
    lines = [head + "."]
    if not complete:
        lines.append(
            f"The search stopped at {stopped} before finding a plan; a plan may still exist."
        )
        return tuple(lines)
    if problem.countries is not None and not problem.countries:
        lines.append("The countries filter is empty, so no new credential may be taken.")
    found = _Reasons(problem)
    assert ctx.target.requirements is not None
    if found.feasible(ctx.target.requirements):
        lines.append(
            "Each requirement can be met on its own, but not all at once: a credential counts "
            "towards one requirement only"
            + (", and some prerequisites depend on each other." if problem.cyclic else ".")
        )
    else:
        found.explain(ctx.target.requirements)
        lines.extend(found.lines[:MAX_REASONS])
    return tuple(lines)


class _Reasons:
    """Relaxed feasibility (double counting ignored) and the lines saying what fails."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.ctx = problem.ctx
        self.allowed = allowed_new(problem.ctx, problem.countries)
        self.recs = best_recognitions(problem.ctx.recognitions)
        self.subs = full_substitutes(self.recs)
        self.lines: list[str] = []

    def usable(self, cid: str) -> bool:
        problem = self.problem
        return cid != self.ctx.target.id and (cid in problem.held or cid in problem.takeable)

    def slot_value(self, x: str) -> int:
        own = self.ctx.credentials.get(x)
        best = 0
        if own is not None and (
            self.usable(x) or any(self.usable(y) for y in self.subs.get(x, []))
        ):
            best = micro(own.workload_ects)
        for (src, dst), rec in self.recs.items():
            if dst == x and rec.decision is Decision.PARTIAL and self.usable(src):
                best = max(best, micro(rec.ects or 0.0))
        return best

    def feasible(self, rule: Rule) -> bool:
        if isinstance(rule, CredentialRule):
            x = rule.credential
            return self.usable(x) or any(self.usable(y) for y in self.subs.get(x, []))
        if isinstance(rule, CreditsRule):
            return sum(self.slot_value(x) for x in rule.sources) >= micro(rule.credits)
        met = sum(self.feasible(c) for c in rule.children)
        if isinstance(rule, AllRule):
            return met == len(rule.children)
        assert isinstance(rule, AnyRule)
        return met >= rule.count

    def explain(self, rule: Rule) -> None:
        ctx = self.ctx
        if isinstance(rule, CredentialRule):
            x = rule.credential
            why = [self.why_not(c) for c in [x, *self.subs.get(x, [])]]
            self.lines.append(
                f"Nothing can meet the requirement {title(ctx, x)}: " + "; ".join(why) + "."
            )
        elif isinstance(rule, CreditsRule):
            total = sum(self.slot_value(x) for x in rule.sources)
            missing = [self.why_not(x) for x in rule.sources if self.slot_value(x) == 0]
            self.lines.append(
                f"At most {number(total / MICRO)} of the {number(rule.credits)} ECTS of "
                f"{describe(ctx, rule)} can be gathered"
                + (": " + "; ".join(missing[:4]) if missing else "")
                + "."
            )
        else:
            failing = [c for c in rule.children if not self.feasible(c)]
            if isinstance(rule, AnyRule):
                met = len(rule.children) - len(failing)
                self.lines.append(
                    f"Only {met} of the {len(rule.children)} options of {describe(ctx, rule)} "
                    f"can be met, and {rule.count} are needed."
                )
            for child in failing:
                self.explain(child)

    def _filtered(self, country: str) -> bool:
        """True when the request's countries filter (if it set one) leaves `country` out."""
        return self.problem.countries is not None and country not in self.problem.countries

    def why_not(self, cid: str) -> str:
        ctx = self.ctx
        cred = ctx.credentials.get(cid)
        if cid == ctx.target.id:
            return f"{title(ctx, cid)} is the target itself"
        if cred is None:
            return f"{title(ctx, cid)} is not in the graph"
        if cid in self.problem.held or cid in self.problem.takeable:
            return f"{title(ctx, cid)} is needed elsewhere"
        if not valid_on(cred, ctx.as_of):
            return f"{title(ctx, cid)} is {dates_text(cred)}, not on {ctx.as_of}"
        if cid not in self.allowed:
            if self._filtered(cred.country):
                return (
                    f"{title(ctx, cid)} is from {country_name(cred.country)}, "
                    "which the countries filter excludes"
                )
            return f"{title(ctx, cid)} is what a credential you hold is recognised as"
        for q, providers in unmet_prerequisites(cred, self.subs, self.problem.held):
            if not any(p in self.problem.takeable for p in providers):
                extra = ""
                qc = ctx.credentials.get(q)
                if qc is not None and not valid_on(qc, ctx.as_of):
                    extra = f" (it is {dates_text(qc)}, not on {ctx.as_of})"
                elif qc is not None and q not in self.allowed and self._filtered(qc.country):
                    extra = f" ({country_name(qc.country)} is excluded by the countries filter)"
                return (
                    f"{title(ctx, cid)} needs the prerequisite {title(ctx, q)}, "
                    f"which you do not hold and cannot take{extra}"
                )
        return f"{title(ctx, cid)} cannot be taken"


def not_counted_lines(problem: Problem, counted: set[str]) -> tuple[str, ...]:
    """Held credentials with a decision into the rules that still do not count, and why."""
    ctx = problem.ctx
    assert ctx.target.requirements is not None
    leaves = set(_leaf_credentials(ctx.target.requirements))
    named = set(rule_credentials(ctx.target.requirements))
    out: list[str] = []
    recs = best_recognitions(ctx.recognitions)
    for x, y in sorted(recognised_held(problem.held, recs).items()):
        if x in named and y not in counted:
            out.append(
                f"{title(ctx, x)} is not a step: {yours(ctx, y)} is recognised as it "
                f"(by {recs[(y, x)].by} on {recs[(y, x)].date}), so you already have that "
                "learning and it is never taken again."
            )
    for rec in sorted(ctx.recognitions, key=lambda r: (r.from_id, r.to_id)):
        y, x = rec.from_id, rec.to_id
        if y not in problem.held or y in counted or x not in named:
            continue
        if rec.decision is Decision.NONE:
            out.append(
                f"{yours(ctx, y)} does not count as {title(ctx, x)}: "
                f"{rec.by} decided against recognising it on {rec.date}."
            )
        elif rec.decision is Decision.PARTIAL and x in leaves:
            out.append(
                f"{yours(ctx, y)} is only partly recognised as "
                f"{title(ctx, x)} ({number(rec.ects or 0.0)} ECTS, by {rec.by} on {rec.date}); "
                "a partial recognition counts only towards credit rules."
            )
    return tuple(out)


def _leaf_credentials(rule: Rule) -> list[str]:
    if isinstance(rule, CredentialRule):
        return [rule.credential]
    if isinstance(rule, CreditsRule):
        return []
    return [x for child in rule.children for x in _leaf_credentials(child)]


def left_out_lines(problem: Problem) -> tuple[str, ...]:
    """Credentials the rules, their substitutes or prerequisites name, left out for their dates."""
    ctx = problem.ctx
    day = ctx.as_of
    if day is None or ctx.target.requirements is None:
        return ()
    named = set(rule_credentials(ctx.target.requirements))
    near = named | {r.from_id for r in ctx.recognitions if r.to_id in named}
    for cid in list(near):
        cred = ctx.credentials.get(cid)
        if cred is not None:
            near.update(cred.prerequisites)
    out: list[str] = []
    for cid in sorted(near):
        cred = ctx.credentials.get(cid)
        if cred is None or cid in problem.held or cid == ctx.target.id or valid_on(cred, day):
            continue
        if problem.countries is not None and cred.country not in problem.countries:
            continue
        out.append(left_out_line(title(ctx, cid), cred, day))
    return tuple(out[:MAX_REASONS])
