"""Preferences: language, CPU-only inference, MIDI devices and recording."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from composer_app.midi.recorder import INPUT_QUANTIZE
from composer_app.ui.settings import flag, last_open_folder, provider_setting, set_flag

LANGUAGES = [("", "System"), ("en", "English"), ("es", "Español")]
APIS = [("", "Automatic"), ("alsa", "ALSA"), ("jack", "JACK"), ("coremidi", "CoreMIDI"), ("winmm", "Windows MM")]


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None, hub=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        outer = QVBoxLayout(self)
        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(self.tr("System language") if code == "" else name, code)
        self._select(self.language, str(settings.value("language", "")))
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", QLabel(self.tr("A new language takes effect when the app starts again.")))
        self.provider = QComboBox()
        self.provider.addItem(self.tr("Automatic (the faster, measured when the model loads)"), "auto")
        self.provider.addItem(self.tr("CPU"), "cpu")
        self.provider.addItem(self.tr("GPU (CUDA)"), "gpu")
        self.provider.setToolTip(self.tr("Where the model runs; a small model is often faster on the CPU, "
                                         "so Automatic times both when a GPU is there"))
        self._select(self.provider, provider_setting(settings))
        form.addRow(self.tr("Generate on"), self.provider)
        outer.addWidget(general)

        sound = QGroupBox(self.tr("Sound"))
        form = QFormLayout(sound)
        self.piano = QComboBox()
        self.piano.addItem(self.tr("Grand piano (bundled)"), "")
        self.piano.addItem(self.tr("Synthesized piano (light, no SoundFont)"), "builtin")
        current = str(settings.value("sound/soundfont", ""))
        if current not in ("", "builtin"):
            self.piano.addItem(Path(current).name, current)
        self.piano.addItem(self.tr("Other SoundFont..."), "choose")
        self.piano.addItem(self.tr("My Piano from Samples..."), "samples")
        self._select(self.piano, current)
        self._piano_choice = self.piano.currentIndex()
        self.piano.setToolTip(self.tr("The instrument of the built-in sound: playback, audition, MIDI thru, "
                                      "metronome and WAV export"))
        self.piano.activated.connect(self._piano_chosen)
        form.addRow(self.tr("Piano sound"), self.piano)
        self.piano_problem = QLabel()
        self.piano_problem.setWordWrap(True)
        self.piano_problem.setVisible(False)
        form.addRow("", self.piano_problem)
        outer.addWidget(sound)

        midi = QGroupBox(self.tr("MIDI"))
        form = QFormLayout(midi)
        self.api = QComboBox()
        for code, name in APIS:
            self.api.addItem(self.tr("Automatic") if code == "" else name, code)
        self._select(self.api, str(settings.value("midi/api", "")))
        form.addRow(self.tr("MIDI system"), self.api)
        self.input = QComboBox()
        self.input.addItem(self.tr("None"), "")
        self.output = QComboBox()
        self.output.addItem(self.tr("None (built-in piano)"), "")
        inputs = hub.input_names() if hub is not None else []
        outputs = hub.output_names() if hub is not None else []
        for name in inputs:
            self.input.addItem(name, name)
        for name in outputs:
            self.output.addItem(name, name)
        for box, key in ((self.input, "midi/input"), (self.output, "midi/output")):
            current = str(settings.value(key, ""))
            if current and box.findData(current) < 0:
                box.addItem(self.tr("%1 (not connected)").replace("%1", current), current)
            self._select(box, current)
        form.addRow(self.tr("Input (keyboard)"), self.input)
        form.addRow(self.tr("Output (synth)"), self.output)
        self.thru = QCheckBox(self.tr("Play what comes in (MIDI thru)"))
        self.thru.setChecked(flag(settings, "midi/thru", True))
        form.addRow("", self.thru)
        self.quantize = QComboBox()
        for q in INPUT_QUANTIZE:
            self.quantize.addItem(self.tr("Off") if q == "off" else q, q)
        self._select(self.quantize, str(settings.value("midi/quantize", "off")))
        form.addRow(self.tr("Quantize while recording"), self.quantize)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Overdub (add to the notes)"), "overdub")
        self.mode.addItem(self.tr("Replace (notes under the take go)"), "replace")
        self._select(self.mode, str(settings.value("midi/mode", "overdub")))
        form.addRow(self.tr("Recording"), self.mode)
        self.count_in = QCheckBox(self.tr("One bar count-in"))
        self.count_in.setChecked(flag(settings, "midi/count_in", True))
        self.metronome = QCheckBox(self.tr("Metronome while recording"))
        self.metronome.setChecked(flag(settings, "midi/metronome", True))
        form.addRow("", self.count_in)
        form.addRow("", self.metronome)
        outer.addWidget(midi)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def _piano_chosen(self, index: int) -> None:
        """"Other SoundFont...": pick a .sf2/.sf3/.sfz and check it before it is offered; a bad file is one sentence."""
        if self.piano.itemData(index) == "samples":
            self.piano.setCurrentIndex(self._piano_choice)
            folder = QFileDialog.getExistingDirectory(self, self.tr("A Folder of Piano Key Samples (WAV)"),
                                                      last_open_folder(self.settings))
            if folder:
                self.build_own_piano(folder)
            return
        if self.piano.itemData(index) != "choose":
            self._piano_choice = index
            self.piano_problem.setVisible(False)
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a SoundFont"), last_open_folder(self.settings),
                                              self.tr("SoundFonts and SFZ instruments (*.sf2 *.sf3 *.sfz);;All files (*)"))
        self.piano.setCurrentIndex(self._piano_choice)
        if path:
            self.use_soundfont(path)

    def build_own_piano(self, folder: str) -> str | None:
        """A piano from a folder of key samples (audio.own_piano), built off the GUI thread with progress, saved
        among the user's instruments and chosen; a folder without usable samples is one sentence."""
        from composer_app.audio.own_piano import save_piano
        from composer_app.core.errors import ComposerError
        from composer_app.session.recovery import data_dir
        from composer_app.ui.workers import wait_for

        name = Path(folder).name or "piano"
        target = data_dir() / "instruments" / f"{name}.sf2"

        def work():
            samples, skipped, _written = save_piano(folder, target, name)
            return (len({s.key for s in samples}) or None), skipped

        try:
            keys, skipped = wait_for(work, self, self.tr("Building the piano from %1...").replace("%1", name))
        except ComposerError:
            keys, skipped = None, []
        if keys is None:
            self.piano_problem.setText(self.tr("No piano could be made from %1: it needs WAV files of piano keys, "
                                               "named by their key (C4.wav, Do4.wav, 60.wav) or sounding one note "
                                               "each.").replace("%1", name))
            self.piano_problem.setVisible(True)
            return None
        if not self.use_soundfont(str(target)):
            return None
        note = self.tr("%1 keys sampled; the others play the nearest sample.").replace("%1", str(keys))
        if skipped:
            note += " " + self.tr("%1 files left out.").replace("%1", str(len(skipped)))
        self.piano_problem.setText(note)
        self.piano_problem.setVisible(True)
        return str(target)

    def use_soundfont(self, path: str) -> bool:
        from composer_app.audio.instrument import InstrumentError, open_instrument

        try:
            open_instrument(path)
        except InstrumentError as e:
            self.piano_problem.setText(str(e))
            self.piano_problem.setVisible(True)
            return False
        i = self.piano.findData(path)
        if i < 0:
            self.piano.insertItem(self.piano.findData("choose"), Path(path).name, path)
            i = self.piano.findData(path)
        self.piano.setCurrentIndex(i)
        self._piano_choice = i
        self.piano_problem.setVisible(False)
        return True

    @staticmethod
    def _select(box: QComboBox, data: str) -> None:
        index = box.findData(data)
        box.setCurrentIndex(max(0, index))

    def accept(self) -> None:
        s = self.settings
        s.setValue("language", self.language.currentData())
        s.setValue("provider", self.provider.currentData())
        s.setValue("sound/soundfont", self.piano.itemData(self._piano_choice))
        s.setValue("midi/api", self.api.currentData())
        s.setValue("midi/input", self.input.currentData())
        s.setValue("midi/output", self.output.currentData())
        set_flag(s, "midi/thru", self.thru.isChecked())
        s.setValue("midi/quantize", self.quantize.currentData())
        s.setValue("midi/mode", self.mode.currentData())
        set_flag(s, "midi/count_in", self.count_in.isChecked())
        set_flag(s, "midi/metronome", self.metronome.isChecked())
        super().accept()
