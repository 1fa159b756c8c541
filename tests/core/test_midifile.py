import os
import struct
import time

import mido
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer_app.core.errors import MidiExportError, MidiImportError
from composer_app.core.keys import detect_key
from composer_app.core.melody import Melody
from composer_app.core.midifile import load_melody, melody_to_bytes, read_midi, write_midi
from composer_app.core.timing import TempoChange, TimeSignature
from tests.core.midibytes import notes, smf

# -- the seed project's Chopin files -------------------------------------------------------


def test_all_chopin_files_import_with_a_monophonic_melody(chopin_files):
    assert len(chopin_files) == 51
    for path in chopin_files:
        song = read_midi(path)
        melody = song.melody()
        assert len(melody) > 20, path.name
        assert melody.is_monophonic(), path.name
        full = song.melody(all_notes=True)
        assert len(full) > len(melody)
        assert not full.is_monophonic()


@pytest.mark.parametrize(
    "name, key, time_signature, first_bpm",
    [("chp_op18_format0.mid", "Eb", "3/4", None), ("chp_op31_format0.mid", "Db", "3/8", None),
     ("chpn-p7_format0.mid", "A", "3/4", None), ("chpn-p11_format0.mid", "B", "6/8", None),
     ("chpn_op23_format0.mid", "Bb", "4/4", None)],
)
def test_known_key_and_time_signatures(chopin_dir, name, key, time_signature, first_bpm):
    song = read_midi(chopin_dir / name)
    assert song.key_signature == key
    assert str(song.time_signature) == time_signature
    assert len(song.tempos) > 10  # later tempo changes are kept


def test_melody_of_a_chopin_prelude_is_the_top_line(chopin_dir):
    song = read_midi(chopin_dir / "chpn-p7_format0.mid")
    melody = song.melody()
    everything = song.melody(all_notes=True)
    # every melody note is the highest note sounding at its onset in the full texture
    for n in melody:
        above = [m for m in everything.notes_in_range(n.tick, n.tick + 1) if m.tick == n.tick and m.pitch > n.pitch]
        assert not above


# -- several tracks ------------------------------------------------------------------------


def test_parts_are_listed_and_drums_never_default():
    data = smf([
        [mido.MetaMessage("set_tempo", tempo=400000, time=0)],
        notes(9, [36, 38, 42, 46, 49, 51, 53, 55, 57, 59, 81, 82] * 4, name="Drums"),
        notes(0, [36, 43, 36, 43], step=960, name="Bass", program=33),
        notes(1, [72, 74, 76, 77, 79], name="Flute", program=73),
    ])
    song = read_midi(data, name="band.mid")
    assert [(p.name, p.channel, p.note_count) for p in song.parts] == [
        ("Drums", 9, 48), ("Bass", 0, 4), ("Flute", 1, 5)]
    assert song.parts[0].instrument == "Drums" and song.parts[2].instrument == "Flute"
    assert song.default_part.name == "Flute"
    assert round(song.tempos[0].bpm) == 150
    assert [n.pitch for n in song.melody(2)] == [36, 43, 36, 43]


def test_only_drums_has_no_default_melody():
    song = read_midi(smf([notes(9, [36, 38])]), name="drums.mid")
    assert song.default_part is None
    with pytest.raises(MidiImportError, match="no melodic notes"):
        song.melody()


def test_type_0_with_several_channels_is_split():
    msgs = notes(0, [48, 50]) + notes(3, [72, 74, 76])
    song = read_midi(smf([msgs], type_=0), name="t0.mid")
    assert sorted(p.channel for p in song.parts) == [0, 3]


def test_ticks_are_rescaled_to_480():
    song = read_midi(smf([notes(0, [60, 62], step=96)], tpq=96), name="x.mid")
    assert [(n.tick, n.duration) for n in song.melody()] == [(0, 480), (480, 480)]


def test_unknown_track_number_is_a_clear_error():
    song = read_midi(smf([notes(0, [60])]), name="one.mid")
    with pytest.raises(MidiImportError, match="no track 5"):
        song.melody(5)


# -- refused files -------------------------------------------------------------------------


def _header(fmt: int, ntracks: int, division: int) -> bytes:
    return b"MThd" + struct.pack(">LHHH", 6, fmt, ntracks, division)


@pytest.mark.parametrize(
    "data, message",
    [
        (_header(2, 1, 480) + b"MTrk\x00\x00\x00\x04\x00\xff\x2f\x00", "type 2"),
        (_header(1, 1, 0xE728) + b"MTrk\x00\x00\x00\x04\x00\xff\x2f\x00", "SMPTE"),
        (_header(1, 1, 0) + b"MTrk\x00\x00\x00\x04\x00\xff\x2f\x00", "0 ticks per quarter"),
        (b"RIFF1234WAVEfmt ", "not a MIDI file"),
        (b"", "not a MIDI file"),
        (_header(1, 1, 480)[:10], "ends inside its header"),
        (_header(1, 1, 480) + b"MTrk\x00\x00\x00\x08\x00\x90\x3c", "ends inside a message"),
        (_header(1, 1, 480) + b"MTrk\x00\x00\x00\x08\x00\x3c\x40\x00", "without a status byte"),
        (_header(1, 1, 480) + b"MTrk\x00\x00\x00\x08\xff\xff\xff\xff\xff\x90", "longer than 4 bytes"),
    ],
)
def test_bad_files_are_refused_with_a_sentence(data, message):
    with pytest.raises(MidiImportError, match=message) as info:
        read_midi(data, name="bad.mid")
    assert str(info.value).startswith("bad.mid: ")


