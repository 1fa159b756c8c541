"""A folder of MIDI files (and recordings, transcribed once) -> a sharded token cache on disk, prepared by
several processes at once.

Each shard holds the melodies of up to SHARD_FILES files as plain .npy arrays (read back through memory maps)
and a small JSON list of what is in it and what was skipped, so a folder of 100,000 files streams through
preparation and training instead of living in memory. The cache is reused while the folder's files (names,
sizes, modification times) stay the same. No torch here: the Train dialog runs preparation without the
train extra. No pickle: arrays are read with allow_pickle=False.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np

from composer_app.core.encoding import EncodedMelody, MelodyEncoding, grid_melody_of_file
from composer_app.core.errors import ComposerError
from composer_app.core.formats import openable_suffixes
from composer_app.core.safe_save import save_bytes

CACHE_VERSION = 1
SHARD_FILES = 200
MIN_NOTES = 8
MAX_SKIPPED_LISTED = 200  # reasons kept in the index; every reason stays in its shard's JSON
MIDI_SUFFIXES = openable_suffixes("song")
RECORDING_SUFFIXES = openable_suffixes("recording")  # transcribed once, into the cache (audio.transcribe)


class CacheError(ComposerError):
    """The folder cannot be prepared, or a cache cannot be read; the message says why."""


@dataclass
class CachedMelody:
    """A melody of the cache: its notes and tokens are views into memory-mapped shard arrays."""

    id: str
    notes: np.ndarray  # [n, 3] tick, duration, pitch
    bar_ticks: int
    encoded: EncodedMelody
    source: str = "midi"
    style: int = 0
    piece: str = ""

    @property
    def split_key(self) -> str:
        return self.piece or self.id


def midi_files(folder: Path) -> Iterator[Path]:
    """Every MIDI file and recording under folder, in a stable order, without listing the whole tree at once."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(MIDI_SUFFIXES + RECORDING_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name


def _fingerprint(folder: Path) -> tuple[str, int]:
    h, count = hashlib.sha256(), 0
    for path in midi_files(folder):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path.relative_to(folder).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        count += 1
    h.update(json.dumps(MelodyEncoding().card(), sort_keys=True).encode())
    return h.hexdigest(), count


def _recording_notes(path: Path) -> tuple[list[tuple[int, int, int]], int]:
    """A recording's melody line, heard by the transcription model, on the 16th grid at the tempo heard."""
    from composer_app.audio.transcribe import recording_melody
    from composer_app.core.encoding import monophonic_grid_notes

    melody = recording_melody(path)
    return monophonic_grid_notes([(n.tick, n.duration, n.pitch) for n in melody]), melody.time_signature.bar_ticks


def _prepare_shard(number: int, folder: str, names: list[str], cache_dir: str) -> dict:
    """In a worker process: parse and encode the files of one shard and write it; return its summary."""
    encoding = MelodyEncoding()
    melodies, skipped, note_rows, token_cols = [], [], [], []
    notes_at = tokens_at = 0
    for name in names:
        path = Path(folder) / name
        try:
            notes, bar = (_recording_notes(path) if path.suffix.lower() in RECORDING_SUFFIXES
                          else grid_melody_of_file(path))
        except ComposerError as e:
            reason = str(e)
            skipped.append(reason if reason.startswith(path.name) else f"{name}: {reason}")
            continue
        except Exception as e:  # a file no reader expected: skip it with the reason, never stop the run
            skipped.append(f"{name}: cannot be read ({type(e).__name__})")
            continue
        if len(notes) < MIN_NOTES:
            skipped.append(f"{name}: fewer than {MIN_NOTES} melody notes")
            continue
        enc = encoding.encode_notes(notes, bar)
        rows = np.zeros((len(notes), 4), np.int32)
        rows[:, :3] = np.array(sorted(notes), np.int32)
        rows[:, 3] = enc.note_tokens
        note_rows.append(rows)
        token_cols.append(np.stack([enc.tokens, enc.positions, enc.meters]).astype(np.int16))
        melodies.append({"id": name, "bar": bar, "notes": [notes_at, len(notes)],
                         "tokens": [tokens_at, len(enc.tokens)]})
        notes_at += len(notes)
        tokens_at += len(enc.tokens)
    stem = Path(cache_dir) / f"shard-{number:05d}"
    notes_arr = np.concatenate(note_rows) if note_rows else np.zeros((0, 4), np.int32)
    tokens_arr = np.concatenate(token_cols, axis=1) if token_cols else np.zeros((3, 0), np.int16)
    for suffix, arr in ((".notes.npy", notes_arr), (".tokens.npy", tokens_arr)):
        tmp = stem.with_name(stem.name + suffix + ".tmp")
        with open(tmp, "wb") as f:
            np.save(f, arr, allow_pickle=False)
        os.replace(tmp, stem.with_name(stem.name + suffix))
    summary = {"shard": number, "files": len(names), "melodies": melodies, "skipped": skipped,
               "notes": notes_at, "tokens": tokens_at}
    tmp = stem.with_name(stem.name + ".json.tmp")
    tmp.write_text(json.dumps(summary, ensure_ascii=False))
    os.replace(tmp, stem.with_name(stem.name + ".json"))
    return {k: v for k, v in summary.items() if k != "melodies"} | {"melody_count": len(melodies)}


