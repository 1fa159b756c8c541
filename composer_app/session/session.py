"""The session behind the window: the document, its variations, selection, playhead and loop, the live
take, and the operations a student performs on them. No Qt: every operation is testable on its own and
every change is a named event the views subscribe to.

The session is the one place the document changes. Its named operations (`DocumentEdits`) return a
`Change`; `do(change)` hands it to the history (the window's undo stack, or the Qt-free `History`), which
calls `apply` and, on undo, `revert`. Undoing an Accept brings the variations back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from composer_app.core.melody import Melody
from composer_app.core.project import Project
from composer_app.session.changes import Change, History
from composer_app.session.edits import DocumentEdits
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


class Session(DocumentEdits):
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
        self.history = History(self)  # the window puts its undo stack here
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
        self.history.clear()
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

    def selection_span(self, grid: int) -> tuple[int, int] | None:
        """The time the selected notes take, on the grid (start down, end up); None without a selection."""
        r = self.selection_range()
        if r is None:
            return None
        grid = max(1, grid)
        return (r[0] // grid) * grid, -(-r[1] // grid) * grid

    def fill_span(self) -> tuple[int, int] | None:
        """What Fill fills: the range dragged on the ruler, else the whole bars of the selected notes."""
        if self.loop:
            return self.loop
        bar = self.melody.time_signature.bar_ticks
        return self.selection_span(bar)

    def selection_melody(self, name: str = "Selection") -> Melody | None:
        """The selected notes as a melody of their own, in the document's tempo, metre and key (None: none)."""
        notes = sorted((self.melody.get(i) for i in self.selection if i in self.melody), key=lambda n: (n.tick, n.pitch))
        if not notes:
            return None
        m = self.melody
        return Melody.from_notes(notes, tempos=list(m.tempos), time_signature=m.time_signature,
                                 key_signature=m.key_signature, name=name)

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
        from composer_app.session.live import answer_phrase

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
        first = melody.notes[0].tick if len(melody) else 0
        start = self.playhead if from_playhead else first
        end = melody.end_tick
        if from_playhead and not self.loop and start_at is None and start >= end:
            start = first  # a playhead past the end plays from the start, not silence
        loops = bool(from_playhead and self.loop)
        if loops:
            loop_start, end = self.loop
            start = start_at if start_at is not None and loop_start <= start_at < end else loop_start
        elif start_at is not None:
            start = start_at
        if start >= end:
            return None
        return start, end, loops

    # -- changing the document (one undo step each) --------------------------------------
    def do(self, change: Change | None) -> bool:
        """Carry out a change made by one of the named operations, as one undo step; False for None."""
        if change is None:
            return False
        self.history.push(change)
        return True

    def apply(self, change: Change) -> None:
        if change.header_after is not None:
            self.melody.set_header(change.header_after)
        change.after = self.melody.apply([n.id for n in change.before], change.after)
        if change.document_after is not None:
            self._set_whereabouts(change.document_after)
        if change.accepted is not None:
            self.variations.clear()
            self.accepted.append({"name": change.accepted, "note_ids": [n.id for n in change.after]})
        if change.select_after:
            self.select(n.id for n in change.after)

    def revert(self, change: Change) -> None:
        if change.header_before is not None:
            self.melody.set_header(change.header_before)
        self.melody.apply([n.id for n in change.after], change.before)
        if change.document_before is not None:
            self._set_whereabouts(change.document_before)
        if change.variations_before is not None:
            items, index, span = change.variations_before
            self.variations.show(items, span, index)
        if change.accepted is not None and self.accepted:
            self.accepted.pop()

    def whereabouts(self) -> dict:
        """Where the document lives and what was accepted into it (what a restore replaces)."""
        return {"path": str(self.path) if self.path else None,
                "imported_from": str(self.imported_from) if self.imported_from else None,
                "accepted": [dict(a) for a in self.accepted]}

    def _set_whereabouts(self, where: dict) -> None:
        """From whereabouts() or a project's `document` field (path: a project, else where it was imported from)."""
        path, imported = where.get("path"), where.get("imported_from")
        if "imported_from" not in where and path and Path(path).suffix.lower() != ".composer":
            path, imported = None, path
        self.path = Path(path) if path else None
        self.imported_from = Path(imported) if imported else None
        if "accepted" in where:
            self.accepted = [dict(a) for a in where["accepted"]]

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

    def open_project(self, project: Project, path: Path | None = None, restore: bool = False,
                     label: str = "Restore recovered work") -> None:
        """The one way a project comes in: opened from its file (a new document, a fresh history) or, with
        `restore`, recovered after a crash (one undo step over the open document, which stays unsaved)."""
        if restore:
            self.do(self.restore(project, label))
        else:
            self.replace_document(project.melody, path)
            self.accepted = list(project.accepted)
            self.history.clear()
        self.settings = dict(project.generation)
        self.show_pending(project)
