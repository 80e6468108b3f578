"""The seed loader: reads seed directories (docs: shared/contract/seeds.md) into a checked Graph.

Level codes are text; `code: 6` is read as "6", but quoting (`code: "6"`) is preferred.
"""

from __future__ import annotations

from pathways.seeds.loader import load_dirs, validate_dirs

__all__ = ["load_dirs", "validate_dirs"]
