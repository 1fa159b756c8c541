"""Playback scheduling with the clock injected (tests drive it with fake time); a thread for real time."""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable, Iterable

import mido

from composer_app.core.melody import Melody
from composer_app.core.performance import sounding_notes

Event = tuple[float, int, mido.Message]  # (seconds, order, message); note-offs sort before note-ons


def melody_events(melody: Melody | Iterable, tempos=None, start_tick: int = 0, end_tick: int | None = None,
                  channel: int = 0) -> list[Event]:
    """Note-on/off events in seconds from start_tick, for the notes that start in [start_tick, end_tick)."""
    tempos = tempos if tempos is not None else melody.tempos
    events: list[Event] = []
    for s in sounding_notes(melody, tempos, start_tick, end_tick):
        events.append((s.start, 1, mido.Message("note_on", channel=channel, note=s.pitch, velocity=s.velocity)))
        events.append((s.end, 0, mido.Message("note_off", channel=channel, note=s.pitch, velocity=0)))
    events.sort(key=lambda e: (e[0], e[1]))
    return events


class PlaybackScheduler:
    """Sends due events when pumped; remembers sounding notes so stop() never leaves one hanging."""

    def __init__(self, send: Callable[[mido.Message], object], clock: Callable[[], float] = time.perf_counter) -> None:
        self.send = send
        self.clock = clock
        self.events: list[Event] = []
        self._times: list[float] = []
        self.index = 0
        self.t0: float | None = None
        self.sounding: dict[tuple[int, int], int] = {}
        self.channels: set[int] = set()
        self.sent_log: list[tuple[float, float, mido.Message]] | None = None  # (due, sent) when recording timing

    def load(self, events: list[Event]) -> None:
        self.stop()
        self.events = events
        self._times = [e[0] for e in events]
        self.index = 0
        self.channels = {e[2].channel for e in events}

    def start(self, at: float | None = None) -> None:
        self.t0 = self.clock() if at is None else at

    @property
    def playing(self) -> bool:
        return self.t0 is not None and self.index < len(self.events)

    def next_due(self) -> float | None:
        """Absolute clock time of the next event, or None when done or stopped."""
        if self.t0 is None or self.index >= len(self.events):
            return None
        return self.t0 + self.events[self.index][0]

    def pump(self) -> int:
        """Send every event that is due now; return how many were sent."""
        if self.t0 is None:
            return 0
        now = self.clock()
        due = bisect.bisect_right(self._times, now - self.t0, lo=self.index)
        sent = 0
        while self.index < due:
            when, _, msg = self.events[self.index]
            self.index += 1
            key = (msg.channel, getattr(msg, "note", None))  # a program change has no note
            if msg.type == "note_on":
                self.sounding[key] = self.sounding.get(key, 0) + 1
            elif msg.type == "note_off" and self.sounding.get(key):
                self.sounding[key] -= 1
                if not self.sounding[key]:
                    del self.sounding[key]
            self.send(msg)
            if self.sent_log is not None:
                self.sent_log.append((self.t0 + when, self.clock(), msg))
            sent += 1
        return sent

    def stop(self) -> None:
        """Note-off for every sounding note, then All Notes Off on every channel used; nothing hangs."""
        sounding, self.sounding = self.sounding, {}
        for (channel, note), count in sounding.items():
            for _ in range(count):
                self._safe_send(mido.Message("note_off", channel=channel, note=note, velocity=0))
        for channel in sorted(self.channels | {c for c, _ in sounding}):
            self._safe_send(mido.Message("control_change", channel=channel, control=123, value=0))
        self.t0 = None

    def _safe_send(self, msg: mido.Message) -> None:
        try:
            self.send(msg)
        except Exception:
            pass  # a device that errors must not stop the other note-offs


class PlayerThread:
    """Runs a PlaybackScheduler in real time: sleeps until just before each event, then spins."""

    SPIN_S = 0.0015

    def __init__(self, scheduler: PlaybackScheduler, on_finished: Callable[[], None] | None = None,
                 on_error: Callable[[str], None] | None = None) -> None:
        self.scheduler = scheduler
        self.on_finished, self.on_error = on_finished, on_error
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def play(self, events: list[Event], delay: float = 0.0) -> None:
        self.stop()
        with self._lock:
            self.scheduler.load(events)
            self.scheduler.start(self.scheduler.clock() + delay)
            self._stop.clear()
            self.thread = threading.Thread(target=self._run, name="playback", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        s = self.scheduler
        try:
            while not self._stop.is_set():
                with self._lock:
                    due = s.next_due()
                if due is None:
                    break
                wait = due - s.clock()
                if wait > self.SPIN_S:
                    self._stop.wait(wait - self.SPIN_S)
                    continue
                while s.clock() < due and not self._stop.is_set():
                    time.sleep(0)  # spin, but let other threads (MIDI input callbacks) take the GIL
                with self._lock:
                    if not self._stop.is_set():
                        s.pump()
        except Exception as e:
            if self.on_error is not None:
                self.on_error(f"playback stopped: {type(e).__name__}: {e}")
        finally:
            with self._lock:
                s.stop()
            if not self._stop.is_set() and self.on_finished is not None:
                self.on_finished()

    def stop(self) -> None:
        self._stop.set()
        thread = self.thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2)
        with self._lock:
            self.scheduler.stop()
        self.thread = None

    @property
    def playing(self) -> bool:
        return self.thread is not None and self.thread.is_alive()
