"""The main window's menus and its toolbar (with the grid, tempo and time signature boxes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QMenuBar, QSpinBox, QToolBar

from composer_app.core.melody import Melody
from composer_app.core.timing import GRIDS

METERS = ((4, 4), (3, 4), (2, 4), (2, 2), (6, 8), (3, 8), (9, 8), (12, 8), (5, 4), (6, 4))


def build_menus(bar: QMenuBar, a: dict[str, QAction], panel_toggle: QAction) -> tuple[QMenu, QAction, QActionGroup]:
    """File, Edit, View, Tools, Generate, Play, Help; returns the recent-files menu, the Show History action and
    the group of the roll's tools."""
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    for name in ("new", "open"):
        m.addAction(a[name])
    recent = m.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    for name in ("save", "save_as"):
        m.addAction(a[name])
    m.addSeparator()
    for name in ("export_melody", "export_selection", "export_variation", "export_musicxml", "export_wav", "copy_midi"):
        m.addAction(a[name])
    m.addSeparator()
    m.addAction(a["preferences"])
    m.addSeparator()
    m.addAction(a["quit"])
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    for name in ("undo", "redo"):
        m.addAction(a[name])
    history = m.addMenu(QCoreApplication.translate("MainWindow", "Undo &History")).addAction(QCoreApplication.translate("MainWindow", "Show History..."))
    m.addSeparator()
    for name in ("cut", "copy", "paste", "delete", "duplicate", "select_all"):
        m.addAction(a[name])
    m.addSeparator()
    for name in ("transpose_up", "transpose_down", "octave_up", "octave_down", "quantize"):
        m.addAction(a[name])
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    for name in ("zoom_in", "zoom_out"):
        m.addAction(a[name])
    m.addAction(panel_toggle)
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
    tools = QActionGroup(bar)
    for name in ("tool_select", "tool_draw", "tool_erase"):
        tools.addAction(a[name])
        m.addAction(a[name])
    a["tool_select"].setChecked(True)
    m.addSeparator()
    m.addAction(a["train"])
    m.addAction(a["models"])
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&Generate"))
    for name in ("continue", "fill", "regenerate", "intro", "again", None, "next_variation", "previous_variation",
                 "accept_variation", "discard_variations"):
        if name is None:
            m.addSeparator()
        else:
            m.addAction(a[name])
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&Play"))
    for name in ("play", "go_start", "go_end", None, "metronome", "count_in", None, "record", "record_microphone", "jam", "computer_keys"):
        if name is None:
            m.addSeparator()
        else:
            m.addAction(a[name])
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    m.addAction(a["shortcuts"])
    m.addAction(a["about"])
    return recent, history, tools


class MainToolbar(QToolBar):
    """File, undo, tools, play, record and continue buttons; the grid, tempo and time signature."""

    grid_chosen = Signal(str)
    tempo_chosen = Signal(int)
    time_signature_chosen = Signal(int, int)

    def __init__(self, a: dict[str, QAction]) -> None:
        super().__init__(QCoreApplication.translate("MainWindow", "Main"))
        self.setObjectName("main_toolbar")
        for name in ("new", "open", "save", None, "undo", "redo", None, "tool_select", "tool_draw", "tool_erase", None,
                     "go_start", "play", "record", "continue"):
            if name is None:
                self.addSeparator()
            else:
                self.addAction(a[name])
        self.addSeparator()
        self.addWidget(QLabel(QCoreApplication.translate("MainWindow", " Grid ")))
        self.grid_box = QComboBox()
        for g in GRIDS:
            self.grid_box.addItem(g, g)
        self.grid_box.setCurrentText("1/16")
        self.grid_box.setToolTip(QCoreApplication.translate("MainWindow", "Snap grid (hold Alt while dragging to snap off)"))
        self.addWidget(self.grid_box)
        self.addSeparator()
        self.addWidget(QLabel(QCoreApplication.translate("MainWindow", " Tempo ")))
        self.tempo_box = QSpinBox()
        self.tempo_box.setRange(20, 300)
        self.tempo_box.setSuffix(" BPM")
        self.tempo_box.setToolTip(QCoreApplication.translate("MainWindow", "Tempo of the piece, in quarter notes per minute"))
        self.addWidget(self.tempo_box)
        self.addWidget(QLabel(QCoreApplication.translate("MainWindow", " Time ")))
        self.meter_box = QComboBox()
        for num, den in METERS:
            self.meter_box.addItem(f"{num}/{den}", f"{num}/{den}")
        self.meter_box.setToolTip(QCoreApplication.translate("MainWindow", "Time signature of the piece"))
        self.addWidget(self.meter_box)
        self.grid_box.currentTextChanged.connect(self.grid_chosen)
        self.tempo_box.valueChanged.connect(self.tempo_chosen)
        self.meter_box.currentIndexChanged.connect(self._meter_chosen)

    def _meter_chosen(self, index: int) -> None:
        num, den = (int(x) for x in str(self.meter_box.itemData(index)).split("/"))
        self.time_signature_chosen.emit(num, den)

    def show_meter(self, melody: Melody) -> None:
        """Show the document's tempo and time signature (without making an undo step)."""
        for box in (self.tempo_box, self.meter_box):
            box.blockSignals(True)
        self.tempo_box.setValue(round(melody.bpm))
        changes = sum(1 for t in melody.tempos if t.tick > 0)
        self.tempo_box.setSuffix(QCoreApplication.translate("MainWindow", " BPM (changes later)") if changes
                                 else " BPM")
        self.tempo_box.setToolTip(
            QCoreApplication.translate("MainWindow", "The tempo at the start; the piece changes tempo %1 times "
                                       "later, and setting it here speeds up or slows down all of them alike")
            .replace("%1", str(changes)) if changes else
            QCoreApplication.translate("MainWindow", "Tempo of the piece, in quarter notes per minute"))
        ts = str(melody.time_signature)
        i = self.meter_box.findData(ts)
        if i < 0:
            self.meter_box.addItem(ts, ts)
            i = self.meter_box.count() - 1
        self.meter_box.setCurrentIndex(i)
        for box in (self.tempo_box, self.meter_box):
            box.blockSignals(False)
