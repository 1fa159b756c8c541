"""State shared by the parts of the piano roll (zoom, grid, selection, ghosts, playhead); no document data."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from composer_app.core.keys import Key
from composer_app.core.melody import Melody
from composer_app.core.timing import grid_ticks
from composer_app.ui.transform import NoteTransform

VARIATION_COLOURS = ["#e8743b", "#19a979", "#945ecf", "#ed4a7b", "#13a4b4", "#bf399e", "#6c8893", "#f2b134"]


class RollState(QObject):
    """What the user is looking at and has selected; views repaint on `changed`."""

    changed = Signal()
    selection_changed = Signal()
    ghosts_changed = Signal()
    playhead_moved = Signal(int)
    audition = Signal(int)  # a pitch to sound briefly

    def __init__(self) -> None:
        super().__init__()
        self.transform = NoteTransform()
        self.grid = "1/16"
        self.tool = "select"  # select, draw, erase
        self.selection: set[int] = set()
        self.ghosts: list[Melody] = []
        self.ghost_index = 0
        self.playhead = 0
        self.loop: tuple[int, int] | None = None
        self.key: Key | None = None
        self.follow_playhead = True
        self.live_notes: list[tuple[int, int, int, int]] = []  # notes being recorded

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

    def set_selection(self, ids) -> None:
        ids = set(ids)
        if ids != self.selection:
            self.selection = ids
            self.selection_changed.emit()
            self.changed.emit()

    def set_ghosts(self, ghosts: list[Melody]) -> None:
        self.ghosts = list(ghosts)
        self.ghost_index = 0
        self.ghosts_changed.emit()
        self.changed.emit()

    def cycle_ghost(self, step: int) -> None:
        if self.ghosts:
            self.ghost_index = (self.ghost_index + step) % len(self.ghosts)
            self.ghosts_changed.emit()
            self.changed.emit()

    def set_playhead(self, tick: int) -> None:
        self.playhead = max(0, int(tick))
        self.playhead_moved.emit(self.playhead)
        self.changed.emit()

    def set_grid(self, grid: str) -> None:
        grid_ticks(grid)  # validates
        self.grid = grid
        self.changed.emit()

    def set_tool(self, tool: str) -> None:
        if tool not in ("select", "draw", "erase"):
            raise ValueError(tool)
        self.tool = tool
        self.changed.emit()
