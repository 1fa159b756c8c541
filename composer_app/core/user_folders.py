"""Where composer-app keeps the student's own files: autosaves, trained models, instruments, caches."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The user's data folder for composer-app (COMPOSER_APP_DATA_DIR overrides it, as the tests do)."""
    override = os.environ.get("COMPOSER_APP_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "composer-app"


def cache_dir() -> Path:
    """Files made again when missing (an SFZ copy of a SoundFont, for one)."""
    return data_dir() / "cache"
