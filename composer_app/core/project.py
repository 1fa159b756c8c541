"""The project file (`.composer`): a versioned JSON document with everything a session needs to resume.

Format (version 2; see docs/project-file.md):

    {"format": "composer-app project", "version": 1, "saved_by": "composer-app 0.2.0",
     "melody": {"name": str, "notes": [[id, tick, duration, pitch, velocity], ...],
                "tempos": [[tick, microseconds_per_quarter], ...], "time_signature": [num, den],
                "key_signature": "C" | "Am" | null,
                "chords": [[tick, duration, "Am7"], ...]},  (version 2; a version 1 file has no chords)
     "variations": {"pending": [[[tick, duration, pitch, velocity], ...], ...], "index": int,
                    "start_tick": int, "end_tick": int},
     "accepted": [{"name": str, "note_ids": [int, ...]}, ...],
     "generation": {"bars": int, "variations": int, "temperature": float, ...},
     "model": {"name": str, "sha256": str} | null,
     "document": {"title": str, "path": str | null}}  (where it was saved or imported from; for recovery)

Loading validates every field against caps (a file from anywhere never costs more than its size in time
and memory) and raises ProjectError with one sentence; older versions are migrated through MIGRATIONS,
newer ones refused without touching the file. Nothing in the file is executed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from composer_app.core.chords import ChordError, ChordEvent, check_chords, parse_chord
from composer_app.core.errors import ComposerError
from composer_app.core.melody import MAX_TICK, Melody
from composer_app.core.note import Note
from composer_app.core.safe_save import save_bytes
from composer_app.core.settings import SETTINGS
from composer_app.core.timing import TempoChange, TimeSignature

FORMAT = "composer-app project"
VERSION = 2
SUFFIX = ".composer"
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_NOTES = 300_000
MAX_VARIATIONS = 8
MAX_VARIATION_NOTES = 20_000
MAX_TEMPOS = 10_000
MAX_ACCEPTED = 10_000
MAX_DEPTH = 8
MAX_CHORDS = 10_000


def _from_v1(doc: dict) -> dict:
    """Version 2 added the chord track: a version 1 project has none."""
    return {**doc, "version": 2}


# version -> function turning that version's dict into the next version's
MIGRATIONS: dict[int, object] = {1: _from_v1}


class ProjectError(ComposerError):
    """A project file cannot be read or written; the message says why in one sentence."""


@dataclass
class Project:
    """What a project file holds."""

    melody: Melody
    pending: list[list[tuple[int, int, int, int]]] = field(default_factory=list)
    pending_index: int = 0
    pending_range: tuple[int, int] = (0, 0)
    accepted: list[dict] = field(default_factory=list)
    generation: dict = field(default_factory=dict)
    model: dict | None = None
    document: dict = field(default_factory=dict)  # {"title": str, "path": str | None}

    def to_json(self) -> dict:
        m = self.melody
        return {
            "format": FORMAT, "version": VERSION, "saved_by": f"composer-app {_app_version()}",
            "melody": {"name": m.name, "notes": [[n.id, n.tick, n.duration, n.pitch, n.velocity] for n in m],
                       "tempos": [[t.tick, t.tempo] for t in m.tempos],
                       "time_signature": [m.time_signature.numerator, m.time_signature.denominator],
                       "key_signature": m.key_signature,
                       "chords": [[c.tick, c.duration, c.symbol()] for c in m.chords]},
            "variations": {"pending": [[list(n) for n in v] for v in self.pending], "index": self.pending_index,
                           "start_tick": self.pending_range[0], "end_tick": self.pending_range[1]},
            "accepted": self.accepted, "generation": self.generation, "model": self.model,
            "document": self.document,
        }


def _app_version() -> str:
    try:
        from importlib.metadata import version

        return version("composer-app")
    except Exception:  # not installed (a source tree or a frozen bundle)
        return "unknown"


def save_project(project: Project, path: str | os.PathLike, keep_backup: bool = True) -> None:
    """Write the project safely (temporary file, fsync, rename, .bak of the previous version)."""
    data = json.dumps(project.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    save_bytes(Path(path), data, keep_backup=keep_backup, error=ProjectError)


def load_project(path: str | os.PathLike) -> Project:
    """Read and validate a project file; ProjectError for anything wrong with it."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProjectError(f"{path.name}: the file is larger than any project ({MAX_FILE_BYTES >> 20} MB)", "too_large")
        data = path.read_bytes()
    except OSError as e:
        raise ProjectError(f"{path.name}: it cannot be read ({e.strerror or e})",
                           "missing" if isinstance(e, FileNotFoundError) else "unreadable") from e
    return project_from_bytes(data, path.name)


