"""Pure coordinate transform of the piano roll: tick <-> x, pitch <-> y (no Qt)."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass
class NoteTransform:
    """Zoom and scroll of the note area. x grows with ticks, y grows downwards as pitch falls."""

    pixels_per_tick: float = 0.12
    row_height: float = 14.0
    scroll_tick: float = 0.0  # tick at the left edge
    top_pitch: float = 96.0  # pitch whose row is at the top edge (fractional while scrolling)

    MIN_PPT, MAX_PPT = 0.01, 2.0
    MIN_ROW, MAX_ROW = 5.0, 40.0

    def x(self, tick: float) -> float:
        return (tick - self.scroll_tick) * self.pixels_per_tick

    def tick(self, x: float) -> float:
        return x / self.pixels_per_tick + self.scroll_tick

    def y(self, pitch: float) -> float:
        """Top edge of the row of `pitch`."""
        return (self.top_pitch - pitch) * self.row_height

    def pitch(self, y: float) -> int:
        """The pitch whose row contains y."""
        return math.ceil(self.top_pitch - y / self.row_height)

    def note_rect(self, tick: int, duration: int, pitch: int) -> tuple[float, float, float, float]:
        """(x, y, width, height) of a note."""
        return (self.x(tick), self.y(pitch), max(2.0, duration * self.pixels_per_tick), self.row_height)

    def visible_ticks(self, width: float) -> tuple[int, int]:
        return int(self.scroll_tick), int(self.tick(width)) + 1

    def visible_pitches(self, height: float) -> tuple[int, int]:
        """(lowest, highest) pitch with any row visible."""
        return max(0, int(self.top_pitch - height / self.row_height) - 1), min(127, int(self.top_pitch) + 1)

    def zoom_x(self, factor: float, anchor_x: float) -> None:
        """Zoom horizontally keeping the tick under anchor_x in place."""
        anchor = self.tick(anchor_x)
        self.pixels_per_tick = min(self.MAX_PPT, max(self.MIN_PPT, self.pixels_per_tick * factor))
        self.scroll_tick = max(0.0, anchor - anchor_x / self.pixels_per_tick)

    def zoom_y(self, factor: float, anchor_y: float) -> None:
        anchor = self.top_pitch - anchor_y / self.row_height
        self.row_height = min(self.MAX_ROW, max(self.MIN_ROW, self.row_height * factor))
        self.top_pitch = min(127.0, anchor + anchor_y / self.row_height)
