"""Preferences > Sound: the bundled piano, the synthesized one, or another SoundFont or SFZ instrument (checked
before use)."""

from __future__ import annotations

import shutil

import pytest

from composer_app.audio.instrument import bundled_instrument_path
from composer_app.paths import resources_dir


def test_choosing_pianos_in_preferences(window, tmp_path):
    from composer_app.ui.dialogs.preferences import PreferencesDialog

    assert window.sound.instrument.name.startswith("Yamaha Grand Piano")  # the bundled SoundFont by default
    dialog = PreferencesDialog(window.settings, window, window.midi.hub)
    bad = tmp_path / "broken.sf2"
    bad.write_bytes(b"RIFF\x10\x00\x00\x00sfbkLIST")
    assert not dialog.use_soundfont(str(bad))
    assert dialog.piano_problem.text().startswith("broken.sf2: the SoundFont") and not dialog.piano_problem.isHidden()
    folder = tmp_path / "mine"
    shutil.copytree(bundled_instrument_path().parent, folder)
    good = folder / "my piano.sfz"
    (folder / "piano.sfz").rename(good)
    assert dialog.use_soundfont(str(good))
    assert dialog.piano.currentText() == "my piano.sfz" and dialog.piano_problem.isHidden()
    dialog.accept()
    window.live.apply_sound_settings()
    assert window.sound.instrument.name == "Yamaha Grand Piano (my piano.sfz)"

    dialog = PreferencesDialog(window.settings, window, window.midi.hub)
    dialog.piano.setCurrentIndex(dialog.piano.findData("builtin"))
    dialog.piano.activated.emit(dialog.piano.currentIndex())
    dialog.accept()
    window.live.apply_sound_settings()
    assert window.sound.instrument.name == "synthesized piano" and window.sound.instrument_problem is None


def test_a_soundfont_that_went_bad_plays_the_synthesized_piano_and_says_why(window, tmp_path):
    sf = tmp_path / "gone.sf2"
    window.settings.setValue("sound/soundfont", str(sf))
    window.live.apply_sound_settings()
    assert window.sound.instrument.name == "synthesized piano"
    assert window.statusBar().currentMessage().startswith("The synthesized piano plays: gone.sf2: it cannot be read")


def test_choosing_a_soundfont_file(window, tmp_path):
    pytest.importorskip("tinysoundfont", reason="playing .sf2 files needs the optional tinysoundfont package")
    from composer_app.ui.dialogs.preferences import PreferencesDialog

    good = tmp_path / "my piano.sf2"
    shutil.copy(resources_dir() / "sounds" / "piano.sf2", good)
    dialog = PreferencesDialog(window.settings, window, window.midi.hub)
    assert dialog.use_soundfont(str(good))
    dialog.accept()
    window.live.apply_sound_settings()
    assert window.sound.instrument.name == "Yamaha Grand Piano (my piano.sf2)"
