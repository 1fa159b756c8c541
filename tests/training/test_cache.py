"""The sharded training cache: parallel preparation, reuse, memory-mapped reading, skipped files (no torch)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from composer_app.core.encoding import MelodyEncoding, grid_melody_of_file
from composer_app.training.cache import CacheError, prepare, read_cache


def test_parallel_preparation_matches_reading_each_file(tmp_path, chopin_files):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for i, f in enumerate(chopin_files[:9]):
        shutil.copy(f, (folder / "sub" if i % 2 else folder) / f.name)
    (folder / "bad.mid").write_bytes(b"MThd\x00\x00\x00\x06\x00")
    seen = []
    index = prepare(folder, tmp_path / "cache", workers=2, shard_files=3, progress=lambda d, t: seen.append((d, t)))
    assert index["files"] == 10 and index["melodies"] == 9 and index["shards"] == 4 and not index["reused"]
    assert index["skipped_count"] == 1 and index["skipped"][0].startswith("bad.mid")
    assert seen[0] == (0, 10) and seen[-1] == (10, 10)
    melodies = read_cache(tmp_path / "cache")
    assert sorted(m.id for m in melodies) == sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.mid")
                                                    if p.name != "bad.mid")
    enc = MelodyEncoding()
    for m in melodies:
        notes, bar = grid_melody_of_file(folder / m.id)
        assert isinstance(m.notes, np.memmap) or isinstance(m.notes.base, np.memmap)
        assert m.notes.tolist() == [list(n) for n in sorted(notes)] and m.bar_ticks == bar
        expected = enc.encode_notes(notes, bar)
        assert np.array_equal(m.encoded.tokens, expected.tokens)
        assert np.array_equal(m.encoded.positions, expected.positions)
        assert np.array_equal(m.encoded.note_tokens, expected.note_tokens)
    assert sum(len(m.notes) for m in melodies) == index["notes"]


def test_the_cache_is_reused_until_the_folder_changes(tmp_path, chopin_files):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in chopin_files[:3]:
        shutil.copy(f, folder / f.name)
    assert not prepare(folder, tmp_path / "cache", workers=1)["reused"]
    assert prepare(folder, tmp_path / "cache", workers=1)["reused"]
    shutil.copy(chopin_files[3], folder / chopin_files[3].name)
    again = prepare(folder, tmp_path / "cache", workers=1)
    assert not again["reused"] and again["melodies"] == 4


def test_bad_folders_and_damaged_caches_are_one_sentence(tmp_path, chopin_files):
    with pytest.raises(CacheError, match="no such folder"):
        prepare(tmp_path / "missing", tmp_path / "cache")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CacheError, match="no MIDI files"):
        prepare(tmp_path / "empty", tmp_path / "cache")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(chopin_files[0], folder / chopin_files[0].name)
    prepare(folder, tmp_path / "cache", workers=1)
    (tmp_path / "cache" / "shard-00000.tokens.npy").write_bytes(b"\x93NUMPY junk")
    with pytest.raises(CacheError, match="damaged"):
        read_cache(tmp_path / "cache")
    (tmp_path / "cache" / "index.json").write_text(json.dumps({"nothing": 1}))
    with pytest.raises(CacheError, match="not a prepared training cache"):
        read_cache(tmp_path / "cache")


def test_held_out_melodies_with_one_id_get_two_files_and_no_backup(tmp_path):
    """Two melodies with the same id once overwrote each other and left NAME.mid.bak in the data folder."""
    pytest.importorskip("torch", reason="the held-out split is part of training (the train extra)")
    from composer_app.cli.train import write_held_out
    from composer_app.training.data import MelodyRecord
    from composer_app.training.train import split_records

    records = [MelodyRecord(f"tune{k % 3}", [(0, 480, 60 + k % 12), (480, 480, 62)], 1920, piece=f"p{k}")
               for k in range(300)]
    test = split_records(records)["test"]
    folder = tmp_path / "held"
    assert write_held_out(records, folder) == len(test) > 3
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == len(test) and all(f.endswith(".mid") for f in files)
    assert write_held_out(records, folder) == len(test) and not list(folder.glob("*.bak"))  # again: made anew


def test_recordings_in_the_folder_are_transcribed_into_the_cache(tmp_path):
    """A student's folder of WAV takes (rendered here by fluidsynth, an independent synthesizer) trains like
    MIDI files: each recording's melody line enters the cache, heard once."""
    import subprocess

    from composer_app.core.midifile import load_melody

    assert shutil.which("fluidsynth")
    folder = tmp_path / "takes"
    folder.mkdir()
    tunes = sorted((Path(__file__).resolve().parents[2] / "models" / "test-melodies").glob("miscFolk_*.mid"))[:2]
    for i, tune in enumerate(tunes):
        subprocess.run(["fluidsynth", "-ni", "-F", str(folder / f"take{i}.wav"), "-r", "44100",
                        "/usr/share/sounds/sf2/TimGM6mb.sf2", str(tune)], check=True, capture_output=True, timeout=60)
    (folder / "noise.wav").write_bytes(b"RIFF0000WAVEjunk")  # not a readable recording: skipped with a reason
    index = prepare(folder, tmp_path / "cache", workers=1)
    assert index["files"] == 3 and index["melodies"] == 2 and index["skipped_count"] == 1
    assert "noise.wav" in index["skipped"][0]
    cached = {m.id: m for m in read_cache(tmp_path / "cache")}
    for i, tune in enumerate(tunes):
        assert len(cached[f"take{i}.wav"].notes) >= 0.8 * len(load_melody(tune))
