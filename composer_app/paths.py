"""Where the app's files are: inside a PyInstaller bundle, inside an installed wheel, or in the source tree."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SOURCE_TREE = PACKAGE.parent


def _located(name: str) -> Path:
    if hasattr(sys, "_MEIPASS"):  # the double-click app
        return Path(sys._MEIPASS) / name
    installed = PACKAGE / name  # a wheel: pyproject.toml maps the top-level folder into the package
    if installed.is_dir():
        return installed
    return SOURCE_TREE / name  # the sources (and editable installs)


def resources_dir() -> Path:
    """Icons, translations, the piano SoundFont, the example seed, the desktop entry."""
    return _located("resources")


def models_dir() -> Path:
    """The bundled model, its card and the arrays that go with it."""
    return _located("models")
