"""The search page (`/`) and a credential's page (`/credentials/{id}`)."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from pathways.domain.crosswalk import CrosswalkResult
from pathways.errors import BadUserInput, NotFound
from pathways.model import (
    EQF_CODE,
    AllRule,
    AnyRule,
    Credential,
    CredentialKind,
    CredentialRule,
    CreditsRule,
    Level,
    Rule,
    rule_credentials,
)
from pathways.quality_service import QualityService
from pathways.service import Service, encode_key
from pathways.web.render import number, page

PAGE_SIZE = 20
"""Results per page of the search page."""

MAX_FILTER = 16
"""Longest country or kind a filter accepts before it is checked (both are short codes)."""


def _param(request: Request, name: str, maximum: int = MAX_FILTER) -> str | None:
    value = request.query_params.get(name, "").strip()
    if len(value) > maximum:
        raise BadUserInput(f"'{name}' may be at most {maximum} characters.", argument=name)
    return value or None


def search_filters(request: Request) -> tuple[int | None, CredentialKind | None]:
    """The EQF level and kind filters of a search form, checked."""
    eqf_text = _param(request, "eqf")
    kind_text = _param(request, "kind", 32)
    eqf = None
    if eqf_text is not None:
        if not eqf_text.isdigit():
            raise BadUserInput(f"The EQF level must be 1 to 8, not '{eqf_text}'.", argument="eqf")
        eqf = int(eqf_text)
    kind = None
    if kind_text is not None:
        try:
            kind = CredentialKind(kind_text.upper())
        except ValueError as exc:
            known = ", ".join(k.value for k in CredentialKind)
            raise BadUserInput(
                f"'{kind_text}' is not a kind of credential; the kinds are {known}.",
                argument="kind",
            ) from exc
    return eqf, kind


async def search_page(request: Request, service: Service) -> Response:
    """Search over credentials with country, EQF level and kind filters."""
    text = _param(request, "q", 200)
    country = _param(request, "country")
    after = _param(request, "after", 512)
    start_text = _param(request, "start", 12) or "1"
    # The cursor is keyset (the last result seen), so the page's position rides along.
    start = int(start_text) if start_text.isdigit() and int(start_text) > 0 else 1
    eqf, kind = search_filters(request)
    result = await service.search(text, country, eqf, kind, PAGE_SIZE, after)
    countries = sorted({f.country for f in await service.frameworks() if f.country})
    last = result.items[-1] if result.items else None
    return page(
        request,
        "search.html",
        {
            "q": text or "",
            "country": (country or "").upper(),
            "eqf": eqf,
            "kind": kind.value if kind else "",
            "countries": countries,
            "kinds": [k.value for k in CredentialKind],
            "result": result,
            "start": start,
            "next_start": start + len(result.items),
            "next_after": encode_key(last[1], last[0].id) if last and result.more else None,
        },
    )


@dataclass(frozen=True, slots=True)
class LevelView:
    """A credential's level as a person reads it: framework, label, and its EQF levels."""

    framework: str
    framework_name: str
    code: str
    label: str | None
    eqf: tuple[int, ...]
    crosswalk_note: str | None
    known: bool


async def _level(service: Service, cred: Credential) -> LevelView | None:
    if cred.level is None:
        return None
    ref = cred.level
    fw = await service.framework(ref.framework)
    lvl: Level | None = fw.level(ref.code) if fw else None
    if fw is None or lvl is None:
        return LevelView(ref.framework, ref.framework, ref.code, None, (), None, False)
    note = None
    if fw.code != EQF_CODE:
        walk: CrosswalkResult = await service.crosswalk(fw.code, lvl.code, EQF_CODE)
        note = walk.note
    return LevelView(fw.code, fw.name, lvl.code, lvl.label, lvl.eqf, note, True)


@dataclass(frozen=True, slots=True)
class RuleView:
    """One node of a requirement rule, ready to be shown as a nested list."""

    text: str
    credential: Credential | None
    credential_id: str | None
    children: tuple[RuleView, ...]


def rule_view(rule: Rule, known: dict[str, Credential]) -> RuleView:
    """A requirement rule in words, naming each credential by its title when known."""
    if isinstance(rule, CredentialRule):
        return RuleView("", known.get(rule.credential), rule.credential, ())
    if isinstance(rule, CreditsRule):
        kids = tuple(RuleView("", known.get(s), s, ()) for s in rule.sources)
        return RuleView(f"At least {number(rule.credits)} ECTS from", None, None, kids)
    kids = tuple(rule_view(c, known) for c in rule.children)
    if isinstance(rule, AllRule):
        return RuleView("All of", None, None, kids)
    assert isinstance(rule, AnyRule)
    word = "One" if rule.count == 1 else str(rule.count)
    return RuleView(f"{word} of", None, None, kids)


async def credential_page(request: Request, service: Service, documents: bool = False) -> Response:
    """Everything known about one credential, with links onward (to its documents if served)."""
    cred_id = request.path_params["id"]
    cred = await service.require_credential(cred_id)
    store = service.store
    providers = await store.providers([cred.provider] if cred.provider else [])
    skill_ids = sorted({s for o in cred.outcomes for s in o.skills})
    skills = await store.skills(skill_ids)
    rule_ids = list(rule_credentials(cred.requirements)) if cred.requirements else []
    recognitions = await store.recognitions_from(cred.id)
    named = await store.credentials(
        sorted({*cred.prerequisites, *rule_ids, *(r.to_id for r in recognitions)})
    )
    try:
        level = await _level(service, cred)
    except NotFound:
        level = None
    return page(
        request,
        "credential.html",
        {
            "cred": cred,
            "provider": providers.get(cred.provider or ""),
            "skills": skills,
            "level": level,
            "prerequisites": [(p, named.get(p)) for p in cred.prerequisites],
            "requirements": rule_view(cred.requirements, named) if cred.requirements else None,
            "stacks_into": await store.stacks_into(cred.id),
            "recognitions": [(r, named.get(r.to_id)) for r in recognitions],
            "quality": await service.quality_report(cred.id),
            "principles": await QualityService(service).principles_report(cred.id),
            "documents": documents,
        },
    )
