"""Reading a document of any supported format: detect, expand offline, read, finish."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pathways.errors import BadUserInput
from pathways.interop import loader, vocab
from pathways.interop.nodes import NodeIndex
from pathways.interop.readers import ctdl, elm, ob3
from pathways.interop.reading import DocumentFormat, Draft, Notes, Reading, finish
from pathways.model import Framework, Provider

_READERS = {
    DocumentFormat.ELM: elm.read,
    DocumentFormat.OB3: ob3.read,
    DocumentFormat.CTDL: ctdl.read,
}

_WHAT = (
    "an ELM v3 credential or specification (context "
    f"{loader.ELM_CONTEXT}), an Open Badges 3.0 credential or Achievement (context "
    f"{loader.OB3_CONTEXT}) or a CTDL record (ceterms: properties)"
)


def detect(document: Mapping[str, object]) -> DocumentFormat | None:
    """The format a document's contexts (or, without any, its CTDL prefixes) say it is."""
    keys = {loader._key(u) for u in loader.context_urls(document)}
    if loader._key(loader.ELM_CONTEXT) in keys:
        return DocumentFormat.ELM
    if any(k.startswith("purl.imsglobal.org/spec/ob/") for k in keys):
        return DocumentFormat.OB3
    if loader._key(loader.CTDL_CONTEXT) in keys or _looks_ctdl(document):
        return DocumentFormat.CTDL
    return None


def _looks_ctdl(document: Mapping[str, object]) -> bool:
    items = document.get("@graph")
    nodes = items if isinstance(items, list) else [document]
    return any(
        isinstance(n, Mapping)
        and any(isinstance(k, str) and k.startswith(("ceterms:", "ceasn:")) for k in n)
        for n in nodes
    )


@dataclass(frozen=True, slots=True)
class Parsed:
    """A document expanded and read into drafts: the costly part of a reading, done once."""

    fmt: DocumentFormat
    drafts: list[Draft]
    skill_labels: Mapping[str, dict[str, str]]
    warnings: tuple[str, ...]

    def finish(
        self,
        frameworks: Mapping[str, Framework] | None = None,
        providers: Mapping[str, Provider] | None = None,
    ) -> Reading:
        """Model values from the drafts, against these frameworks and known providers."""
        notes = Notes()
        for line in self.warnings:
            notes.add(line)
        return finish(self.fmt, self.drafts, self.skill_labels, frameworks or {}, notes, providers)


def read_document(
    document: object,
    fmt: DocumentFormat | None = None,
    frameworks: Mapping[str, Framework] | None = None,
    providers: Mapping[str, Provider] | None = None,
) -> Reading:
    """Every credential specification a document holds, as model values, with warnings.

    Nothing of the learner an issued credential names is read; nothing is fetched.
    """
    return parse_document(document, fmt).finish(frameworks, providers)


def parse_document(document: object, fmt: DocumentFormat | None = None) -> Parsed:
    """A document detected, expanded offline and read into drafts (not yet model values)."""
    if not isinstance(document, Mapping):
        raise BadUserInput(f"A document must be a JSON object: {_WHAT}.", argument="document")
    found = detect(document)
    if found is None and fmt is None:
        loader.check_contexts(list(dict.fromkeys(loader.context_urls(document))))
        raise BadUserInput(
            f"The document is in none of the formats we read: expected {_WHAT}.",
            argument="document",
        )
    if fmt is not None and found is not None and found is not fmt:
        raise BadUserInput(
            f"The document looks like {found.value}, not {fmt.value}: its @context says so.",
            argument="format",
        )
    fmt = fmt or found
    assert fmt is not None
    default = loader.CTDL_CONTEXT if fmt is DocumentFormat.CTDL else None
    expanded = loader.expand(document, default)
    notes = Notes()
    for line in expanded.warnings:
        notes.add(line)
    try:
        index = NodeIndex(expanded.nodes)
    except ValueError as exc:
        raise BadUserInput(f"The document is {exc}.", argument="document") from exc
    for term in expanded.dropped_terms:
        notes.add(f"'{term}' is defined by no context the document names; it was not read")
    for node in index.all():
        for prop in node.properties():
            if prop.startswith(vocab.ISSUER_DEPENDENT):
                term = prop[len(vocab.ISSUER_DEPENDENT) :]
                notes.add(f"'{term}' is defined by no context the document names; it was not read")
    drafts, labels = _READERS[fmt](index, notes)
    if not drafts:
        raise BadUserInput(
            f"No credential specification with a title was found in this {fmt.value} document "
            f"(a title is required): expected {_WHAT}.",
            argument="document",
        )
    return Parsed(fmt, drafts, labels, notes.lines())
