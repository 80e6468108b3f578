"""Whether a credential travels: written as ELM, OB3 and CTDL, and read back by our reader.

The portability principle asks that a credential rest on open standards and data
models.  pathways writes each format and reads the document back: the credential
passes a format when the document reads, and its title, awarding body, level,
workload and learning outcomes come back as they went in.  Results are cached by
the values that go in, since JSON-LD expansion is the slowest step.
"""

from __future__ import annotations

from functools import lru_cache

from pathways.domain.principles import PortabilityFact
from pathways.errors import PathwaysError
from pathways.interop.read import read_document
from pathways.interop.reading import DocumentFormat
from pathways.interop.writers import Facts, write_document
from pathways.model import Credential, Framework, Level, Provider, Skill

CACHE_SIZE = 4096
"""Round trips kept: one per (credential version, format), well beyond a large catalogue."""

_CORE = (
    ("title", "title"),
    ("awarding body", "provider"),
    ("level", "level"),
    ("workload", "workload_ects"),
)
_OTHER = (
    ("type of assessment", "assessment"),
    ("form of participation", "participation"),
    ("type of quality assurance", "quality_assurance"),
)


def portability(
    credential: Credential,
    provider: Provider | None,
    framework: Framework | None,
    skills: tuple[Skill, ...],
) -> tuple[PortabilityFact, ...]:
    """One fact per exchange format: does the credential survive writing and reading back?"""
    return tuple(
        _round_trip(fmt, credential, provider, framework, skills) for fmt in DocumentFormat
    )


def _same(value: object) -> object:
    # documents trim and fold white space in text; that is no loss
    return " ".join(value.split()) if isinstance(value, str) else value


@lru_cache(maxsize=CACHE_SIZE)
def _round_trip(
    fmt: DocumentFormat,
    cred: Credential,
    provider: Provider | None,
    framework: Framework | None,
    skills: tuple[Skill, ...],
) -> PortabilityFact:
    level: Level | None = None
    if framework is not None and cred.level is not None:
        level = framework.level(cred.level.code)
    facts = Facts(cred, provider, level, {s.id: s for s in skills})
    try:
        document = write_document(fmt, facts)
        reading = read_document(
            document,
            fmt,
            {framework.code: framework} if framework is not None else {},
            {provider.id: provider} if provider is not None else {},
        )
    except PathwaysError as exc:
        return PortabilityFact(fmt.value, False, f"does not read back: {exc.message}")
    if not reading.credentials:
        return PortabilityFact(fmt.value, False, "reads back without a credential.")
    back = reading.credentials[0]
    lost = [
        name for name, attr in _CORE if _same(getattr(back, attr)) != _same(getattr(cred, attr))
    ]
    if len(back.outcomes) != len(cred.outcomes):
        lost.append("learning outcomes")
    if lost:
        return PortabilityFact(
            fmt.value, False, "writes, but reads back without its " + ", ".join(lost) + "."
        )
    detail = (
        "writes and reads back with its title, awarding body, level, workload and "
        f"{len(cred.outcomes)} learning outcome(s)"
    )
    dropped = [
        name
        for name, attr in _OTHER
        if getattr(cred, attr) is not None and getattr(back, attr) != getattr(cred, attr)
    ]
    if dropped:
        detail += "; the format has no place for its " + ", ".join(dropped)
    return PortabilityFact(fmt.value, True, detail + ".")
