"""The files composer-app opens, by suffix: one table that the window's Open and drop, the command line,
the training folder reader and `evaluate` all consult.

A new kind of file (MusicXML, a recording) is one module with a reader plus one row here: `kind` says what
its reader gives, "song" (tracks to take a melody from, like a MIDI file), "score" (the same, read by a larger
library only when a student opens one, so not in training folders), "recording" (audio, transcribed into notes
by audio.transcribe) or "project" (a whole document).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileFormat:
    name: str  # in a file dialog's list
    suffixes: tuple[str, ...]
    kind: str  # "song", "score" or "project"


FORMATS: tuple[FileFormat, ...] = (
    FileFormat("composer-app projects", (".composer",), "project"),  # core.project.load_project
    FileFormat("MIDI files", (".mid", ".midi"), "song"),  # core.midifile.read_midi
    FileFormat("MusicXML scores", (".musicxml", ".xml", ".mxl"), "score"),  # core.musicxml.read_musicxml
    FileFormat("Recordings", (".wav", ".flac", ".ogg", ".oga", ".mp3", ".aiff", ".aif"), "recording"),  # audio.transcribe
)


def format_of(path: str | Path) -> FileFormat | None:
    """The format a file's suffix says it is in (None: not one composer-app opens)."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS if suffix in f.suffixes), None)


def openable_suffixes(kind: str | None = None) -> tuple[str, ...]:
    """Every suffix composer-app opens (of one kind: "song" or "project")."""
    return tuple(s for f in FORMATS if kind is None or f.kind == kind for s in f.suffixes)
