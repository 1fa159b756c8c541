"""A student's folder for training: prepared into the sharded cache, summarized (no torch needed here)."""

from __future__ import annotations

import argparse
from pathlib import Path

from composer_app.core.training_events import event
from composer_app.training.cache import CachedMelody, CacheError, prepare, read_cache
from composer_app.training.progress import Reporter

SKIPPED_SHOWN = 50


def prepare_folder(folder: Path | None, work: Path, reporter: Reporter, workers: int = 0) -> tuple[list[CachedMelody], dict]:
    """Prepare (or reuse) work/cache for folder; the melodies and a description for the model card."""
    if folder is None:
        raise CacheError("give a folder of MIDI files, or --corpus bundled")
    if not folder.is_dir():
        raise CacheError(f"{folder}: no such folder")
    index = prepare(folder, work / "cache", workers=workers, progress=reporter.preparing)
    melodies = read_cache(work / "cache")
    reporter.event(event("data", folder=folder.name, files=index["files"], melodies=index["melodies"],
                         notes=index["notes"], skipped_count=index["skipped_count"],
                         skipped=index["skipped"][:SKIPPED_SHOWN], reused_cache=index["reused"]))
    for reason in index["skipped"][:SKIPPED_SHOWN]:
        reporter.log(f"skipped {reason}")
    if index["skipped_count"] > SKIPPED_SHOWN:
        reporter.log(f"... and {index['skipped_count'] - SKIPPED_SHOWN} more files skipped (see {work / 'cache'})")
    description = {"name": f"trained on {folder.name}", "folder": folder.name, "files": index["files"],
                   "melodies": index["melodies"], "notes": index["notes"], "skipped": index["skipped_count"],
                   "licence": "as the folder's files (not checked)"}
    return melodies, description


def run_prepare_only(args: argparse.Namespace) -> int:
    """`train FOLDER --out DIR --prepare-only`: what the folder holds, cached for the training that follows."""
    if args.out is None:
        raise CacheError("say where the model goes with --out DIR")
    reporter = Reporter(json_lines=args.progress == "json")
    melodies, description = prepare_folder(args.folder, args.out, reporter, args.workers)
    reporter.log(f"{description['files']} files: {description['melodies']} melodies, {description['notes']:,} notes, "
                 f"{description['skipped']} skipped")
    return 0
