import json
import subprocess
import sys
from pathlib import Path

import pytest

from composer_app.cli import main
from composer_app.core.midifile import load_melody


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "composer_app", *args], capture_output=True, text=True, timeout=120)


def test_inspect_json_describes_a_chopin_file(chopin_dir, capsys):
    assert main(["inspect", str(chopin_dir / "chp_op18_format0.mid"), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["key_signature"] == "Eb" and info["time_signature"] == "3/4"
    assert info["detected_key"] == "Eb"
    assert info["tracks"][0]["notes"] == 4414 and info["melody_track"] == 1
    assert 0 < info["melody_notes"] < 4414


def test_inspect_text(chopin_dir, capsys):
    assert main(["inspect", str(chopin_dir / "chpn-p7_format0.mid")]) == 0
    out = capsys.readouterr().out
    assert "3/4" in out and "key signature A" in out and "melody: track 1" in out


def test_melody_command_writes_a_monophonic_file(chopin_dir, tmp_path, capsys):
    out = tmp_path / "line.mid"
    assert main(["melody", str(chopin_dir / "chpn-p20_format0.mid"), "-o", str(out)]) == 0
    melody = load_melody(out, all_notes=True)
    assert len(melody) > 10 and melody.is_monophonic()
    assert main(["melody", str(chopin_dir / "chpn-p20_format0.mid"), "-o", str(tmp_path / "all.mid"), "--all-notes"]) == 0
    assert len(load_melody(tmp_path / "all.mid", all_notes=True)) > len(melody)


@pytest.mark.parametrize("content", [b"", b"hello", b"MThd\x00\x00\x00\x06\x00\x02\x00\x01\x01\xe0"])
def test_bad_input_prints_one_line_and_fails(tmp_path, content):
    bad = tmp_path / "broken.mid"
    bad.write_bytes(content)
    result = run("inspect", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("composer-app: broken.mid:")
    assert "Traceback" not in result.stderr


def test_missing_file_and_bad_track(tmp_path, chopin_dir):
    result = run("melody", str(tmp_path / "none.mid"), "-o", str(tmp_path / "x.mid"))
    assert result.returncode == 2 and "no such file" in result.stderr
    result = run("melody", str(chopin_dir / "chpn-p20_format0.mid"), "--track", "9", "-o", str(tmp_path / "x.mid"))
    assert result.returncode == 2 and "no track 9" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.mid").exists()


def test_harmonize_writes_the_melody_its_chords_and_an_accompaniment(tmp_path):
    from composer_app.core.midifile import read_midi

    tune = sorted((Path(__file__).parent.parent / "models" / "test-melodies").glob("miscFolk_*.mid"))[0]
    out = tmp_path / "harmonized.mid"
    r = run("harmonize", str(tune), "-o", str(out), "--per-bar", "2", "--sevenths", "--alternatives", "2",
            "--pattern", "waltz")
    assert r.returncode == 0, r.stderr
    song = read_midi(out)
    assert [p.name for p in song.parts] == [read_midi(tune).default_part.name, "Accompaniment"]
    assert len(song.chords) >= 4 and song.chords[0].tick < 1920
    accompaniment = song.part(2)
    for tick, _, pitch, _ in accompaniment.notes:
        chord = next(c for c in song.chords if c.tick <= tick < c.end)
        assert pitch % 12 in chord.chord.pitch_classes()
    j = run("harmonize", str(tune), "--json", "--alternatives", "3", "--seed", "1")
    info = json.loads(j.stdout)
    assert len(info["harmonizations"]) == 3 and info["key"]


@pytest.mark.parametrize("extra, says", [(["--alternatives", "9"], "1 to 4"), (["--key", "H"], "is not a key")])
def test_harmonize_refuses_bad_input_in_one_line(tmp_path, extra, says):
    tune = sorted((Path(__file__).parent.parent / "models" / "test-melodies").glob("miscFolk_*.mid"))[0]
    r = run("harmonize", str(tune), "-o", str(tmp_path / "x.mid"), *extra)
    assert r.returncode == 2 and says in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "x.mid").exists()


def test_harmonize_satb_writes_four_voices_that_check_clean(tmp_path):
    from composer_app.core.midifile import read_midi

    chorale = Path(__file__).parent.parent / "models" / "test-melodies" / "bach_bwv104.6_0_0.mid"
    out = tmp_path / "satb.mid"
    r = run("harmonize", str(chorale), "--satb", "--per-bar", "2", "-o", str(out))
    assert r.returncode == 0, r.stderr
    song = read_midi(out)
    assert [p.name for p in song.parts] == ["Soprano", "Alto", "Tenor", "Bass"] and song.chords
    check = run("check-voices", str(out), "--json")
    assert check.returncode == 0, check.stderr
    faults = json.loads(check.stdout)["faults"]
    assert [f for f in faults if f["kind"] != "leading_tone"] == []


def test_check_voices_marks_parallels_and_needs_four_voices(tmp_path):
    from composer_app.core.melody import Melody
    from composer_app.core.midifile import write_midi

    rows = {"Soprano": [72, 74], "Alto": [64, 66], "Tenor": [55, 57], "Bass": [48, 50]}
    student = tmp_path / "student.mid"
    write_midi(Melody.from_notes([(i * 480, 480, p, 80) for i, p in enumerate(rows["Soprano"])], name="Soprano"),
               student, [(n, [(i * 480, 480, p, 80) for i, p in enumerate(ps)]) for n, ps in rows.items() if n != "Soprano"])
    r = run("check-voices", str(student))
    assert r.returncode == 0 and "bar 1, beat 2: parallel fifths (tenor, bass)" in r.stdout
    assert "bar 1, beat 2: parallel octaves (soprano, bass)" in r.stdout
    one = tmp_path / "one.mid"
    write_midi(Melody.from_notes([(0, 480, 60, 80)]), one)
    bad = run("check-voices", str(one))
    assert bad.returncode == 2 and "four voices are needed" in bad.stderr and bad.stderr.count("\n") == 1


def test_export_writes_musicxml_or_midi_by_the_suffix(tmp_path):
    from composer_app.core.midifile import read_midi
    from composer_app.core.musicxml import read_musicxml

    tune = sorted((Path(__file__).parent.parent / "models" / "test-melodies").glob("miscFolk_*.mid"))[0]
    harmonized = tmp_path / "h.mid"
    assert run("harmonize", str(tune), "-o", str(harmonized)).returncode == 0
    score = tmp_path / "h.musicxml"
    r = run("export", str(harmonized), "-o", str(score), "--accompaniment", "waltz")
    assert r.returncode == 0, r.stderr
    song = read_musicxml(score)
    assert song.chords == read_midi(harmonized).chords and song.parts[-1].name.startswith("Accompaniment")
    again = tmp_path / "again.mid"
    assert run("export", str(score), "-o", str(again)).returncode == 0  # a score back to MIDI, chords kept
    assert read_midi(again).chords == song.chords
    for args, says in ((["-o", str(tmp_path / "x.pdf")], "write .musicxml, .xml or .mid"),
                       (["-o", str(tmp_path / "x.musicxml"), "--satb"], None)):
        r = run("export", str(tune), *args)
        if says:
            assert r.returncode == 2 and says in r.stderr and r.stderr.count("\n") == 1
        else:  # no chords to put voices under
            assert r.returncode == 2 and "no chords" in r.stderr and not (tmp_path / "x.musicxml").exists()


def test_a_reader_that_goes_away_is_not_an_error():
    """`composer-app ... | head`: the pipe closes before the command prints; no error, no traceback."""
    tune = sorted((Path(__file__).parent.parent / "models" / "test-melodies").glob("miscFolk_*.mid"))[0]
    proc = subprocess.Popen([sys.executable, "-m", "composer_app", "harmonize", str(tune), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # long before it has started up and harmonized
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 141 and b"internal error" not in err and b"Traceback" not in err, err


def test_one_exit_rule_2_for_what_was_given_1_for_what_could_not_be_done(tmp_path, chopin_dir):
    """Bad input exits 2 for every command (a MIDI file, a recording, a project, a model, a value); an output
    that cannot be written with good input exits 1; each in one line."""
    broken = tmp_path / "broken.mid"
    broken.write_bytes(b"hello")
    not_audio = tmp_path / "take.wav"
    not_audio.write_bytes(b"not a recording")
    project = tmp_path / "song.composer"
    project.write_text("{ not a project")
    good = chopin_dir / "chpn-p7_format0.mid"
    for args in (("inspect", str(broken)), ("continue", str(broken), "-o", str(tmp_path / "x.mid")),
                 ("transcribe", str(not_audio), "-o", str(tmp_path / "x.mid")), ("inspect", str(project)),
                 ("continue", str(good), "--bars", "0", "-o", str(tmp_path / "x.mid")),
                 ("harmonize", str(good), "--key", "H", "-o", str(tmp_path / "x.mid"))):
        r = run(*args)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, (args, r.stderr)
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    r = run("continue", str(good), "-o", str(blocked / "out.mid"))
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
