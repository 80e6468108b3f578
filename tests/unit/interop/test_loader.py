"""The document loader: bundled contexts only, never the network; dropped terms are reported."""

from __future__ import annotations

import hashlib
import re
import socket
from importlib import resources

import pytest

from pathways.errors import BadUserInput
from pathways.interop import loader
from pathways.interop.read import read_document
from tests.support.interop import document, names


def test_reading_every_fixture_opens_no_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a reader tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for name in names():
        assert read_document(document(name)).credentials


def test_the_loader_refuses_a_context_it_does_not_hold() -> None:
    with pytest.raises(BadUserInput, match="nothing is fetched"):
        loader._load("https://example.org/some/context.jsonld")


def test_an_unknown_context_is_named_before_anything_is_expanded() -> None:
    doc = {"@context": ["https://www.w3.org/ns/credentials/v2", "https://example.org/x"]}
    with pytest.raises(BadUserInput, match=re.escape("https://example.org/x")):
        loader.expand(doc)


def test_http_and_https_name_the_same_bundled_context() -> None:
    assert loader.bundled("http://www.w3.org/ns/credentials/v2") is loader.bundled(
        "https://www.w3.org/ns/credentials/v2"
    )


def test_undefined_terms_are_reported_not_dropped_silently() -> None:
    doc = {
        "@context": "https://credreg.net/ctdl/schema/context/json",
        "@type": "ceterms:Course",
        "ceterms:name": {"en": "Knots"},
        "favouriteColour": "blue",
    }
    assert loader.expand(doc).dropped_terms == ("favouriteColour",)


def test_bundled_copies_match_the_digests_in_their_readme() -> None:
    folder = resources.files("pathways.interop").joinpath("contexts")
    readme = folder.joinpath("README.md").read_text("utf-8")
    for url, name in loader.CONTEXT_FILES.items():
        assert url in readme and name in readme
        if name == "ctdl.jsonld":
            continue  # ours
        digest = hashlib.sha256(folder.joinpath(name).read_bytes()).hexdigest()
        assert digest in readme, name
