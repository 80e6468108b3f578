"""Settings from command-line flags and the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pathways.paths import shipped_seeds

DEFAULT_DATA_DIR = (
    Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "pathways"
)
"""Where the embedded store keeps its journal of writes unless --data-dir says otherwise."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How one pathways process is configured."""

    seeds: tuple[Path, ...] = field(default_factory=lambda: (shipped_seeds(),))
    backend: str = "memory"
    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path | None = None
    api_keys: str = ""

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then PATHWAYS_* variables, then explicit overrides (flags)."""
        env: dict[str, object] = {}
        if keys := os.environ.get("PATHWAYS_API_KEYS"):
            env["api_keys"] = keys
        if backend := os.environ.get("PATHWAYS_BACKEND"):
            env["backend"] = backend
        if data_dir := os.environ.get("PATHWAYS_DATA_DIR"):
            env["data_dir"] = Path(data_dir)
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)  # type: ignore[arg-type]
