"""JSON-LD expansion over bundled contexts only: nothing is ever fetched from the network.

Every context a document may name is a file in `contexts/` (sources in its README).
A context URL we do not hold is refused before anything is expanded, and terms that
no loaded context defines (which a JSON-LD processor drops silently) are reported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pyld import jsonld

from pathways.errors import BadUserInput

W3C_VC_V1 = "https://www.w3.org/2018/credentials/v1"
W3C_VC_V2 = "https://www.w3.org/ns/credentials/v2"
ELM_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
CTDL_CONTEXT = "https://credreg.net/ctdl/schema/context/json"

CONTEXT_FILES: Mapping[str, str] = {
    W3C_VC_V1: "www.w3.org__2018__credentials__v1.jsonld",
    W3C_VC_V2: "www.w3.org__ns__credentials__v2.jsonld",
    ELM_CONTEXT: "data.europa.eu__snb__model__context__edc-ap.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json": (
        "purl.imsglobal.org__spec__ob__v3p0__context.json"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": (
        "purl.imsglobal.org__spec__ob__v3p0__context-3.0.1.json"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": (
        "purl.imsglobal.org__spec__ob__v3p0__context-3.0.2.json"
    ),
    OB3_CONTEXT: "purl.imsglobal.org__spec__ob__v3p0__context-3.0.3.json",
    # ours: the CTDL context document was not found published; this one declares the
    # ceterms/ceasn/schema prefixes and which properties hold language maps or IRIs
    CTDL_CONTEXT: "ctdl.jsonld",
}

SKIPPED_CONTEXTS: Mapping[str, str] = {
    OB3_EXTENSIONS: (
        "the Open Badges extensions context is not published, so the terms only it "
        "defines (1EdTech extension properties) are not read"
    ),
}
"""Contexts read without their document, and what that loses."""


def _key(url: str) -> str:
    # http and https name the same context document; a trailing slash or '#' does not matter
    return url.split("://", 1)[-1].rstrip("/#")


_BY_KEY = {_key(url): name for url, name in CONTEXT_FILES.items()}
_SKIPPED = {_key(url): why for url, why in SKIPPED_CONTEXTS.items()}


@cache
def _context_document(name: str) -> dict[str, Any]:
    text = resources.files("pathways.interop").joinpath("contexts", name).read_text("utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


def bundled(url: str) -> dict[str, Any] | None:
    """The bundled context document for `url`, or None when we do not hold it."""
    name = _BY_KEY.get(_key(url))
    return None if name is None else _context_document(name)


def _load(url: str, options: object = None) -> dict[str, Any]:
    doc = bundled(url)
    if doc is None:
        # never reached for a checked document; kept so no code path can go online
        raise BadUserInput(f"The context '{url}' is not one we hold; nothing is fetched.")
    return {"contextUrl": None, "documentUrl": url, "document": doc}


@dataclass(frozen=True, slots=True)
class Expanded:
    """A document after JSON-LD expansion, with what expansion could not keep."""

    nodes: list[dict[str, Any]]
    contexts: tuple[str, ...]
    dropped_terms: tuple[str, ...]
    warnings: tuple[str, ...]


def context_urls(document: object) -> Iterator[str]:
    """Every context URL named anywhere in the document (embedded ones included)."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    values = value if isinstance(value, list) else [value]
                    for ctx in values:
                        if isinstance(ctx, str):
                            yield ctx
                        elif isinstance(ctx, dict):
                            stack.append(ctx)
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)


def _without_skipped(document: object) -> object:
    """The document with contexts we read without (see SKIPPED_CONTEXTS) taken out."""
    if isinstance(document, dict):
        out: dict[str, object] = {}
        for key, value in document.items():
            if key == "@context":
                values = value if isinstance(value, list) else [value]
                kept = [v for v in values if not (isinstance(v, str) and _key(v) in _SKIPPED)]
                out[key] = kept if isinstance(value, list) else (kept[0] if kept else None)
                if out[key] is None:
                    del out[key]
            else:
                out[key] = _without_skipped(value)
        return out
    if isinstance(document, list):
        return [_without_skipped(v) for v in document]
    return document


def check_contexts(urls: list[str]) -> None:
    """BAD_USER_INPUT naming every context URL we do not hold."""
    unknown = [u for u in urls if _key(u) not in _BY_KEY and _key(u) not in _SKIPPED]
    if unknown:
        raise BadUserInput(
            "The document names JSON-LD contexts we do not hold (nothing is fetched): "
            + ", ".join(unknown)
            + ". Contexts we read: "
            + ", ".join(CONTEXT_FILES)
            + "."
        )


def expand(document: Mapping[str, object], default_context: str | None = None) -> Expanded:
    """Expand `document` with bundled contexts; unknown contexts are BAD_USER_INPUT.

    `default_context` is applied when the document names none (a CTDL record
    pasted without its @context, say).
    """
    urls = list(dict.fromkeys(context_urls(document)))
    check_contexts(urls)
    warnings = [why for u in urls if (why := _SKIPPED.get(_key(u)))]
    doc: object = _without_skipped(document)
    if not urls and default_context is not None:
        doc = {"@context": default_context, **dict(document)}
    dropped: dict[str, None] = {}

    def on_dropped(term: object) -> None:
        if isinstance(term, str) and not term.startswith("@"):
            dropped[term] = None

    try:
        nodes = jsonld.expand(
            doc, {"documentLoader": _load, "base": ""}, on_property_dropped=on_dropped
        )
    except jsonld.JsonLdError as exc:
        raise BadUserInput(f"The document is not valid JSON-LD: {_reason(exc)}.") from exc
    return Expanded(nodes, tuple(urls), tuple(dropped), tuple(dict.fromkeys(warnings)))


def _reason(exc: jsonld.JsonLdError) -> str:
    # pyld nests the first cause; its message names the rule broken, never a path of ours
    cause: BaseException = exc
    while isinstance(cause.__cause__, jsonld.JsonLdError):
        cause = cause.__cause__
    text = str(cause).split("\n", 1)[0]
    return text[:200]
