"""Parsing and checking requirement rules (credential / all / any + count / credits + from)."""

from __future__ import annotations

from collections.abc import Mapping

from pathways.model import AllRule, AnyRule, CredentialRule, CreditsRule, Rule
from pathways.seeds.fields import MAX_CREDITS, Ctx, Names, id_problem, number_problem, show
from pathways.wording import counted

MAX_DEPTH = 64
"""Deeper rule trees are refused; it also stops self-referencing YAML aliases."""

MAX_PARTS = 10_000
"""Larger rule trees are refused; YAML aliases can otherwise build exponential trees."""


class _Budget:
    """How many more rule parts one credential's tree may have, and whether we said so."""

    __slots__ = ("left", "told")

    def __init__(self) -> None:
        self.left = MAX_PARTS
        self.told = False


_KINDS = ("credential", "all", "any", "credits")
_ALLOWED = {"credential": {"credential"}, "all": {"all"}, "any": {"any", "count"}}
_ALLOWED["credits"] = {"credits", "from"}


def parse_rule(
    ctx: Ctx,
    node: object,
    field: str,
    *,
    own_id: str | None,
    credentials: Names,
    depth: int = 0,
    budget: _Budget | None = None,
) -> Rule | None:
    """The model rule for `node`, or None after recording why it is malformed."""
    budget = budget or _Budget()
    budget.left -= 1
    if depth > MAX_DEPTH or budget.left < 0:
        if not budget.told:
            too = f"nests deeper than {MAX_DEPTH} levels" if depth > MAX_DEPTH else "is too large"
            ctx.bad(field, f"rule {too} (more than {MAX_PARTS} parts in all, or a YAML alias loop)")
            budget.told = True
        return None
    if not isinstance(node, Mapping):
        ctx.bad(
            field,
            "a rule must be a mapping with exactly one of credential, all, any, credits; "
            f"found {type(node).__name__}",
        )
        return None
    kinds = [k for k in _KINDS if k in node]
    if len(kinds) != 1:
        said = ", ".join(kinds) if kinds else "none of them"
        ctx.bad(
            field,
            f"a rule needs exactly one of credential, all, any, credits; found {said}",
            node,
        )
        return None
    kind = kinds[0]
    extra = sorted(str(k) for k in node if k not in _ALLOWED[kind])
    if extra:
        ctx.bad(field, f"a '{kind}' rule cannot also have {', '.join(extra)}", node, extra[0])
        return None
    if kind == "credential":
        return _credential(ctx, node, field, own_id, credentials)
    if kind == "credits":
        return _credits(ctx, node, field, own_id, credentials)
    children_node = node[kind]
    if not isinstance(children_node, list) or not children_node:
        ctx.bad(f"{field}.{kind}", f"'{kind}' must be a non-empty list of rules", node, kind)
        return None
    children = [
        parse_rule(
            ctx,
            child,
            f"{field}.{kind}[{n}]",
            own_id=own_id,
            credentials=credentials,
            depth=depth + 1,
            budget=budget,
        )
        for n, child in enumerate(children_node)
    ]
    count = 1
    if kind == "any" and node.get("count") is not None:
        raw = node["count"]
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            ctx.bad(
                f"{field}.count",
                f"count must be a positive whole number, found {show(raw)}",
                node,
                "count",
            )
            return None
        count = raw
    if count > len(children_node):
        ctx.bad(
            f"{field}.count",
            f"count {count} is more than the {counted(len(children_node), 'rule')} listed in 'any'",
            node,
            "count",
        )
        return None
    if any(child is None for child in children):
        return None
    done = tuple(c for c in children if c is not None)
    return AllRule(done) if kind == "all" else AnyRule(done, count)


def _credential(
    ctx: Ctx, node: Mapping[object, object], field: str, own_id: str | None, credentials: Names
) -> Rule | None:
    ident = node["credential"]
    if not isinstance(ident, str) or not ident.strip():
        ctx.bad(
            f"{field}.credential",
            f"must be a credential id, found {show(ident)}",
            node,
            "credential",
        )
        return None
    if not _reference(
        ctx,
        ident,
        f"{field}.credential",
        (node, "credential"),
        own_id=own_id,
        credentials=credentials,
    ):
        return None
    return CredentialRule(ident)


def _credits(
    ctx: Ctx, node: Mapping[object, object], field: str, own_id: str | None, credentials: Names
) -> Rule | None:
    ok = True
    credits = node["credits"]
    if isinstance(credits, bool) or not isinstance(credits, int | float):
        ctx.bad(
            f"{field}.credits",
            f"credits must be a non-negative number, found {show(credits)}",
            node,
            "credits",
        )
        ok = False
    elif problem := number_problem(credits, MAX_CREDITS):
        ctx.bad(
            f"{field}.credits",
            f"credits must be a non-negative number of at most {MAX_CREDITS:g}; {problem}",
            node,
            "credits",
        )
        ok = False
    sources = node.get("from")
    if not isinstance(sources, list) or not sources:
        found = "nothing" if sources is None else show(sources)
        ctx.bad(
            f"{field}.from",
            f"a credits rule needs 'from': a non-empty list of credential ids; found {found}",
            node,
            "from" if "from" in node else "credits",
        )
        return None
    seen: dict[str, None] = {}
    for n, ident in enumerate(sources):
        where = f"{field}.from[{n}]"
        if not isinstance(ident, str) or not ident.strip():
            ctx.bad(where, f"must be a credential id, found {show(ident)}", node, "from")
            ok = False
        elif problem := id_problem(ident):
            ctx.bad(where, problem, node, "from")
            ok = False
        elif ident in seen:
            ctx.bad(where, f"'{ident}' is listed twice; each credential is one slot", node, "from")
            ok = False
        else:
            seen[ident] = None
            ok = (
                _reference(
                    ctx, ident, where, (node, "from"), own_id=own_id, credentials=credentials
                )
                and ok
            )
    if not ok:
        return None
    return CreditsRule(float(credits) + 0.0, tuple(seen))  # type: ignore[arg-type]


def _reference(
    ctx: Ctx,
    ident: str,
    field: str,
    at: tuple[object, str],
    *,
    own_id: str | None,
    credentials: Names,
) -> bool:
    node, key = at
    if ident == own_id:
        ctx.bad(field, f"a rule of '{own_id}' names '{own_id}' itself", node, key)
        return False
    if ident not in credentials:
        ctx.bad(field, credentials.unknown(ident), node, key)
        return False
    return True
