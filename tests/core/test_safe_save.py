"""Safe saving: permissions, the .bak of the previous version, a kill before the rename, key signatures."""

import os
import subprocess
import sys

import mido
import pytest

from composer_app.core.melody import Melody
from composer_app.core.midifile import read_midi, write_midi
from composer_app.core.safe_save import SaveError, backup_path, save_bytes


def test_new_files_get_the_usual_permissions_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        save_bytes(tmp_path / "a.txt", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644


def test_a_replaced_file_keeps_its_mode_and_the_old_version_as_bak(tmp_path):
    path = tmp_path / "song.mid"
    path.write_bytes(b"first")
    path.chmod(0o640)
    save_bytes(path, b"second")
    assert path.read_bytes() == b"second" and path.stat().st_mode & 0o777 == 0o640
    assert backup_path(path).read_bytes() == b"first"
    save_bytes(path, b"third")
    assert backup_path(path).read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["song.mid", "song.mid.bak"]


def test_an_unwritable_folder_is_one_sentence(tmp_path):
    with pytest.raises(SaveError, match="cannot write in"):
        save_bytes(tmp_path / "missing" / "a.mid", b"x")


def test_a_kill_between_write_and_rename_leaves_the_old_file(tmp_path):
    path = tmp_path / "keep.mid"
    write_midi(Melody.from_notes([(0, 480, 60, 80)]), path)
    before = path.read_bytes()
    code = (f"from composer_app.core.melody import Melody\nfrom composer_app.core.midifile import write_midi\n"
            f"write_midi(Melody.from_notes([(0, 240, 72, 90)] * 1), {str(path)!r})\n")
    env = {**os.environ, "COMPOSER_TEST_KILL_BEFORE_RENAME": "keep.mid"}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    assert proc.returncode == -9
    assert path.read_bytes() == before
    assert [n.pitch for n in read_midi(path).melody()] == [60]


def test_a_drawn_melody_is_saved_with_its_key_and_meter(tmp_path):
    melody = Melody.from_notes([(i * 480, 480, p, 80) for i, p in enumerate([62, 66, 69, 74, 73, 71, 69, 66, 62])])
    assert melody.key_signature is None
    write_midi(melody, tmp_path / "d.mid")
    metas = {m.type: m for m in mido.MidiFile(tmp_path / "d.mid").tracks[0] if m.is_meta}
    assert metas["key_signature"].key == "D"
    assert (metas["time_signature"].numerator, metas["time_signature"].denominator) == (4, 4)
