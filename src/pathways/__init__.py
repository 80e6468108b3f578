"""pathways: stackable-credential pathway and recognition graph service."""

from __future__ import annotations

__version__ = "0.1.0"
