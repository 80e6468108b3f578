"""The serving process's interpreter settings: a short GIL switch interval, few heavy threads."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from pathways import serving
from pathways.api import observability
from pathways.cli import main
from pathways.service import Service
from tests.support.paths import SMALL_SEEDS


@pytest.fixture
def switch_interval() -> Iterator[None]:
    """Whatever a test sets, the interpreter's switch interval is restored after it."""
    before = sys.getswitchinterval()
    try:
        yield
    finally:
        sys.setswitchinterval(before)


@pytest.mark.parametrize(("cpus", "workers"), [(None, 1), (1, 1), (2, 1), (3, 2), (4, 2), (64, 2)])
def test_one_core_is_left_to_the_loop_and_at_most_two_heavy_threads_run(
    cpus: int | None, workers: int
) -> None:
    assert serving.heavy_workers(cpus) == workers


def test_tuning_shortens_the_switch_interval(switch_interval: None) -> None:
    sys.setswitchinterval(0.005)
    workers = serving.tune_interpreter()
    assert sys.getswitchinterval() == pytest.approx(serving.SWITCH_INTERVAL)
    assert 1 <= workers <= serving.MAX_HEAVY_WORKERS


@pytest.mark.parametrize(("flag", "processes"), [([], True), (["--heavy-lane", "threads"], False)])
def test_serve_tunes_the_interpreter_and_sizes_the_heavy_lane(
    switch_interval: None, monkeypatch: pytest.MonkeyPatch, flag: list[str], processes: bool
) -> None:
    seen: dict[str, Any] = {}
    built: list[tuple[int, bool]] = []
    services: list[Service] = []

    class Recording(Service):
        def __init__(
            self, *args: Any, heavy_workers: int = 2, heavy_processes: bool = False, **kwargs: Any
        ) -> None:
            built.append((heavy_workers, heavy_processes))
            super().__init__(
                *args, heavy_workers=heavy_workers, heavy_processes=heavy_processes, **kwargs
            )
            services.append(self)

    def run(app: Any, **kwargs: Any) -> None:
        seen["interval"] = sys.getswitchinterval()

    sys.setswitchinterval(0.005)
    monkeypatch.setattr(serving, "heavy_workers", lambda cpus: 3)
    monkeypatch.setattr("pathways.cli.Service", Recording)
    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.setattr(observability, "configure_logging", lambda level: None)
    monkeypatch.setattr("pathways.cli.gc.freeze", lambda: None)
    try:
        assert main(["serve", "--seeds", str(SMALL_SEEDS), *flag]) == 0
    finally:
        for service in services:
            service.close()
    assert seen["interval"] == pytest.approx(serving.SWITCH_INTERVAL)
    assert built == [(3, processes)]
