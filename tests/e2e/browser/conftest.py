"""Fixtures of the browser tests: the shipped graph under a real uvicorn, a real Chromium.

Every host but 127.0.0.1 is unreachable twice over: Chromium's resolver maps every
other name to nothing, and each page aborts any request to another origin and records
it, so a test can say the page needed nothing from outside.  Screenshots go to
$PATHWAYS_SCREENSHOTS or a pytest temp dir; the path is printed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.support.browser import HOST_RULES, Visit, chromium_path
from tests.support.ci import skip_or_fail
from tests.support.paths import SHIPPED_SEEDS
from tests.support.server import Served

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="package")
def site() -> Iterator[str]:
    """The shipped graph served by a real uvicorn process on a free port."""
    with Served(["--seeds", str(SHIPPED_SEEDS), "--log-level", "warning"], timeout=120) as served:
        yield served.url


# Package scope, not session: Playwright's sync API keeps an event loop running in this
# thread until it stops, and every later test that calls asyncio.run() would fail.
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Headless system Chromium that can reach 127.0.0.1 only."""
    exe = chromium_path()
    if exe is None:
        skip_or_fail(
            "no Chromium found (run scripts/chromium-setup, or set PATHWAYS_CHROMIUM)",
            "the browser tests",
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail(
            "the playwright package is not installed (pip install -e '.[dev]')",
            "the browser tests",
        )
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=exe, args=[HOST_RULES, "--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go; printed so a person can look at them."""
    given = os.environ.get("PATHWAYS_SCREENSHOTS")
    path = Path(given) if given else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    print(f"\nbrowser screenshots: {path}")
    return path


@pytest.fixture
def visit(browser: Browser, site: str, shots: Path) -> Iterator[Callable[[dict[str, int]], Visit]]:
    """Open pages at a viewport size; other origins are aborted and recorded."""
    contexts: list[Any] = []

    def make(viewport: dict[str, int]) -> Visit:
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        contexts.append(context)
        page = context.new_page()
        v = Visit(page=page, origin=site, shots=shots)
        ours = urlsplit(site).netloc

        def route(r: Any) -> None:
            url = r.request.url
            if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).netloc == ours:
                r.continue_()
            else:
                v.foreign.append(url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: v.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: v.errors.append(str(e)))
        return v

    yield make
    for context in contexts:
        context.close()
