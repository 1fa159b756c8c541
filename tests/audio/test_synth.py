import wave

import numpy as np

from composer_app.audio.render import render_melody, write_wav
from composer_app.audio.synth import SAMPLE_RATE, frequency, render_voice
from composer_app.core.melody import Melody

C_MAJOR = [60, 62, 64, 65, 67, 69, 71, 72]


def test_c_major_scale_peaks_at_the_fundamentals(tmp_path):
    melody = Melody.from_notes([(i * 480, 480, p, 90) for i, p in enumerate(C_MAJOR)])  # 0.5 s each at 120 bpm
    path = tmp_path / "scale.wav"
    write_wav(melody, path)
    with wave.open(str(path)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (SAMPLE_RATE, 1, 2)
        x = np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float64) / 32768
    for i, pitch in enumerate(C_MAJOR):
        seg = x[int((i * 0.5 + 0.05) * SAMPLE_RATE):int((i * 0.5 + 0.45) * SAMPLE_RATE)]
        spectrum = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
        freqs = np.fft.rfftfreq(len(seg), 1 / SAMPLE_RATE)
        peak = freqs[np.argmax(spectrum)]
        assert abs(peak - frequency(pitch)) / frequency(pitch) < 0.01, (pitch, peak)


def test_sound_is_neither_silence_nor_noise_nor_clipped():
    x = render_melody(Melody.from_notes([(i * 240, 240, 60 + i % 12, 100) for i in range(32)]))
    rms = float(np.sqrt(np.mean(x ** 2)))
    assert 0.02 < rms < 0.5 and np.abs(x).max() < 0.99
    seg = x[SAMPLE_RATE: 2 * SAMPLE_RATE]
    spectrum = np.abs(np.fft.rfft(seg)) + 1e-12
    flatness = np.exp(np.mean(np.log(spectrum))) / np.mean(spectrum)
    assert flatness < 0.2  # tonal (white noise measures about 0.56)


def test_velocity_and_release_without_clicks():
    soft, loud = render_voice(60, 20, 0.3), render_voice(60, 120, 0.3)
    assert np.abs(loud).max() > 2 * np.abs(soft).max()
    assert abs(loud[0]) < 1e-3 and abs(loud[-1]) < 1e-3  # starts and ends at silence
    assert np.abs(np.diff(loud)).max() < 0.5 * np.abs(loud).max()  # no jump anywhere near the amplitude


def test_render_command_writes_a_wav(chopin_dir, tmp_path, capsys):
    from composer_app.cli import main

    assert main(["render", str(chopin_dir / "chpn-p20_format0.mid"), "-o", str(tmp_path / "p20.wav")]) == 0
    with wave.open(str(tmp_path / "p20.wav")) as w:
        assert w.getnframes() > SAMPLE_RATE * 30
    assert "wrote" in capsys.readouterr().out
