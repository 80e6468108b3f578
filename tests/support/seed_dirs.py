"""A small valid seed directory's text, for tests that write seed directories of their own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

BASE = """\
frameworks:
  - code: IE-NFQ
    name: National Framework of Qualifications
    country: IE
    levels:
      - {code: "5", eqf: [4]}
      - {code: "6", eqf: [5]}
providers:
  - {id: gti, name: Galway Technical Institute, country: IE}
skills:
  - id: weld
    labels: {en: weld metal parts}
credentials:
  - id: safety
    kind: MICRO_CREDENTIAL
    title: Workshop safety
    country: IE
    ects: 1
  - id: mig
    kind: MICRO_CREDENTIAL
    title: MIG welding
    language: en
    country: IE
    provider: gti
    level: {framework: IE-NFQ, code: "5"}
    ects: 5
    prerequisites: [safety]
    outcomes:
      - text: Set up a MIG welding station safely
        skills: [weld]
"""

Write = Callable[..., Path]