def _chunks(folder: Path, size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for path in midi_files(folder):
        chunk.append(path.relative_to(folder).as_posix())
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def prepare(folder: Path, cache_dir: Path, workers: int = 0, progress: Callable[[int, int], None] | None = None,
            shard_files: int = SHARD_FILES) -> dict:
    """Prepare (or reuse) the cache of folder in cache_dir; return its index (counts, skipped reasons).

    progress(files_done, files_total) is called as shards finish. Memory stays flat in the folder's size:
    at most 2 x workers shards are in flight and only counts come back to this process.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CacheError(f"{folder}: no such folder")
    cache_dir = Path(cache_dir)
    fingerprint, total = _fingerprint(folder)
    if total == 0:
        raise CacheError(f"{folder}: no MIDI files (.mid, .midi) or recordings (.wav, .flac, .ogg) in it")
    index_path = cache_dir / "index.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
        if index.get("version") == CACHE_VERSION and index.get("fingerprint") == fingerprint:
            if progress:
                progress(total, total)
            return index | {"reused": True}
    except (OSError, ValueError, AttributeError):
        pass
    if cache_dir.exists():
        shutil.rmtree(cache_dir)
    cache_dir.mkdir(parents=True)
    workers = workers or max(1, min(os.cpu_count() or 1, 8))
    index = {"version": CACHE_VERSION, "folder": folder.name, "fingerprint": fingerprint, "files": total,
             "melodies": 0, "notes": 0, "tokens": 0, "skipped_count": 0, "skipped": [], "shards": 0}
    done = 0
    if progress:
        progress(0, total)

    def take(summary: dict) -> None:
        nonlocal done
        done += summary["files"]
        index["shards"] = max(index["shards"], summary["shard"] + 1)
        index["melodies"] += summary["melody_count"]
        index["notes"] += summary["notes"]
        index["tokens"] += summary["tokens"]
        index["skipped_count"] += len(summary["skipped"])
        room = MAX_SKIPPED_LISTED - len(index["skipped"])
        index["skipped"] += summary["skipped"][:max(0, room)]
        if progress:
            progress(done, total)

    chunks = enumerate(_chunks(folder, shard_files))
    if workers == 1:
        for number, names in chunks:
            take(_prepare_shard(number, str(folder), names, str(cache_dir)))
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            pending = set()
            for number, names in chunks:
                pending.add(pool.submit(_prepare_shard, number, str(folder), names, str(cache_dir)))
                if len(pending) >= 2 * workers:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in finished:
                        take(f.result())
            for f in pending:
                take(f.result())
    save_bytes(index_path, json.dumps(index, indent=1, ensure_ascii=False).encode(), keep_backup=False)
    return index | {"reused": False}


def read_cache(cache_dir: Path) -> list[CachedMelody]:
    """The melodies of a prepared cache, in file order; arrays are memory-mapped views, nothing is copied."""
    cache_dir = Path(cache_dir)
    try:
        index = json.loads((cache_dir / "index.json").read_text(encoding="utf-8"))
        shards = int(index["shards"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise CacheError(f"{cache_dir}: not a prepared training cache") from e
    out: list[CachedMelody] = []
    for number in range(shards):
        stem = cache_dir / f"shard-{number:05d}"
        try:
            summary = json.loads(stem.with_name(stem.name + ".json").read_text(encoding="utf-8"))
            notes = np.load(stem.with_name(stem.name + ".notes.npy"), mmap_mode="r", allow_pickle=False)
            tokens = np.load(stem.with_name(stem.name + ".tokens.npy"), mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError) as e:
            raise CacheError(f"{stem.name}: the training cache is damaged; delete {cache_dir} and prepare again") from e
        for m in summary["melodies"]:
            (n0, n), (t0, t) = m["notes"], m["tokens"]
            rows = notes[n0:n0 + n]
            enc = EncodedMelody(tokens[0, t0:t0 + t], tokens[1, t0:t0 + t], tokens[2, t0:t0 + t], rows[:, 3])
            out.append(CachedMelody(m["id"], rows[:, :3], int(m["bar"]), enc))
    return out
