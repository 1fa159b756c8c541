"""The bundled piano (an SFZ instrument made from piano.sf2, played by sfizz) and SoundFonts played by
TinySoundFont: what they play, how the piano is built, and what a bad SoundFont gets."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import numpy as np
import pytest

from composer_app.audio.instrument import (
    InstrumentError,
    SoundFontPiano,
    bundled_instrument_path,
    load_instrument,
    open_instrument,
)
from composer_app.audio.render import render_melody
from composer_app.audio.sf2 import check, read_soundfont, subset
from composer_app.audio.synth import SAMPLE_RATE, frequency
from composer_app.core.melody import Melody
from composer_app.paths import resources_dir

SCALE = [60, 62, 64, 65, 67, 69, 71, 72]


def bundled_soundfont_path():
    """The SoundFont the bundled piano is made from (resources/sounds/piano.sf2)."""
    return resources_dir() / "sounds" / "piano.sf2"


def make_piano(player: str):
    if player == "sfz":
        return open_instrument(bundled_instrument_path())
    pytest.importorskip("tinysoundfont", reason="playing .sf2 files needs the optional tinysoundfont package")
    return SoundFontPiano(bundled_soundfont_path())


@pytest.mark.parametrize("player", ["sfz", "sf2"])
def test_c_major_scale_peaks_at_each_fundamental(player):
    piano = make_piano(player)
    melody = Melody.from_notes([(i * 480, 480, p, 90) for i, p in enumerate(SCALE)])  # quarters at 120 BPM
    x = render_melody(melody, piano)
    assert len(x) > 4 * SAMPLE_RATE
    for i, pitch in enumerate(SCALE):
        seg = x[int((i * 0.5 + 0.02) * SAMPLE_RATE):int((i * 0.5 + 0.42) * SAMPLE_RATE)].astype(np.float64)
        spectrum = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
        peak = np.fft.rfftfreq(len(seg), 1 / SAMPLE_RATE)[np.argmax(spectrum)]
        assert abs(peak - frequency(pitch)) / frequency(pitch) < 0.012, (pitch, peak)
        flatness = np.exp(np.mean(np.log(spectrum + 1e-12))) / np.mean(spectrum)
        assert flatness < 0.2  # a tone, not noise
    rms = float(np.sqrt(np.mean(x ** 2)))
    assert 0.02 < rms < 0.3 and np.abs(x).max() <= 1.0


@pytest.mark.parametrize("player", ["sfz", "sf2"])
def test_a_held_key_sounds_until_it_is_let_go(player):
    piano = make_piano(player)
    piano.note_on(60, 100)
    held = np.concatenate([piano.generate(4410) for _ in range(10)])  # one second
    assert np.sqrt(np.mean(held[-4410:] ** 2)) > 0.005  # still sounding after a second
    piano.note_off(60)
    tail = np.concatenate([piano.generate(4410) for _ in range(20)])
    assert np.sqrt(np.mean(tail[-4410:] ** 2)) < 0.1 * np.sqrt(np.mean(held[-4410:] ** 2))


def test_the_build_is_reproducible_and_the_file_is_the_documented_one():
    data = bundled_soundfont_path().read_bytes()
    assert len(data) <= 20 * 1024 * 1024
    assert hashlib.sha256(data).hexdigest() == "76c09853d852e9e00933be2faf8f50ea11333bd91a5e1b39bd3743596b46ab28"
    sf = read_soundfont(data)
    check(sf)
    assert sf.presets() == [(0, 0, "Yamaha Grand Piano")]
    info = dict(sf.info)
    again = subset(sf, [(0, 0)], info[b"INAM"].rstrip(b"\0").decode(), {b"ICMT": info[b"ICMT"].rstrip(b"\0").decode()})
    assert again == data  # the subsetter copies exactly: cutting the piano out of itself changes nothing


@pytest.mark.parametrize("damage", ["truncated", "not_riff", "sample_out_of_range", "bad_instrument", "empty"])
def test_a_damaged_soundfont_is_one_sentence_and_the_synthesized_piano_plays(tmp_path, damage):
    data = bytearray(bundled_soundfont_path().read_bytes())
    sf = read_soundfont(bytes(data))
    shdr_at = bytes(data).index(b"shdr") + 8
    igen_at = bytes(data).index(b"igen") + 8
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "not_riff":
        data[:4] = b"JUNK"
    elif damage == "sample_out_of_range":
        data[shdr_at + 24:shdr_at + 28] = (len(sf.samples)).to_bytes(4, "little")  # end beyond the data
    elif damage == "bad_instrument":
        igens = [i for i in range(0, 4 * 2000, 4) if data[igen_at + i:igen_at + i + 2] == (53).to_bytes(2, "little")]
        data[igen_at + igens[0] + 2:igen_at + igens[0] + 4] = (60000).to_bytes(2, "little")
    else:
        data = bytearray()
    path = tmp_path / "piano.sf2"
    path.write_bytes(bytes(data))
    with pytest.raises(InstrumentError) as e:
        SoundFontPiano(path)
    assert str(e.value).startswith("piano.sf2: ") and "\n" not in str(e.value)
    instrument, problem = load_instrument(path)
    assert problem == str(e.value) and instrument.name == "synthesized piano"
    assert np.abs(instrument.render_voice(69, 90, 0.3)).max() > 0.05


def test_random_damage_never_crashes_the_process(tmp_path):
    """Flipped bytes anywhere in the tables: a sentence or a working piano, never a crash of the C player."""
    script = r"""
import json, random, sys
from pathlib import Path
from composer_app.audio.instrument import InstrumentError, SoundFontPiano
from composer_app.paths import resources_dir
data = (resources_dir() / "sounds" / "piano.sf2").read_bytes()
pdta = data.index(b"pdta")
rng = random.Random(5)
outcomes = {"error": 0, "plays": 0}
for case in range(60):
    d = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(pdta, len(d))
        d[i] = rng.randrange(256)
    p = Path(sys.argv[1]) / "f.sf2"
    p.write_bytes(bytes(d))
    try:
        piano = SoundFontPiano(p)
        piano.render_voice(60, 90, 0.1)
        outcomes["plays"] += 1
    except InstrumentError:
        outcomes["error"] += 1
print(json.dumps(outcomes))
"""
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    outcomes = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcomes["error"] + outcomes["plays"] == 60 and outcomes["error"] > 0


def test_render_cli_uses_the_soundfont_and_says_so_for_a_bad_one(tmp_path, chopin_files):
    out = tmp_path / "x.wav"
    ok = subprocess.run([sys.executable, "-m", "composer_app", "render", str(chopin_files[0]), "-o", str(out)],
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "Yamaha Grand Piano" in ok.stdout and out.stat().st_size > 100_000
    bad = tmp_path / "bad.sf2"
    bad.write_bytes(b"RIFF\x04\x00\x00\x00sfbk")
    before = out.read_bytes()
    fail = subprocess.run([sys.executable, "-m", "composer_app", "render", str(chopin_files[0]), "-o", str(out),
                           "--soundfont", str(bad)], capture_output=True, text=True, timeout=120)
    assert fail.returncode == 2 and fail.stderr.strip().startswith("composer-app: bad.sf2: ")
    assert len(fail.stderr.strip().splitlines()) == 1 and out.read_bytes() == before
