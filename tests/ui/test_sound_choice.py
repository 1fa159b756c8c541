"""Preferences > Sound: the bundled piano, the synthesized one, or another SoundFont or SFZ instrument (checked
before use)."""

from __future__ import annotations

import shutil

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
    from composer_app.ui.dialogs.preferences import PreferencesDialog

    good = tmp_path / "my piano.sf2"
    shutil.copy(resources_dir() / "sounds" / "piano.sf2", good)
    dialog = PreferencesDialog(window.settings, window, window.midi.hub)
    assert dialog.use_soundfont(str(good))
    dialog.accept()
    window.live.apply_sound_settings()
    assert window.sound.instrument.name == "Yamaha Grand Piano (my piano.sf2)"


def test_my_piano_from_samples_is_built_chosen_and_played(window, tmp_path, monkeypatch):
    from composer_app.ui.dialogs.preferences import PreferencesDialog
    from tests.audio.test_own_piano import key_sample

    monkeypatch.setenv("COMPOSER_APP_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "Piano de casa"
    folder.mkdir()
    for name, key in (("C3", 48), ("Do4", 60), ("G4", 67)):
        key_sample(folder / f"{name}.wav", key)
    dialog = PreferencesDialog(window.settings, window, window.midi.hub)
    built = dialog.build_own_piano(str(folder))
    assert built and built.endswith("instruments/Piano de casa.sf2")
    assert dialog.piano.currentText() == "Piano de casa.sf2" and "3 keys sampled" in dialog.piano_problem.text()
    # the entries stay in their order: the new instrument before "Other SoundFont..." and "My Piano from Samples..."
    assert [dialog.piano.itemData(i) for i in range(dialog.piano.count())][-2:] == ["choose", "samples"]
    dialog.accept()
    window.live.apply_sound_settings()
    assert window.sound.instrument.name == "Piano de casa (Piano de casa.sf2)" and window.sound.instrument_problem is None
    empty = tmp_path / "vacía"
    empty.mkdir()
    dialog = PreferencesDialog(window.settings, window, window.midi.hub)
    assert dialog.build_own_piano(str(empty)) is None
    assert "No piano could be made from vacía" in dialog.piano_problem.text()
    assert dialog.piano.currentText() == "Piano de casa.sf2"  # the choice before stays