def project_from_bytes(data: bytes, name: str = "project") -> Project:
    if len(data) > MAX_FILE_BYTES:
        raise ProjectError(f"{name}: the file is larger than any project ({MAX_FILE_BYTES >> 20} MB)", "too_large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise ProjectError(f"{name}: it is not a composer-app project (not UTF-8 text)", "not_project") from e
    except RecursionError as e:
        raise ProjectError(f"{name}: it is nested too deeply to be a project", "damaged") from e
    except ValueError as e:
        raise ProjectError(f"{name}: the project is damaged and cannot be read (not valid JSON: "
                           f"{e.msg if hasattr(e, 'msg') else e})", "damaged") from e
    try:
        return _from_json(doc, name)
    except (KeyError, TypeError, ValueError, IndexError, OverflowError, ChordError) as e:
        raise ProjectError(f"{name}: the project is damaged ({_describe(e)})", "damaged") from e


def _describe(e: Exception) -> str:
    if isinstance(e, KeyError):
        return f"{e.args[0]!r} is missing"
    return str(e).splitlines()[0][:200] if str(e) else type(e).__name__


def _depth(value, limit: int) -> int:
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, d + 1) for v in item.values())
        elif isinstance(item, list) and item and isinstance(item[0], (list, dict)):
            stack.extend((v, d + 1) for v in item)
    return deepest


def _int(value, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} is not a whole number")
    if not low <= value <= high:
        raise ValueError(f"{what} {value} is out of range")
    return value


def _list(value, cap: int, what: str) -> list:
    if not isinstance(value, list):
        raise TypeError(f"{what} is not a list")
    if len(value) > cap:
        raise ValueError(f"{what} has more than {cap:,} entries")
    return value


