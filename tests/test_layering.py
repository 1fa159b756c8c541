"""The lower layers (core, engine, midi, audio) must never import Qt."""

import subprocess
import sys

CHECK = r"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            raise ImportError(f"Qt imported: {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import composer_app
loaded = []
for layer in ("core", "engine", "midi", "audio"):
    pkg = importlib.import_module(f"composer_app.{layer}")
    for info in pkgutil.walk_packages(pkg.__path__, prefix=f"composer_app.{layer}."):
        importlib.import_module(info.name)
        loaded.append(info.name)
assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules)
print(len(loaded))
"""


def test_lower_layers_import_without_qt():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 8  # the check really walked the modules


def test_the_blocker_catches_qt():
    probe = CHECK.replace('for layer in ("core", "engine", "midi", "audio"):', 'import composer_app.ui.piano_roll\nfor layer in ():')
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "Qt imported" in result.stderr
