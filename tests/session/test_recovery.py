"""Recovery files: written per document and process, offered only when their app is gone, removed on save."""

import os
import subprocess
import sys

from composer_app.core.melody import Melody
from composer_app.core.project import Project, load_project
from composer_app.session.recovery import Autosaver, recoverable


def project(n: int = 3) -> Project:
    return Project(Melody.from_notes([(i * 240, 240, 60 + i, 80) for i in range(n)]),
                   document={"title": "Song", "path": None})


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_autosave_writes_once_per_revision_and_discard_removes(tmp_path):
    saver = Autosaver(1, tmp_path)
    assert saver.save(project(), revision=1)
    assert not saver.save(project(), revision=1)
    assert saver.save(project(4), revision=2)
    assert len(load_project(saver.path).melody) == 4
    assert saver.path.name == f"{os.getpid()}-1.composer"
    assert not list(tmp_path.glob("*.bak"))
    saver.discard()
    assert not saver.path.exists()


def test_only_files_of_apps_that_are_gone_are_offered(tmp_path):
    Autosaver(1, tmp_path).save(project(2), 1)  # this process: still running, not offered
    gone = Autosaver(7, tmp_path, pid=dead_pid())
    gone.save(project(5), 1)
    (tmp_path / "999999-1.composer").write_text("{broken")  # unreadable: skipped, never raises
    found = recoverable(tmp_path)
    assert [f.path for f in found] == [gone.path]
    assert found[0].notes == 5 and found[0].title == "Song" and "5 notes" in found[0].describe()