def _from_json(doc, name: str) -> Project:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ProjectError(f"{name}: it is not a composer-app project", "not_project")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectError(f"{name}: the project has no valid format version", "damaged")
    if version > VERSION:
        raise ProjectError(f"{name}: it was saved by a newer composer-app (project format {version}); "
                           f"this one reads up to format {VERSION}. The file was not changed.", "newer")
    if _depth(doc, MAX_DEPTH) > MAX_DEPTH:
        raise ProjectError(f"{name}: it is nested too deeply to be a project", "damaged")
    while version < VERSION:
        doc = MIGRATIONS[version](doc)  # type: ignore[operator]
        version += 1
    m = doc["melody"]
    if not isinstance(m, dict):
        raise TypeError("melody is not an object")
    num, den = _list(m["time_signature"], 2, "time_signature")
    time_signature = TimeSignature(_int(num, 1, 64, "time signature numerator"), _int(den, 1, 64, "time signature denominator"))
    tempos = []
    for row in _list(m["tempos"], MAX_TEMPOS, "tempos"):
        tick, tempo = _list(row, 2, "a tempo")
        tempos.append(TempoChange(_int(tick, 0, MAX_TICK, "tempo tick"), _int(tempo, 1, 16_777_215, "tempo")))
    if not tempos or tempos[0].tick != 0 or any(a.tick >= b.tick for a, b in zip(tempos, tempos[1:])):
        raise ValueError("the tempo map must start at tick 0 and be in order")
    key = m.get("key_signature")
    if key is not None and not isinstance(key, str):
        raise TypeError("key_signature is not text")
    from composer_app.core.midifile import VALID_KEY_NAMES

    if key is not None and key not in VALID_KEY_NAMES:
        raise ValueError(f"{key[:20]!r} is not a key")
    title = m.get("name", "")
    if not isinstance(title, str):
        raise TypeError("the melody's name is not text")
    notes, ids = [], set()
    for row in _list(m["notes"], MAX_NOTES, "notes"):
        note_id, tick, duration, pitch, velocity = _list(row, 5, "a note")
        note = Note(_int(note_id, 1, MAX_TICK, "note id"), _int(tick, 0, MAX_TICK - 1, "note tick"),
                    _int(duration, 1, MAX_TICK, "note length"), _int(pitch, 0, 127, "pitch"),
                    _int(velocity, 1, 127, "velocity"))
        if note.id in ids:
            raise ValueError(f"note id {note.id} appears twice")
        ids.add(note.id)
        notes.append(note)
    chords = []
    for row in _list(m.get("chords", []), MAX_CHORDS, "chords"):
        tick, duration, symbol = _list(row, 3, "a chord")
        if not isinstance(symbol, str) or len(symbol) > 40:
            raise TypeError("a chord symbol is not text")
        chord = parse_chord(symbol)
        if chord is not None:
            chords.append(ChordEvent(_int(tick, 0, MAX_TICK - 1, "chord tick"), _int(duration, 1, MAX_TICK, "chord length"), chord))
    melody = Melody(tempos=tempos, time_signature=time_signature, key_signature=key, name=title[:200],
                    chords=tuple(check_chords(chords)))
    melody.apply((), notes)
    v = doc.get("variations") or {"pending": []}
    if not isinstance(v, dict):
        raise TypeError("variations is not an object")
    pending = []
    for variation in _list(v.get("pending", []), MAX_VARIATIONS, "pending variations"):
        rows = []
        for row in _list(variation, MAX_VARIATION_NOTES, "a variation"):
            tick, duration, pitch, velocity = _list(row, 4, "a variation note")
            rows.append((_int(tick, 0, MAX_TICK - 1, "tick"), _int(duration, 1, MAX_TICK, "length"),
                         _int(pitch, 0, 127, "pitch"), _int(velocity, 1, 127, "velocity")))
        pending.append(rows)
    index = _int(v.get("index", 0), 0, max(0, len(pending) - 1), "variation index")
    start = _int(v.get("start_tick", 0), 0, MAX_TICK, "variation start")
    end = _int(v.get("end_tick", 0), start, MAX_TICK, "variation end")
    accepted = []
    for item in _list(doc.get("accepted", []), MAX_ACCEPTED, "accepted"):
        if not isinstance(item, dict):
            raise TypeError("an accepted variation is not an object")
        label = item.get("name", "")
        if not isinstance(label, str):
            raise TypeError("an accepted variation's name is not text")
        note_ids = [_int(i, 1, MAX_TICK, "accepted note id") for i in _list(item.get("note_ids", []), MAX_NOTES, "note_ids")]
        accepted.append({"name": label[:200], "note_ids": note_ids})
    generation = {}
    raw = doc.get("generation") or {}
    if not isinstance(raw, dict):
        raise TypeError("generation is not an object")
    for setting in SETTINGS:  # the one schema of the generation settings
        if setting.name in raw:
            value = raw[setting.name]
            if setting.kind is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not (value is None and setting.nullable) and (isinstance(value, bool) or not isinstance(value, setting.kind)):
                raise TypeError(f"generation setting {setting.name} has the wrong type")
            if isinstance(value, str) and len(value) > 40:
                raise ValueError(f"generation setting {setting.name} is too long")
            if isinstance(value, (int, float)) and not -1_000_000 < value < 1_000_000:
                raise ValueError(f"generation setting {setting.name} is out of range")
            generation[setting.name] = value
    model = doc.get("model")
    if model is not None:
        if not isinstance(model, dict) or not all(isinstance(model.get(k, ""), str) for k in ("name", "sha256")):
            raise TypeError("model is not a name and a checksum")
        model = {"name": model.get("name", "")[:200], "sha256": model.get("sha256", "")[:64]}
    document = doc.get("document") or {}
    if not isinstance(document, dict):
        raise TypeError("document is not an object")
    title, where = document.get("title", ""), document.get("path")
    if not isinstance(title, str) or not (where is None or isinstance(where, str)):
        raise TypeError("the document's title or path is not text")
    document = {"title": title[:200], "path": where[:4096] if where else None}
    return Project(melody, pending, index, (start, end), accepted, generation, model, document)
