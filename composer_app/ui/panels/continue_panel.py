"""The Continue dock: generation controls, the list of variations and their drag handle."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QIcon, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from composer_app.core.keys import MAJOR_NAMES, MINOR_NAMES, Key
from composer_app.core.note_names import key_name, might_become_pitch, parse_pitch, pitch_name
from composer_app.core.settings import BY_NAME, settings_from
from composer_app.engine.generate import ContinueOptions
from composer_app.ui.numbers import decimal
from composer_app.ui.roll.state import VARIATION_COLOURS


class DragHandle(QLabel):
    """A grip that starts a drag carrying the current variation as a .mid file."""

    def __init__(self, make_mime, parent: QWidget | None = None) -> None:
        super().__init__("⠿ " + self.tr("Drag to DAW"), parent)
        self.make_mime = make_mime
        self.setToolTip(self.tr("Drag the selected variation into a DAW, a file manager or a notation program"))
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(28)
        self._press: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or (event.position().toPoint() - self._press).manhattanLength() < 6:
            return
        mime: QMimeData | None = self.make_mime()
        self._press = None
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.CopyAction)


class PitchBox(QSpinBox):
    """A spin box that shows and accepts note names (C4, F#3, Bb5) as well as MIDI numbers."""

    def textFromValue(self, value: int) -> str:  # noqa: N802
        return pitch_name(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802
        value = parse_pitch(text)
        return value if value is not None else self.value()

    def validate(self, text: str, pos: int):  # noqa: D102
        from PySide6.QtGui import QValidator

        t = text.strip()
        value = parse_pitch(t)
        if value is not None and self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        if might_become_pitch(t):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos


class VariationList(QListWidget):
    """The variations, each draggable as a .mid file."""

    def __init__(self, make_mime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.make_mime = make_mime
        self.setDragEnabled(True)

    def mimeData(self, items) -> QMimeData:  # noqa: N802
        return self.make_mime() or QMimeData()

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return ["text/uri-list", "audio/midi"]


class ContinuePanel(QDockWidget):
    """Controls for `continue_melody`; emits requests, the window does the work."""

    continue_requested = Signal()
    again_requested = Signal()
    accept_requested = Signal()
    discard_requested = Signal()
    cancel_requested = Signal()
    variation_chosen = Signal(int)
    model_chosen = Signal(str)  # a key of the model library
    manage_models_requested = Signal()
    done_choosing = Signal()  # a list choice was made: the keys go back to the roll
    notice = Signal(str)  # something the student should know about the settings

    def __init__(self, make_variation_mime, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Continue"), parent)
        self.setObjectName("continue_panel")
        body = QWidget()
        outer = QVBoxLayout(body)
        self.model_label = QLabel(self.tr("Loading the model..."))
        self.model_label.setWordWrap(True)
        outer.addWidget(self.model_label)
        form = QFormLayout()
        model_row = QHBoxLayout()
        self.model_choice = QComboBox()
        self.model_choice.setToolTip(self.tr("The model that continues your melody: the bundled one or one you trained"))
        self.model_choice.activated.connect(
            lambda i: self.model_chosen.emit(self.model_choice.itemData(i)) if self.model_choice.itemData(i) else None)
        self.models_button = QPushButton(self.tr("..."))
        self.models_button.setToolTip(self.tr("See, rename and remove models (Tools > Models)"))
        self.models_button.setMaximumWidth(32)
        self.models_button.clicked.connect(self.manage_models_requested)
        model_row.addWidget(self.model_choice, 1)
        model_row.addWidget(self.models_button)
        form.addRow(self.tr("Model"), model_row)
        self.bars = QSpinBox()
        self.bars.setRange(BY_NAME["bars"].low, BY_NAME["bars"].high)
        self.bars.setValue(BY_NAME["bars"].default)
        self.bars.setToolTip(self.tr("How many bars each variation adds"))
        form.addRow(self.tr("Bars to add"), self.bars)
        self.variations = QSpinBox()
        self.variations.setRange(BY_NAME["variations"].low, BY_NAME["variations"].high)
        self.variations.setValue(BY_NAME["variations"].default)
        self.variations.setToolTip(self.tr("How many different continuations to offer at once"))
        form.addRow(self.tr("Variations"), self.variations)
        self.creativity = QSlider(Qt.Orientation.Horizontal)
        self.creativity.setRange(10, 200)
        self.creativity.setValue(round(BY_NAME["temperature"].default * 100))
        self.creativity_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.creativity)
        row.addWidget(self.creativity_label)
        self.creativity.setToolTip(self.tr("Low: the model's safest choices; high: more surprising notes "
                                           "(the sampling temperature)"))
        form.addRow(self.tr("Creativity"), row)
        self.creativity.valueChanged.connect(lambda v: self.creativity_label.setText(decimal(v / 100)))
        self.creativity_label.setText(decimal(self.creativity.value() / 100))
        self.top_p = QDoubleSpinBox()
        self.top_p.setRange(0.5, 1.0)
        self.top_p.setSingleStep(0.01)
        self.top_p.setValue(BY_NAME["top_p"].default)
        self.top_p.setToolTip(self.tr("Leave out the least likely notes: only the likeliest ones that together make "
                                      "up this share of the probability are chosen from (1.00 keeps all)"))
        form.addRow(self.tr("Top-p"), self.top_p)
        self.key = QComboBox()
        self.key.addItem(self.tr("Auto"), "auto")
        self.key.addItem(self.tr("No key lock"), "none")
        for name in MAJOR_NAMES + MINOR_NAMES:
            self.key.addItem(key_name(Key.parse(name)), name)
        self.key.setToolTip(self.tr("Keep every note in a key: Auto uses the key the melody is in, or pick one; "
                                    "No key lock lets the model choose"))
        self.key.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # Auto's text names the key
        form.addRow(self.tr("Key"), self.key)
        self.low = PitchBox()
        self.high = PitchBox()
        for box, value in ((self.low, BY_NAME["low"].default), (self.high, BY_NAME["high"].default)):
            box.setRange(36, 96)
            box.setValue(value)
            box.setToolTip(self.tr("Lowest and highest note the continuation may use: type a note such as C4 "
                                   "(middle C) or a MIDI number"))
        rng = QHBoxLayout()
        rng.addWidget(self.low)
        rng.addWidget(QLabel("–"))
        rng.addWidget(self.high)
        form.addRow(self.tr("Pitch range"), rng)
        self.density = QSlider(Qt.Orientation.Horizontal)
        self.density.setRange(-100, 100)
        self.density.setValue(round(BY_NAME["density"].default * 100))
        self.density.setToolTip(self.tr("Left: fewer, longer notes and more rests; right: more, shorter notes"))
        form.addRow(self.tr("Note density"), self.density)
        self.style = QComboBox()
        self.style.setToolTip(self.tr("The kind of music the model should continue in; Auto lets it judge from the seed"))
        for data, text in (("auto", self.tr("Auto")), ("dance", self.tr("Dance tune")),
                           ("song", self.tr("Song or air")), ("chorale", self.tr("Chorale")),
                           ("renaissance", self.tr("Renaissance"))):
            self.style.addItem(text, data)
        form.addRow(self.tr("Style"), self.style)
        self.end_on = QComboBox()
        self.end_on.setToolTip(self.tr("Where the continuation ends: its last note falls on the last strong beat, "
                                       "on the tonic or on a note of the tonic chord"))
        for data, text in (("free", self.tr("Free")), ("tonic", self.tr("Tonic")), ("chord", self.tr("Chord tone"))):
            self.end_on.addItem(text, data)
        form.addRow(self.tr("End on"), self.end_on)
        self.from_end = QRadioButton(self.tr("the end"))
        self.from_selection = QRadioButton(self.tr("the selection"))
        self.from_end.setChecked(True)
        self.from_end.setToolTip(self.tr("Continue after the last note of the melody"))
        self.from_selection.setToolTip(self.tr("Continue the selected notes, right after the selection"))
        group = QButtonGroup(self)
        group.addButton(self.from_end)
        group.addButton(self.from_selection)
        src = QHBoxLayout()
        src.addWidget(self.from_end)
        src.addWidget(self.from_selection)
        form.addRow(self.tr("Continue from"), src)
        outer.addLayout(form)
        self.continue_button = QPushButton(self.tr("Continue"))
        big = QFont(self.continue_button.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.continue_button.setFont(big)
        self.continue_button.setMinimumHeight(44)
        self.continue_button.clicked.connect(self.continue_requested)
        outer.addWidget(self.continue_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        outer.addWidget(self.progress)
        self.list = VariationList(make_variation_mime)
        self.list.currentRowChanged.connect(self._on_row)
        outer.addWidget(self.list, 1)
        self.handle = DragHandle(make_variation_mime)
        outer.addWidget(self.handle)
        buttons = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept"))
        self.again_button = QPushButton(self.tr("Again"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.list.setToolTip(self.tr("Click a variation to hear it; Tab and Shift+Tab go through them"))
        for b in (self.accept_button, self.again_button, self.discard_button):
            buttons.addWidget(b)
        self.accept_button.clicked.connect(self.accept_requested)
        self.again_button.clicked.connect(self.again_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        outer.addLayout(buttons)
        self.setWidget(body)
        for combo in (self.model_choice, self.key, self.style, self.end_on):
            combo.activated.connect(lambda *_: self.done_choosing.emit())
        for slider in (self.creativity, self.density):
            slider.sliderReleased.connect(self.done_choosing)
        self.set_variations([])
        self._updating = False

    def options(self, selection: tuple[int, int] | None) -> ContinueOptions:
        if self.low.value() > self.high.value():
            low, high = self.high.value(), self.low.value()
            self.low.setValue(low)
            self.high.setValue(high)
            self.notice.emit(self.tr("The lowest note was above the highest one: they were swapped (%1 to %2).")
                             .replace("%1", self.low.text()).replace("%2", self.high.text()))
        from_selection = bool(selection) and self.from_selection.isChecked()
        return ContinueOptions.of(self.settings(), region=selection if from_selection else None,
                                  start_tick=selection[1] if from_selection else None)

    def settings(self) -> dict:
        """The generation settings as plain values (for the project file and the remembered settings)."""
        low, high = sorted((self.low.value(), self.high.value()))
        return {"bars": self.bars.value(), "variations": self.variations.value(),
                "temperature": self.creativity.value() / 100, "top_p": round(self.top_p.value(), 3),
                "key": self.key.currentData(), "low": low, "high": high, "density": self.density.value() / 100,
                "style": self.style.currentData(), "end_on": self.end_on.currentData()}

    def apply_settings(self, values: dict) -> None:
        """Show remembered or loaded settings; values that do not fit the schema or a control are ignored."""
        values = settings_from(values)
        for name, box in (("bars", self.bars), ("variations", self.variations), ("low", self.low), ("high", self.high)):
            v = values.get(name)
            if v is not None and box.minimum() <= v <= box.maximum():
                box.setValue(v)
        t = values.get("temperature")
        if t is not None and 0.1 <= t <= 2.0:
            self.creativity.setValue(round(t * 100))
        p = values.get("top_p")
        if p is not None and self.top_p.minimum() <= p <= self.top_p.maximum():
            self.top_p.setValue(p)
        d = values.get("density")
        if d is not None:
            self.density.setValue(round(d * 100))
        for name, box in (("key", self.key), ("style", self.style), ("end_on", self.end_on)):
            if name in values:
                i = box.findData(values[name] if values[name] is not None else "none")
                if i >= 0:
                    box.setCurrentIndex(i)

    def set_detected_key(self, key: Key | None, from_file: bool = False) -> None:
        """Auto's text: the key the file declares, or the one the notes suggest."""
        if key is None:
            self.key.setItemText(0, self.tr("Auto"))
        elif from_file:
            self.key.setItemText(0, self.tr("Auto (%1, from the file)").replace("%1", key_name(key)))
        else:
            self.key.setItemText(0, self.tr("Auto (%1)").replace("%1", key_name(key)))

    def set_styles(self, styles: tuple[str, ...]) -> None:
        """Offer only the styles the model knows (none but Auto for a model without a style input)."""
        for i in range(self.style.count()):
            data = self.style.itemData(i)
            self.style.model().item(i).setEnabled(data == "auto" or data in styles)
        if self.style.currentData() != "auto" and self.style.currentData() not in styles:
            self.style.setCurrentIndex(0)

    def set_models(self, entries, current: str) -> None:
        """List the models; one that failed its checks is shown, greyed, with the reason as its tooltip."""
        self.model_choice.blockSignals(True)
        self.model_choice.clear()
        from composer_app.ui.dialogs.models_dialog import describe, display_name

        for entry in entries:
            self.model_choice.addItem(display_name(entry), entry.key)
            i = self.model_choice.count() - 1
            item = self.model_choice.model().item(i)
            item.setToolTip(describe(entry))
            if not entry.usable:
                item.setEnabled(False)
                self.model_choice.setItemText(i, display_name(entry) + " " + self.tr("(cannot be used)"))
        i = self.model_choice.findData(current)
        self.model_choice.setCurrentIndex(max(0, i))
        self.model_choice.blockSignals(False)

    def set_model_status(self, text: str, available: bool) -> None:
        self.model_label.setText(text)
        self.continue_button.setEnabled(available)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.continue_button.setText(self.tr("Cancel") if busy else self.tr("Continue"))
        try:
            self.continue_button.clicked.disconnect()
        except (RuntimeError, TypeError):
            pass
        self.continue_button.clicked.connect(self.cancel_requested if busy else self.continue_requested)

    def name_keys(self, keys: dict[str, str]) -> None:
        """The buttons' tooltips with their actions' keys as the menus show them (keys: action name -> text)."""
        for button, text, name in (
                (self.continue_button, self.tr("Generate continuations (%1)"), "continue"),
                (self.accept_button, self.tr("Put the shown variation into the melody (%1)"), "accept_variation"),
                (self.again_button, self.tr("New variations with the current settings (%1)"), "again"),
                (self.discard_button, self.tr("Remove the variations (%1)"), "discard_variations")):
            button.setToolTip(text.replace("%1", keys[name]))

    def set_variations(self, variations) -> None:
        self._updating = True
        self.list.clear()
        for k, v in enumerate(variations):
            pix = QPixmap(14, 14)
            pix.fill(QColor(VARIATION_COLOURS[k % len(VARIATION_COLOURS)]))
            item = QListWidgetItem(QIcon(pix), self.tr("Variation %1 (%2 notes)").replace("%1", str(k + 1))
                                   .replace("%2", str(len(v))))
            self.list.addItem(item)
        has = bool(variations)
        for w in (self.accept_button, self.again_button, self.discard_button, self.handle):
            w.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)
        self._updating = False

    def show_variation(self, index: int) -> None:
        self._updating = True
        self.list.setCurrentRow(index)
        self._updating = False

    def _on_row(self, row: int) -> None:
        if not getattr(self, "_updating", False) and row >= 0:
            self.variation_chosen.emit(row)
