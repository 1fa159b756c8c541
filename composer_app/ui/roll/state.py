"""The piano roll's view state (zoom, scroll, grid, tool) and a Qt face on the session's state.

Selection, variations (ghosts), playhead, loop and the live take live in the Qt-free Session; RollState
only turns its events into Qt signals for the widgets and forwards their requests. View-only state
(transform, grid, tool, key shading) is RollState's own, changed through its methods.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from composer_app.core.keys import Key
from composer_app.core.melody import Melody
from composer_app.core.timing import grid_ticks
from composer_app.session.session import Session
from composer_app.ui.roll.transform import NoteTransform

VARIATION_COLOURS = ["#e8743b", "#19a979", "#945ecf", "#ed4a7b", "#13a4b4", "#bf399e", "#6c8893", "#f2b134"]


class RollState(QObject):
    """What the user is looking at and has selected; views repaint on `changed`."""

    changed = Signal()
    selection_changed = Signal()
    ghosts_changed = Signal()
    playhead_moved = Signal(int)
    audition = Signal(int)  # a pitch to sound briefly
    key_down = Signal(int, int)  # the on-screen keyboard: a key pressed (pitch, velocity), held until key_up
    key_up = Signal(int)

    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        self.session = session if session is not None else Session()
        self.transform = NoteTransform()
        self.grid = "1/16"
        self.tool = "select"  # select, draw, erase
        self.key: Key | None = None
        self.follow_playhead = True
        s = self.session
        s.variations.events.changed.connect(self._on_ghosts)
        s.variations.events.index.connect(lambda _i: self._on_ghosts())
        s.events.selection.connect(lambda _ids: (self.selection_changed.emit(), self.changed.emit()))
        s.events.playhead.connect(lambda tick: (self.playhead_moved.emit(tick), self.changed.emit()))
        s.events.loop.connect(lambda _loop: self.changed.emit())
        s.events.live.connect(lambda _notes: self.changed.emit())

    def _on_ghosts(self) -> None:
        self.ghosts_changed.emit()
        self.changed.emit()

    # -- the session's state, as the widgets read it --------------------------------------
    @property
    def selection(self) -> set[int]:
        return self.session.selection

    @property
    def ghosts(self) -> list[Melody]:
        return self.session.variations.items

    @property
    def ghost_index(self) -> int:
        return self.session.variations.index

    @ghost_index.setter
    def ghost_index(self, index: int) -> None:
        self.session.variations.choose(index)

    @property
    def playhead(self) -> int:
        return self.session.playhead

    @property
    def loop(self) -> tuple[int, int] | None:
        return self.session.loop

    @loop.setter
    def loop(self, loop: tuple[int, int] | None) -> None:
        self.session.set_loop(loop)

    @property
    def live_notes(self) -> list[tuple[int, int, int, int]]:
        return self.session.live_notes

    def set_selection(self, ids) -> None:
        self.session.select(ids)

    def cycle_ghost(self, step: int) -> None:
        self.session.variations.cycle(step)

    def set_playhead(self, tick: int) -> None:
        self.session.move_playhead(tick)

    # -- view state ----------------------------------------------------------------------
    @property
    def grid_ticks(self) -> int:
        return grid_ticks(self.grid)

    def snap(self, tick: float, enabled: bool = True) -> int:
        if not enabled:
            return max(0, int(round(tick)))
        step = self.grid_ticks
        return max(0, int(round(tick / step)) * step)

    def snap_floor(self, tick: float, enabled: bool = True) -> int:
        if not enabled:
            return max(0, int(tick))
        step = self.grid_ticks
        return max(0, int(tick // step) * step)

    def set_grid(self, grid: str) -> None:
        grid_ticks(grid)  # validates
        self.grid = grid
        self.changed.emit()

    def set_tool(self, tool: str) -> None:
        if tool not in ("select", "draw", "erase"):
            raise ValueError(tool)
        self.tool = tool
        self.changed.emit()

    def set_view(self, scroll_tick: float | None = None, top_pitch: float | None = None) -> None:
        """Scroll the view (ticks at the left edge, pitch at the top)."""
        if scroll_tick is not None:
            self.transform.scroll_tick = max(0.0, float(scroll_tick))
        if top_pitch is not None:
            self.transform.top_pitch = float(top_pitch)
        self.changed.emit()

    def zoom(self, factor: float, anchor: float, vertical: bool = False) -> None:
        (self.transform.zoom_y if vertical else self.transform.zoom_x)(factor, anchor)
        self.changed.emit()

    def set_key(self, key: Key | None) -> None:
        if key != self.key:
            self.key = key
            self.changed.emit()