def test_huge_delta_time_allocates_nothing_proportional():
    # 37 bytes: one note whose note-off comes 0x0FFFFFFF ticks later, at 1 tick per quarter.
    track = b"\x00\x90\x3c\x40" + b"\xff\xff\xff\x7f\x80\x3c\x00" + b"\x00\xff\x2f\x00"
    data = _header(0, 1, 1) + b"MTrk" + struct.pack(">L", len(track)) + track
    assert len(data) == 37
    start = time.perf_counter()
    with pytest.raises(MidiImportError, match="longer than any song"):
        read_midi(data, name="long.mid")
    assert time.perf_counter() - start < 1.0


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(MidiImportError, match="no such file"):
        read_midi(tmp_path / "nope.mid")
    with pytest.raises(MidiImportError, match="folder"):
        read_midi(tmp_path)


def test_out_of_range_data_bytes_are_clipped():
    track = b"\x00\x90\x3c\xc8" + b"\x60\x80\x3c\x00" + b"\x00\xff\x2f\x00"
    data = _header(0, 1, 480) + b"MTrk" + struct.pack(">L", len(track)) + track
    (note,) = read_midi(data, name="clip.mid").melody()
    assert note.velocity == 0x48 and note.pitch == 60


# -- export --------------------------------------------------------------------------------


def test_export_is_type_1_at_480_with_meta_and_offs_first(tmp_path):
    m = Melody.from_notes([(0, 240, 60, 80), (240, 240, 60, 90)], tempos=[TempoChange(0, 600000)],
                          time_signature=TimeSignature(3, 4), key_signature="F", name="Tune")
    path = tmp_path / "out.mid"
    write_midi(m, path)
    mid = mido.MidiFile(path)
    assert mid.type == 1 and mid.ticks_per_beat == 480
    metas = {msg.type: msg for msg in mid.tracks[0] if msg.is_meta}
    assert metas["set_tempo"].tempo == 600000
    assert (metas["time_signature"].numerator, metas["time_signature"].denominator) == (3, 4)
    assert metas["key_signature"].key == "F"
    assert mid.tracks[1].name == "Tune"
    kinds = [msg.type for msg in mid.tracks[1] if msg.type.startswith("note")]
    assert kinds == ["note_on", "note_off", "note_on", "note_off"]


def test_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "keep.mid"
    path.write_bytes(b"old contents")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(MidiExportError, match="previous version is unchanged"):
        write_midi(Melody.from_notes([(0, 10, 60, 80)]), path)
    assert path.read_bytes() == b"old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.mid"]


def test_write_into_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(MidiExportError, match="cannot write"):
        write_midi(Melody(), tmp_path / "no" / "such.mid")


# -- round trip ----------------------------------------------------------------------------


@st.composite
def melodies(draw):
    count = draw(st.integers(0, 40))
    raw = draw(st.lists(st.tuples(st.integers(0, 20000), st.integers(1, 3000), st.integers(0, 127),
                                  st.integers(1, 127)), min_size=count, max_size=count))
    kept, last_end = [], {}
    for tick, dur, pitch, vel in sorted(raw):
        if last_end.get(pitch, -1) <= tick:  # one pitch never overlaps itself in MIDI
            kept.append((tick, dur, pitch, vel))
            last_end[pitch] = tick + dur
    tempos = [TempoChange(0, draw(st.integers(200_000, 2_000_000)))]
    for tick in sorted(draw(st.sets(st.integers(1, 30000), max_size=3))):
        tempo = draw(st.integers(200_000, 2_000_000))
        if tempo != tempos[-1].tempo:
            tempos.append(TempoChange(tick, tempo))
    ts = TimeSignature(draw(st.integers(1, 12)), draw(st.sampled_from([2, 4, 8, 16])))
    key = draw(st.sampled_from([None, "C", "G", "Eb", "F#", "Am", "Bbm", "C#m"]))
    return Melody.from_notes(kept, tempos=tempos, time_signature=ts, key_signature=key)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(melodies())
def test_import_of_export_is_the_same_melody(melody):
    again = read_midi(melody_to_bytes(melody), name="rt.mid").melody(all_notes=True) if len(melody) else None
    if again is None:  # an empty melody has no part to choose; its metadata still survives
        song = read_midi(melody_to_bytes(melody), name="rt.mid")
        assert song.parts == [] and song.tempos == melody.tempos and song.key_signature == melody.key_signature
        return
    if melody.key_signature is None:  # a melody without a key is saved with the key it is in
        estimate = detect_key(melody) if len(melody) >= 3 else None
        assert again.key_signature == (estimate.key.name if estimate else None)
        again.key_signature = None
    assert again == melody


def test_chopin_melody_round_trips(chopin_dir, tmp_path):
    melody = load_melody(chopin_dir / "chpn-p15_format0.mid")
    write_midi(melody, tmp_path / "m.mid")
    assert load_melody(tmp_path / "m.mid", all_notes=True) == melody
