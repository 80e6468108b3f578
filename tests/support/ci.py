"""Tests that need a tool this machine may lack: skipped here, failed under CI=true."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def skip_or_fail(reason: str, tests: str) -> NoReturn:
    """Skip with the reason, or fail under CI=true, where `tests` (e.g. 'the browser tests')
    must run."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI=true, so {tests} must run", pytrace=False)
    pytest.skip(reason)
