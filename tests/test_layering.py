"""The layers, as a table of allowed imports, enforced on every module (function-level imports included);
nothing below ui/ imports Qt; nothing runs code from data."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "composer_app"

# unit -> the units it may import. core is at the bottom; engine, audio, midi and training stand on it;
# session on those; ui on session; the command line on top. A new package or top-level module must be
# added here, in its place, or this test fails.
ALLOWED: dict[str, set[str]] = {
    "__init__": set(),
    "paths": set(),
    "core": set(),
    "engine": {"core", "paths"},
    "audio": {"core", "paths"},
    "midi": {"core"},
    "training": {"core", "audio"},  # audio: recordings in a training folder are transcribed
    "session": {"core", "engine", "audio", "midi"},
    "ui": {"core", "engine", "audio", "midi", "session", "paths"},
    "cli": {"core", "engine", "audio", "midi", "training", "session", "ui", "paths"},
    "__main__": {"cli"},
}
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def unit_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(source: str, module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import in the source, relative ones resolved."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                found.append((node.lineno, ".".join(base + ([node.module] if node.module else []))))
            elif node.module:
                found.append((node.lineno, node.module))
    return found


def arrows_outside_the_table(files: dict[str, str]) -> list[str]:
    """Every import that the table does not allow, as 'file:line unit -> unit (module)'."""
    wrong = []
    for module, source in files.items():
        unit = unit_of(module)
        if unit not in ALLOWED:
            wrong.append(f"{module}: the unit {unit!r} is not in the layering table")
            continue
        for line, name in imports_of(source, module):
            top = name.split(".")[0]
            if top in QT and unit not in ("ui", "cli"):
                wrong.append(f"{module}:{line} {unit} -> Qt ({name})")
            if top != "composer_app" or name == "composer_app":
                continue
            target = unit_of(name)
            if target != unit and target not in ALLOWED[unit]:
                wrong.append(f"{module}:{line} {unit} -> {target} ({name})")
    return wrong


def package_files() -> dict[str, str]:
    files = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.parts[-1] == "__init__" and len(rel.parts) > 2 else rel.parts
        files[".".join(parts)] = path.read_text(encoding="utf-8")
    return files


def test_every_import_follows_the_layering_table():
    files = package_files()
    assert len(files) > 80 and {unit_of(m) for m in files} >= set(ALLOWED) - {"__init__"}
    assert arrows_outside_the_table(files) == []


def test_the_table_check_catches_arrows_up_sideways_and_into_qt():
    probe = {
        "composer_app.core.x": "from composer_app.session.session import Session",  # up
        "composer_app.midi.y": "def f():\n    from composer_app.engine.generate import continue_melody",  # sideways, late
        "composer_app.engine.z": "import PySide6.QtCore",  # Qt below ui
        "composer_app.gadgets.w": "import os",  # a package nobody placed
        "composer_app.session.ok": "from composer_app.core.melody import Melody\nfrom . import events",
    }
    wrong = arrows_outside_the_table(probe)
    assert len(wrong) == 4 and not any("session.ok" in w for w in wrong), wrong


CHECK = r"""
import importlib, importlib.util, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            raise ImportError(f"Qt imported: {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import composer_app
loaded = []
has_torch = importlib.util.find_spec("torch") is not None
for layer in ("core", "engine", "midi", "audio", "session", "training", "cli"):
    if layer == "training" and not has_torch:
        continue  # the train extra is not installed; the import table above still covers training/
    pkg = importlib.import_module(f"composer_app.{layer}")
    loaded.append(pkg.__name__)
    for info in pkgutil.walk_packages(pkg.__path__, prefix=f"composer_app.{layer}."):
        if info.name.endswith("__main__") or (info.name == "composer_app.cli.train" and not has_torch):
            continue
        importlib.import_module(info.name)
        loaded.append(info.name)
import composer_app.paths
assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules)
print(len(loaded))
"""


def test_everything_but_ui_imports_without_qt():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 40  # the check really walked the modules


def test_the_blocker_catches_qt():
    probe = CHECK.replace('for layer in ("core", "engine", "midi", "audio", "session", "training", "cli"):',
                          'import composer_app.ui.main_window\nfor layer in ():')
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "Qt imported" in result.stderr


def test_no_pickle_eval_or_exec_in_the_app():
    """Nothing in composer_app can run code that came from a file the student opened."""
    found = []
    for path in PACKAGE.rglob("*.py"):
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
    assert len(list(PACKAGE.rglob("*.py"))) > 40  # the walk really covered the package
