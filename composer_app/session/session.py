"""The session behind the window: the document, its variations, selection, playhead and loop, the live
take, and the operations a student performs on them. No Qt: every operation is testable on its own and
every change is a named event the views subscribe to.

Edits of the document are returned as NoteChange objects (notes out, notes in, by id) so the window can
put each on its undo stack as one step; `apply` and `revert` do the work and keep the variations in step
(undoing an Accept brings the variations back).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from composer_app.core.melody import Melody
from composer_app.core.note import Note
from composer_app.core.project import Project
from composer_app.session.events import Events
from composer_app.session.variations import Variations

# run(work, on_done, on_failed): how generation runs (a thread pool in the window, inline in tests)
Executor = Callable[[Callable[[], object], Callable[[object], None], Callable[[Exception], None]], None]


def run_inline(work, on_done, on_failed) -> None:
    try:
        result = work()
    except Exception as e:  # noqa: BLE001  (handed to the caller, as a background run would)
        on_failed(e)
        return
    on_done(result)


@dataclass
class NoteChange:
    """One undoable edit of the document: `before` notes (by id) become `after`."""

    label: str
    before: list[Note]
    after: list[Note]
    variations_before: tuple | None = None  # what the variations were, for undoing an Accept
    extra: dict = field(default_factory=dict)


class Session:
    """What the student has open. Events: document (replaced), edited, selection, playhead, loop, live, status."""

    def __init__(self, melody: Melody | None = None) -> None:
        self.events = Events("document", "edited", "selection", "playhead", "loop", "live", "status")
        self.melody = melody if melody is not None else Melody()
        self.path: Path | None = None
        self.imported_from: Path | None = None
        self.accepted: list[dict] = []
        self.variations = Variations()
        self.selection: set[int] = set()
        self.playhead = 0
        self.loop: tuple[int, int] | None = None
        self.live_notes: list[tuple[int, int, int, int]] = []
        self.settings: dict = {}  # the generation settings a loaded project carried
        self.melody.subscribe(self._edited)

    # -- the document --------------------------------------------------------------------
    def _edited(self, melody: Melody) -> None:
        if self.selection:
            self.selection = {i for i in self.selection if i in melody}
        self.events.edited.emit(melody)

    def replace_document(self, melody: Melody, path: Path | None = None, imported_from: Path | None = None) -> None:
        self.melody.unsubscribe(self._edited)
        self.melody = melody
        melody.subscribe(self._edited)
        self.path, self.imported_from = path, imported_from
        self.accepted = []
        self.selection = set()
        self.variations.clear()
        self.events.document.emit(melody)

    @property
    def title(self) -> str:
        where = self.path or self.imported_from
        return where.name if where else ""

    # -- selection, playhead, loop, live take --------------------------------------------
    def select(self, ids) -> None:
        ids = {i for i in ids if i in self.melody}
        if ids != self.selection:
            self.selection = ids
            self.events.selection.emit(ids)

    def selection_range(self) -> tuple[int, int] | None:
        notes = [self.melody.get(i) for i in self.selection if i in self.melody]
        return (min(n.tick for n in notes), max(n.end for n in notes)) if notes else None

    def move_playhead(self, tick: int) -> None:
        tick = max(0, int(tick))
        if tick != self.playhead:
            self.playhead = tick
            self.events.playhead.emit(tick)

    def set_loop(self, loop: tuple[int, int] | None) -> None:
        if loop is not None:
            a, b = sorted(loop)
            loop = (max(0, a), b) if b > a else None
        if loop != self.loop:
            self.loop = loop
            self.events.loop.emit(loop)

    def show_live(self, notes: Sequence[tuple[int, int, int, int]]) -> None:
        self.live_notes = list(notes)
        self.events.live.emit(self.live_notes)

    # -- generation ----------------------------------------------------------------------
    def continue_melody(self, model, options, run: Executor = run_inline, on_failed=None, on_done=None,
                        progress=None, cancel=None) -> None:
        """Generate variations with `model` (through `run`, e.g. a worker thread) from a snapshot of the
        document; they replace the shown ones. `progress(fraction)` and `cancel` go to the engine."""
        from composer_app.engine.generate import continue_melody

        melody = self.melody.copy()  # edits made while it runs do not race the generation

        def done(result) -> None:
            self.variations.show(result.variations, (result.start_tick, result.end_tick))
            self.events.status.emit(result)
            if on_done is not None:
                on_done(result)

        run(lambda: continue_melody(model, melody, options, progress=progress, cancel=cancel), done,
            on_failed or (lambda e: None))

    def jam_answer(self, model, notes, settings, run: Executor = run_inline, on_done=None, on_failed=None) -> None:
        """Call and response: the continuation of a played phrase (through `run`), shown as the one variation."""
        from composer_app.midi.jam import answer_phrase

        def done(answered) -> None:
            phrase, result = answered
            self.variations.show(result.variations[:1], (result.start_tick, result.end_tick))
            if on_done is not None:
                on_done(phrase, result)

        run(lambda: answer_phrase(model, notes, settings), done, on_failed or (lambda e: None))

    def playback_range(self, melody: Melody | None = None, from_playhead: bool = True,
                       start_at: int | None = None) -> tuple[int, int, bool] | None:
        """What Play plays: (start, end, loops). From the playhead to the end, or the loop range over and over;
        a melody that is not the document (a variation) plays from its first note. None: nothing to play."""
        melody = melody if melody is not None else self.melody
        start = self.playhead if from_playhead else (melody.notes[0].tick if len(melody) else 0)
        end = melody.end_tick
        loops = bool(from_playhead and self.loop)
        if loops:
            loop_start, end = self.loop
            start = start_at if start_at is not None and loop_start <= start_at < end else loop_start
        elif start_at is not None:
            start = start_at
        if start >= end:
            return None
        return start, end, loops

    def accept(self, label: str | None = None) -> NoteChange | None:
        """The current variation replaces what the document has in the bars it fills (None: nothing to accept)."""
        chosen = self.variations.current
        if chosen is None:
            return None
        start, end = self.variations.span or ((chosen.notes[0].tick, chosen.end_tick) if len(chosen) else (0, 0))
        replaced = [n for n in self.melody.notes_in_range(start, end) if n.tick >= start]
        cut = [n for n in self.melody.notes_in_range(start, start + 1) if n.tick < start < n.end]
        scratch = self.melody.copy()
        scratch.remove([n.id for n in replaced])
        shortened = [replace(n, duration=start - n.tick) for n in cut]
        added = [scratch.add(*n.content()) for n in chosen]
        name = label or chosen.name or f"Variation {self.variations.index + 1}"
        return NoteChange(name, replaced + cut, shortened + added, self.variations.snapshot(), {"accepted": name})

    def merge_take(self, notes: Sequence[tuple[int, int, int, int]], mode: str, start: int, label: str = "Record"
                   ) -> NoteChange | None:
        """A recorded take into the document: overdub adds, replace first removes what starts in its span."""
        notes = [n for n in notes if n[0] >= 0]
        if not notes:
            return None
        if mode not in ("overdub", "replace"):
            raise ValueError(f"unknown recording mode {mode!r}")
        removed = []
        if mode == "replace":
            end = max(t + d for t, d, _, _ in notes)
            removed = [self.melody.get(i) for i in self.melody.select_range(start, end)]
        scratch = self.melody.copy()
        scratch.remove([n.id for n in removed])
        added = [scratch.add(*n) for n in notes]
        return NoteChange(label, removed, added)

    # -- applying edits (the undo stack calls these) --------------------------------------
    def apply(self, change: NoteChange) -> None:
        change.after = self.melody.apply([n.id for n in change.before], change.after)
        if change.variations_before is not None:
            self.variations.clear()
            self.accepted.append({"name": change.extra.get("accepted", change.label),
                                  "note_ids": [n.id for n in change.after]})
            self.select(n.id for n in change.after)

    def revert(self, change: NoteChange) -> None:
        self.melody.apply([n.id for n in change.after], change.before)
        if change.variations_before is not None:
            items, index, span = change.variations_before
            self.variations.show(items, span, index)
            if self.accepted:
                self.accepted.pop()

    # -- the project file ----------------------------------------------------------------
    def project(self, settings: dict | None = None, model_card: dict | None = None) -> Project:
        """A snapshot as a project; `settings` (default: the loaded ones) and the card of the model in use."""
        v = self.variations
        where = self.path or self.imported_from
        model = ({"name": model_card.get("name", ""), "sha256": str(model_card.get("sha256", ""))}
                 if model_card else None)
        return Project(self.melody, [[n.content() for n in g] for g in v.items], v.index, v.span or (0, 0),
                       list(self.accepted), dict(self.settings if settings is None else settings), model,
                       {"title": self.title or "Untitled", "path": str(where) if where else None})

    def show_pending(self, project: Project) -> None:
        """Show a project's pending variations (in the current document's tempo, meter and key)."""
        like = self.melody
        items = [Melody.from_notes(v, tempos=list(like.tempos), time_signature=like.time_signature,
                                   key_signature=like.key_signature, name=f"Variation {k + 1}")
                 for k, v in enumerate(project.pending)]
        if items:
            self.variations.show(items, project.pending_range, project.pending_index)

    def open_project(self, project: Project, path: Path | None) -> None:
        self.replace_document(project.melody, path)
        self.accepted = list(project.accepted)
        self.settings = dict(project.generation)
        self.show_pending(project)
