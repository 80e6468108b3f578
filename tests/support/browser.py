"""Browser tests' helpers: the system Chromium, the skip rule, and a page that stays offline.

The browser is Debian's system Chromium (scripts/chromium-setup installs it; Playwright
downloads nothing).  Without Chromium or Playwright the browser tests skip with the
reason, except under CI=true where that is a failure.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

PHONE = {"width": 390, "height": 844}
"""A phone's viewport in CSS pixels."""

DESKTOP = {"width": 1400, "height": 1000}
"""The desktop viewport the pages must be readable at."""

HOST_RULES = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
"""Chromium resolves no name but 127.0.0.1: another host cannot even be looked up."""


def chromium_path() -> str | None:
    """The system Chromium: $PATHWAYS_CHROMIUM, else `chromium` on PATH."""
    given = os.environ.get("PATHWAYS_CHROMIUM")
    if given:
        return given if os.access(given, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Visit:
    """One browser page with what it tried to fetch elsewhere and what it complained about."""

    page: Page
    origin: str
    shots: Path
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Any:
        """Load `path` of the site and wait until the network is idle; the response."""
        return self.page.goto(self.origin + path, wait_until="networkidle")

    def shot(self, name: str) -> Path:
        """A full-page screenshot named after the test and viewport."""
        size = self.page.viewport_size or {"width": 0, "height": 0}
        out = self.shots / f"{name}-{size['width']}x{size['height']}.png"
        self.page.screenshot(path=str(out), full_page=True)
        return out

    def assert_offline_clean(self) -> None:
        """Nothing was requested from another host and the console showed no error."""
        assert self.foreign == [], f"requests to other hosts: {self.foreign}"
        assert self.errors == [], f"console errors: {self.errors}"
