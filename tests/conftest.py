"""Shared fixtures: real data, isolated settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]

# The real-display tests need QT_QPA_PLATFORM=xcb and an X server: tests/test_real_display.py runs them so.
collect_ignore = [] if os.environ.get("QT_QPA_PLATFORM") == "xcb" else ["real_display"]


def _find_chopin() -> Path:
    env = os.environ.get("COMPOSER_CHOPIN_DIR")
    candidates = [Path(env)] if env else []
    candidates.append(REPO / "tests" / "data" / "seed-chopin")  # the seed project's files, shipped with the tests
    for c in candidates:
        if c.is_dir() and any(c.glob("*.mid")):
            return c
    raise FileNotFoundError("the seed-chopin MIDI folder was not found; set COMPOSER_CHOPIN_DIR")


@pytest.fixture(scope="session")
def chopin_dir() -> Path:
    return _find_chopin()


@pytest.fixture(scope="session")
def chopin_files(chopin_dir: Path) -> list[Path]:
    return sorted(chopin_dir.glob("*.mid"))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """Keep every test away from the user's configuration and data (recovery files, crash log)."""
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("COMPOSER_APP_CONFIG_DIR", str(config))
    monkeypatch.setenv("COMPOSER_APP_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    yield config
