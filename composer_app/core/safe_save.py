"""Saving a file so that a crash, a full disk or a kill at any moment never loses the last good version.

The new bytes go to a temporary file in the same folder, are flushed to disk, and are renamed over the
target; the folder is flushed too, so the rename itself survives a power cut. The previous version is
kept beside it as `NAME.bak`. The file gets the usual permissions (those of the file it replaces, or
0666 minus the umask), not the private 0600 of a temporary file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from composer_app.core.errors import ComposerError


class SaveError(ComposerError):
    """A file could not be saved; the previous version is unchanged."""

    bad_input = False  # the command could not finish (exit 1), not bad input


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _keep_backup(path: Path) -> None:
    """Make NAME.bak a copy of the current file (a hard link when the file system allows)."""
    if not path.is_file():
        return
    bak = backup_path(path)
    tmp = path.with_name(f".{path.name}.bak.tmp")
    try:
        tmp.unlink(missing_ok=True)
        try:
            os.link(path, tmp)
        except OSError:
            shutil.copy2(path, tmp)
        os.replace(tmp, bak)
    except OSError:
        tmp.unlink(missing_ok=True)  # a missing backup must not stop the save itself


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_bytes(path: str | os.PathLike, data: bytes, keep_backup: bool = True, error=SaveError) -> None:
    """Write `data` to `path` safely (see the module's docstring); raise `error` with one sentence on failure."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise error(f"{path.name}: cannot write in {folder} ({e.strerror or e})") from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        if keep_backup:
            _keep_backup(path)
        _before_rename_hook(tmp, path)
        os.replace(tmp, path)
        _sync_folder(folder)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise error(f"{path.name}: could not be saved ({e.strerror or e}); the previous version is unchanged") from e


def _before_rename_hook(tmp: str, path: Path) -> None:
    """Tests stop the process here (COMPOSER_TEST_KILL_BEFORE_RENAME) to show a kill loses nothing."""
    if os.environ.get("COMPOSER_TEST_KILL_BEFORE_RENAME") == path.name:
        os.kill(os.getpid(), 9)
