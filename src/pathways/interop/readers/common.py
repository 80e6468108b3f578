"""Small readings every format shares: concept labels, numbers, modes, durations, kinds."""

from __future__ import annotations

import math
import re

from pathways.interop import vocab
from pathways.interop.nodes import Node
from pathways.interop.reading import Draft, Notes
from pathways.model import CredentialKind, Participation

OUR_KIND = "urn:pathways:kind:"


def kind_iri(kind: CredentialKind) -> str:
    """The IRI our writers give a credential's kind."""
    return f"{OUR_KIND}{kind.value}"


def kind_from_iri(iri: str) -> CredentialKind | None:
    """The kind one of our kind IRIs names, or None."""
    if iri.startswith(OUR_KIND):
        try:
            return CredentialKind(iri[len(OUR_KIND) :])
        except ValueError:
            return None
    return None


def concept_label(concept: Node) -> str | None:
    """A SKOS concept's preferred label (English first), or None."""
    labels = concept.texts(f"{vocab.SKOS}prefLabel")
    return labels.get("en") or labels.get("") or next(iter(labels.values()), None)


def number(value: object) -> float | None:
    """A finite, non-negative number from a literal that is one (or a numeric string)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        out = float(value)
    elif isinstance(value, str):
        try:
            out = float(value.strip().replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return out if math.isfinite(out) and 0 <= out <= 1e6 else None


_MODES = (
    (("blended", "hybrid", "mixed"), Participation.BLENDED),
    (("online", "distance", "remote", "e-learning", "virtual"), Participation.ONLINE),
    (
        (
            "on-site",
            "onsite",
            "in person",
            "in-person",
            "inperson",
            "face",
            "classroom",
            "presence",
        ),
        Participation.ONSITE,
    ),
)


def participation_from(iri: str, label: str) -> Participation | None:
    """Online, on-site or blended from a mode's IRI or label, or None."""
    text = f"{iri.rsplit('/', 1)[-1].rsplit(':', 1)[-1]} {label}".lower()
    for words, mode in _MODES:
        if any(w in text for w in words):
            return mode
    return None


def set_duration(draft: Draft, value: str, notes: Notes, title: str) -> None:
    """Hours from an ISO 8601 duration; calendar time is a warning, never a guess."""
    hours, why = vocab.duration_hours(value)
    if hours is None:
        notes.add(f"'{title}': {why}")
    elif hours > 0:
        draft.hours = hours


def local_name(iri: str) -> str:
    """The last segment of an IRI: '.../elm/thematicArea' -> 'thematicArea'."""
    return re.split(r"[#/:]", iri.rstrip("/#"))[-1] or iri


def note_unmapped(node: Node, used: frozenset[str], notes: Notes, title: str) -> None:
    """One warning naming the properties of `node` that no field of ours holds."""
    left = sorted({local_name(p) for p in node.properties() if p not in used})
    if left:
        notes.add(f"'{title}': not mapped (no field of ours holds them): {', '.join(left)}")


def description(node: Node, prop: str, draft: Draft) -> None:
    """The description in the credential's language, kept as the extra `description`."""
    texts = node.texts(prop)
    text = texts.get(draft.language or "en") or texts.get("") or next(iter(texts.values()), None)
    if text:
        draft.extra["description"] = text
