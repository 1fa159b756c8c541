"""Every QAction of the main window, declared in one place with its text, shortcut and icon."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

S = QKeySequence.StandardKey


@dataclass(frozen=True)
class Spec:
    text: str
    shortcuts: tuple = ()
    icon: str = ""  # freedesktop theme name
    fallback: QStyle.StandardPixmap | None = None
    checkable: bool = False
    tip: str = ""


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def _specs() -> dict[str, Spec]:
    SP = QStyle.StandardPixmap
    return {
        "new": Spec(tr("&New"), (S.New,), "document-new", SP.SP_FileIcon),
        "open": Spec(tr("&Open..."), (S.Open,), "document-open", SP.SP_DialogOpenButton),
        "save": Spec(tr("&Save"), (S.Save,), "document-save", SP.SP_DialogSaveButton),
        "save_as": Spec(tr("Save &As..."), (S.SaveAs, "Ctrl+Shift+S"), "document-save-as"),
        "export_melody": Spec(tr("Export &Melody as MIDI..."), ("Ctrl+E",)),
        "export_selection": Spec(tr("Export S&election as MIDI...")),
        "export_variation": Spec(tr("Export &Variation as MIDI...")),
        "export_wav": Spec(tr("Export as &WAV...")),
        "copy_midi": Spec(tr("Copy as MIDI &File"), ("Ctrl+Shift+C",)),
        "preferences": Spec(tr("&Preferences..."), (S.Preferences, "Ctrl+,")),
        "quit": Spec(tr("&Quit"), (S.Quit, "Ctrl+Q"), "application-exit"),
        "undo": Spec(tr("&Undo"), (S.Undo,), "edit-undo", SP.SP_ArrowBack),
        "redo": Spec(tr("&Redo"), (S.Redo, "Ctrl+Shift+Z", "Ctrl+Y"), "edit-redo", SP.SP_ArrowForward),
        "cut": Spec(tr("Cu&t"), (S.Cut,), "edit-cut"),
        "copy": Spec(tr("&Copy"), (S.Copy,), "edit-copy"),
        "paste": Spec(tr("&Paste"), (S.Paste,), "edit-paste"),
        "delete": Spec(tr("&Delete"), (S.Delete, "Backspace"), "edit-delete"),
        "select_all": Spec(tr("Select &All"), (S.SelectAll,), "edit-select-all"),
        "duplicate": Spec(tr("D&uplicate"), ("Ctrl+D",)),
        "transpose_up": Spec(tr("Transpose Up a Semitone"), ("Ctrl+Up",)),
        "transpose_down": Spec(tr("Transpose Down a Semitone"), ("Ctrl+Down",)),
        "octave_up": Spec(tr("Transpose Up an Octave"), ("Ctrl+Shift+Up",)),
        "octave_down": Spec(tr("Transpose Down an Octave"), ("Ctrl+Shift+Down",)),
        "quantize": Spec(tr("&Quantize"), ("Q",)),
        "tool_select": Spec(tr("&Select Tool"), ("1",), checkable=True, tip=tr("Select, move and resize notes")),
        "tool_draw": Spec(tr("&Draw Tool"), ("2",), checkable=True, tip=tr("Click or drag to draw notes")),
        "tool_erase": Spec(tr("&Erase Tool"), ("3",), checkable=True, tip=tr("Click or drag over notes to erase them")),
        "zoom_in": Spec(tr("Zoom &In"), (S.ZoomIn, "Ctrl+="), "zoom-in"),
        "zoom_out": Spec(tr("Zoom &Out"), (S.ZoomOut,), "zoom-out"),
        "play": Spec(tr("&Play/Stop"), ("Space",), "media-playback-start", SP.SP_MediaPlay),
        "record": Spec(tr("&Record"), ("Ctrl+R",), "media-record", checkable=True,
                       tip=tr("Record from the MIDI input at the playhead")),
        "jam": Spec(tr("&Jam (Call and Response)"), ("Ctrl+J",), checkable=True,
                    tip=tr("Play a phrase and pause: the model answers")),
        "continue": Spec(tr("&Continue"), ("Ctrl+Return", "Ctrl+Enter"), "media-skip-forward", SP.SP_MediaSeekForward),
        "again": Spec(tr("Continue A&gain"), ("Ctrl+Shift+Return",)),
        "next_variation": Spec(tr("&Next Variation"), ("Tab",)),
        "previous_variation": Spec(tr("P&revious Variation"), ("Shift+Tab", "Backtab")),
        "accept_variation": Spec(tr("&Accept Variation"), ("Return", "Enter")),
        "discard_variations": Spec(tr("&Discard Variations"), ("Escape",)),
        "about": Spec(tr("&About composer-app")),
    }


def build_actions(parent: QWidget) -> dict[str, QAction]:
    """Create every action with its shortcuts and icon; the caller connects them."""
    actions = {}
    style = parent.style()
    for name, spec in _specs().items():
        action = QAction(spec.text, parent)
        action.setObjectName(name)
        keys = []
        for s in spec.shortcuts:
            keys += QKeySequence.keyBindings(s) if isinstance(s, QKeySequence.StandardKey) else [QKeySequence(s)]
        unique = []
        for k in keys:
            if not k.isEmpty() and k not in unique:
                unique.append(k)
        action.setShortcuts(unique)
        if spec.icon or spec.fallback is not None:
            icon = QIcon.fromTheme(spec.icon) if spec.icon else QIcon()
            if icon.isNull() and spec.fallback is not None:
                icon = style.standardIcon(spec.fallback)
            action.setIcon(icon)
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        actions[name] = action
    return actions
