"""Remembered settings (QSettings): window, recent files, grid, devices, language."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def app_settings() -> QSettings:
    """The app's settings; COMPOSER_APP_CONFIG_DIR (used by the tests) keeps them in a private folder."""
    folder = os.environ.get("COMPOSER_APP_CONFIG_DIR")
    if folder:
        return QSettings(os.path.join(folder, "composer-app.ini"), QSettings.Format.IniFormat)
    return QSettings("composer-app", "composer-app")


def flag(settings: QSettings, key: str, default: bool) -> bool:
    """A yes/no setting (stored as "true"/"false"; some platforms hand back a bool)."""
    return str(settings.value(key, "true" if default else "false")).lower() == "true"


def set_flag(settings: QSettings, key: str, on: bool) -> None:
    settings.setValue(key, "true" if on else "false")


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])][:MAX_RECENT]


def add_recent_file(settings: QSettings, path: str) -> list[str]:
    files = [path] + [f for f in recent_files(settings) if f != path]
    settings.setValue("recent_files", files[:MAX_RECENT])
    return files[:MAX_RECENT]


def provider_setting(settings: QSettings) -> str:
    """Where generation runs: "auto" (the faster, measured at warm-up), "cpu" or "gpu"."""
    value = str(settings.value("provider", ""))
    if value in ("auto", "cpu", "gpu"):
        return value
    return "cpu" if flag(settings, "force_cpu", False) else "auto"  # the earlier "always on the CPU" box


def last_open_folder(settings) -> str:
    """The last folder a file was opened from (home at first, or when it is gone)."""
    folder = str(settings.value("last_folder", ""))
    return folder if folder and Path(folder).is_dir() else str(Path.home())
