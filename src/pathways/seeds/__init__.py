"""The seed loader: reads seed directories (docs/seeds.md) into a checked Graph.

`load_dirs`, `check_dirs` and `validate_dirs` read directories; `credential_from_input` and
`recognition_from_input` check one API write exactly as a seed record.  Level codes
are text: `code: 6` is read as "6", but quoting (`code: "6"`) is preferred.
"""

from __future__ import annotations

from pathways.seeds.inputs import credential_from_input, recognition_from_input
from pathways.seeds.loader import SeedReport, check_dirs, load_dirs, validate_dirs

__all__ = [
    "SeedReport",
    "check_dirs",
    "credential_from_input",
    "load_dirs",
    "recognition_from_input",
    "validate_dirs",
]
