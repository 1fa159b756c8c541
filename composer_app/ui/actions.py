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


def _specs() -> dict[str, Spec]:
    SP = QStyle.StandardPixmap
    return {
        "new": Spec(QCoreApplication.translate("Actions", "&New"), (S.New,), "document-new", SP.SP_FileIcon),
        "open": Spec(QCoreApplication.translate("Actions", "&Open..."), (S.Open,), "document-open", SP.SP_DialogOpenButton),
        "save": Spec(QCoreApplication.translate("Actions", "&Save"), (S.Save,), "document-save", SP.SP_DialogSaveButton),
        "save_as": Spec(QCoreApplication.translate("Actions", "Save &As..."), (S.SaveAs, "Ctrl+Shift+S"), "document-save-as"),
        "export_melody": Spec(QCoreApplication.translate("Actions", "Export &Melody as MIDI..."), ("Ctrl+E",)),
        "export_selection": Spec(QCoreApplication.translate("Actions", "Export S&election as MIDI...")),
        "export_variation": Spec(QCoreApplication.translate("Actions", "Export &Variation as MIDI...")),
        "export_wav": Spec(QCoreApplication.translate("Actions", "Export as &WAV...")),
        "export_musicxml": Spec(QCoreApplication.translate("Actions", "Export as Music&XML..."),
                                tip=QCoreApplication.translate("Actions", "A score for MuseScore and other notation programs: the melody with its chord symbols and, when the chords play, their accompaniment")),
        "copy_midi": Spec(QCoreApplication.translate("Actions", "Copy as MIDI &File"), ("Ctrl+Shift+C",)),
        "preferences": Spec(QCoreApplication.translate("Actions", "&Preferences..."), (S.Preferences, "Ctrl+,")),
        "quit": Spec(QCoreApplication.translate("Actions", "&Quit"), (S.Quit, "Ctrl+Q"), "application-exit"),
        "undo": Spec(QCoreApplication.translate("Actions", "&Undo"), (S.Undo,), "edit-undo", SP.SP_ArrowBack),
        "redo": Spec(QCoreApplication.translate("Actions", "&Redo"), (S.Redo, "Ctrl+Shift+Z", "Ctrl+Y"), "edit-redo", SP.SP_ArrowForward),
        "cut": Spec(QCoreApplication.translate("Actions", "Cu&t"), (S.Cut,), "edit-cut"),
        "copy": Spec(QCoreApplication.translate("Actions", "&Copy"), (S.Copy,), "edit-copy"),
        "paste": Spec(QCoreApplication.translate("Actions", "&Paste"), (S.Paste,), "edit-paste"),
        "delete": Spec(QCoreApplication.translate("Actions", "&Delete"), ("Delete", "Backspace"), "edit-delete"),
        "select_all": Spec(QCoreApplication.translate("Actions", "Select &All"), (S.SelectAll,), "edit-select-all"),
        "duplicate": Spec(QCoreApplication.translate("Actions", "Dup&licate"), ("Ctrl+D",)),
        "transpose_up": Spec(QCoreApplication.translate("Actions", "Transpose Up a Semitone"), ("Ctrl+Up",)),
        "transpose_down": Spec(QCoreApplication.translate("Actions", "Transpose Down a Semitone"), ("Ctrl+Down",)),
        "octave_up": Spec(QCoreApplication.translate("Actions", "Transpose Up an Octave"), ("Ctrl+Shift+Up",)),
        "octave_down": Spec(QCoreApplication.translate("Actions", "Transpose Down an Octave"), ("Ctrl+Shift+Down",)),
        "quantize": Spec(QCoreApplication.translate("Actions", "&Quantize"), ("Q",)),
        "tool_select": Spec(QCoreApplication.translate("Actions", "&Select Tool"), ("1",), checkable=True, tip=QCoreApplication.translate("Actions", "Select, move and resize notes")),
        "tool_draw": Spec(QCoreApplication.translate("Actions", "&Draw Tool"), ("2",), checkable=True, tip=QCoreApplication.translate("Actions", "Click or drag to draw notes")),
        "tool_erase": Spec(QCoreApplication.translate("Actions", "&Erase Tool"), ("3",), checkable=True, tip=QCoreApplication.translate("Actions", "Click or drag over notes to erase them")),
        "zoom_in": Spec(QCoreApplication.translate("Actions", "Zoom &In"), (S.ZoomIn, "Ctrl+="), "zoom-in"),
        "zoom_out": Spec(QCoreApplication.translate("Actions", "Zoom &Out"), (S.ZoomOut,), "zoom-out"),
        "play": Spec(QCoreApplication.translate("Actions", "&Play/Stop"), ("Space",), "media-playback-start", SP.SP_MediaPlay),
        "go_start": Spec(QCoreApplication.translate("Actions", "Go to &Start"), ("Home",), "go-first",
                         SP.SP_MediaSkipBackward),
        "go_end": Spec(QCoreApplication.translate("Actions", "Go to &End"), ("End",), "go-last", SP.SP_MediaSkipForward),
        "metronome": Spec(QCoreApplication.translate("Actions", "&Metronome"), ("C",), checkable=True,
                          tip=QCoreApplication.translate("Actions", "Click on the beats while the melody plays")),
        "count_in": Spec(QCoreApplication.translate("Actions", "Co&unt-in"), ("Shift+C",), checkable=True,
                         tip=QCoreApplication.translate("Actions", "A bar of clicks before the melody plays")),
        "record": Spec(QCoreApplication.translate("Actions", "&Record"), ("Ctrl+R",), "media-record", checkable=True,
                       tip=QCoreApplication.translate("Actions", "Record from the MIDI input at the playhead")),
        "record_microphone": Spec(QCoreApplication.translate("Actions", "Record from Micr&ophone..."), ("Ctrl+Alt+R",),
                                  tip=QCoreApplication.translate("Actions", "Sing, hum or play into a microphone: the notes heard join the melody at the playhead")),
        "computer_keys": Spec(QCoreApplication.translate("Actions", "Play with the &Computer Keyboard"), ("Ctrl+Shift+Y",),
                              checkable=True,
                              tip=QCoreApplication.translate("Actions", "Letters play notes, as on a MIDI keyboard: A S D F G H J K the white keys, W E T Y U the black ones, Z and X the octave")),
        "jam": Spec(QCoreApplication.translate("Actions", "&Jam (Call and Response)"), ("Ctrl+J",), checkable=True,
                    tip=QCoreApplication.translate("Actions", "Play a phrase and pause: the model answers")),
        "continue": Spec(QCoreApplication.translate("Actions", "&Continue"), ("Ctrl+Return", "Ctrl+Enter"), "media-skip-forward", SP.SP_MediaSeekForward),
        "again": Spec(QCoreApplication.translate("Actions", "Generate A&gain"), ("Ctrl+G",),
                      tip=QCoreApplication.translate("Actions", "New variations with the current settings, where the last ones were")),
        "fill": Spec(QCoreApplication.translate("Actions", "&Fill the Span"), ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"),
                     tip=QCoreApplication.translate("Actions", "Write the time range dragged on the ruler (or the selected notes' bars) anew, hearing the music on both sides")),
        "intro": Spec(QCoreApplication.translate("Actions", "Write an &Intro..."), ("Ctrl+Shift+I",),
                      tip=QCoreApplication.translate("Actions", "Write bars before the first note: an upbeat or an introduction")),
        "regenerate": Spec(QCoreApplication.translate("Actions", "&Regenerate Selected Notes"), ("Ctrl+Shift+R",),
                           tip=QCoreApplication.translate("Actions", "Write the selected notes again in the time they take")),
        "next_variation": Spec(QCoreApplication.translate("Actions", "&Next Variation"), ("Tab",)),
        "previous_variation": Spec(QCoreApplication.translate("Actions", "Pre&vious Variation"), ("Shift+Tab",)),
        "accept_variation": Spec(QCoreApplication.translate("Actions", "&Accept Variation"), ("Return", "Enter")),
        "discard_variations": Spec(QCoreApplication.translate("Actions", "&Discard Variations"), ("Escape",)),
        "chords_type": Spec(QCoreApplication.translate("Actions", "&Type Chords..."), ("Ctrl+K",),
                            tip=QCoreApplication.translate("Actions", "Type a chord progression from the bar of the playhead: C G Am F, or | C | G7 Am |")),
        "harmonize": Spec(QCoreApplication.translate("Actions", "&Harmonize..."), ("Ctrl+Shift+H",),
                          tip=QCoreApplication.translate("Actions", "Suggest chords for the melody")),
        "another_harmonization": Spec(QCoreApplication.translate("Actions", "&Another Harmonization"), ("Ctrl+Alt+H",),
                                      tip=QCoreApplication.translate("Actions", "Try the next of the suggested harmonizations")),
        "clear_chords": Spec(QCoreApplication.translate("Actions", "&Clear Chords")),
        "play_chords": Spec(QCoreApplication.translate("Actions", "P&lay the Chords"), ("Ctrl+Shift+K",), checkable=True,
                            tip=QCoreApplication.translate("Actions", "Play an accompaniment of the chords with the melody")),
        "check_voices": Spec(QCoreApplication.translate("Actions", "Check Part-&Writing..."),
                             tip=QCoreApplication.translate("Actions", "Open four voices (a MIDI file with soprano, alto, tenor and bass) and see their part-writing faults")),
        "export_four_voices": Spec(QCoreApplication.translate("Actions", "Export &Four Voices as MIDI..."),
                                   tip=QCoreApplication.translate("Actions", "The melody as soprano with alto, tenor and bass under its chords")),
        "train": Spec(QCoreApplication.translate("Actions", "&Train on a Folder..."), ("Ctrl+Shift+T",),
                      tip=QCoreApplication.translate("Actions", "Train a model of your own on a folder of MIDI files")),
        "models": Spec(QCoreApplication.translate("Actions", "&Models..."), ("Ctrl+Shift+M",),
                       tip=QCoreApplication.translate("Actions", "See, rename and remove the models you trained")),
        "shortcuts": Spec(QCoreApplication.translate("Actions", "&Keyboard Shortcuts"), (S.HelpContents,),
                          "help-keybord-shortcuts"),
        "about": Spec(QCoreApplication.translate("Actions", "&About composer-app")),
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
        shortcut = unique[0].toString(QKeySequence.SequenceFormat.NativeText) if unique else ""
        plain = spec.text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".")
        tip = spec.tip or plain
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        actions[name] = action
    return actions


def keys_of(action: QAction) -> str:
    """The key of an action as its menu shows it, in the app's language (Control+Retorno in Spanish)."""
    keys = action.shortcuts()
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
