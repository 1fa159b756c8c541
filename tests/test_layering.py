"""The lower layers (core, engine, midi, audio, session) must never import Qt; nothing runs code from data."""

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
for layer in ("core", "engine", "midi", "audio", "session"):
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
    probe = CHECK.replace('for layer in ("core", "engine", "midi", "audio", "session"):', 'import composer_app.ui.piano_roll\nfor layer in ():')
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "Qt imported" in result.stderr


def test_no_pickle_eval_or_exec_in_the_app():
    """Nothing in composer_app can run code that came from a file the student opened."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "composer_app"
    found = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) else [])
                if any(n and n.split(".")[0] in ("pickle", "cPickle", "dill", "marshal", "shelve") for n in names):
                    found.append(f"{path.name}:{node.lineno} imports {names}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec"):
                found.append(f"{path.name}:{node.lineno} calls {node.func.id}")
            if isinstance(node, ast.keyword) and node.arg == "allow_pickle" and not (
                    isinstance(node.value, ast.Constant) and node.value.value is False):
                found.append(f"{path.name}:{node.lineno} allows pickle")
    assert found == []
    assert len(list(root.rglob("*.py"))) > 40  # the walk really covered the package
