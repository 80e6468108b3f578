"""The DocumentFormat enum, shared by the catalogue (Credential.document) and the documents API."""

from __future__ import annotations

import strawberry

from pathways.interop.reading import DocumentFormat as _DocumentFormat

DocumentFormat = strawberry.enum(
    _DocumentFormat,
    name="DocumentFormat",
    description="ELM: European Learning Model v3 (Europass). OB3: Open Badges 3.0. "
    "CTDL: Credential Engine's Credential Transparency Description Language.",
)
