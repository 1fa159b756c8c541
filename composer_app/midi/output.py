"""Where notes sound: one protocol, implemented by a MIDI output (through the hub) and the built-in piano.

The window's Player, audition, metronome and MIDI thru all talk to an Output; which one is in use is
decided in one place (the MIDI output when one is connected, else the built-in piano).
"""

from __future__ import annotations

import threading
from typing import Protocol

import mido

from composer_app.core.melody import Melody
from composer_app.midi.scheduler import PlaybackScheduler, PlayerThread, melody_events

CLICK_ACCENT, CLICK = 76, 77  # General MIDI percussion: high and low woodblock
ACCOMPANIMENT_CHANNEL = 1  # the chords' accompaniment (the melody plays on channel 1, this on 2)


class Output(Protocol):
    """What the Player needs from a sound destination."""

    @property
    def available(self) -> bool: ...

    def play(self, melody: Melody, start_tick: int, end_tick: int, clicks=(), lead: float = 0.0,
             accompaniment=()) -> None:
        """Sound the notes of `melody` that start in [start_tick, end_tick), `lead` seconds from now (a
        count-in), with metronome `clicks` (core.performance.Click, timed from start_tick) and the
        `accompaniment`'s notes (core Notes, on the melody's tempo map; on their own channel)."""

    def stop(self) -> None:
        """Silence everything this output is playing (no hanging notes)."""

    def note(self, pitch: int, velocity: int = 90, seconds: float = 0.3, channel: int = 0) -> None:
        """Sound one short note now (audition, thru, metronome)."""


class MidiOutput:
    """Playback and single notes on the hub's MIDI output, timed by the playback thread."""

    def __init__(self, hub) -> None:
        self.hub = hub
        self.player = PlayerThread(PlaybackScheduler(hub.send))
        self._timers: list[threading.Timer] = []

    @property
    def available(self) -> bool:
        return self.hub is not None and self.hub.output_connected

    def play(self, melody: Melody, start_tick: int, end_tick: int, clicks=(), lead: float = 0.0,
             accompaniment=()) -> None:
        events = [(t + lead, order, msg) for t, order, msg in melody_events(melody, start_tick=start_tick,
                                                                             end_tick=end_tick)]
        if accompaniment:  # a piano on its own channel, under the melody
            events.append((lead, 0, mido.Message("program_change", channel=ACCOMPANIMENT_CHANNEL, program=0)))
            events += [(t + lead, order, msg) for t, order, msg in
                       melody_events(accompaniment, melody.tempos, start_tick, end_tick, ACCOMPANIMENT_CHANNEL)]
        for c in clicks:  # a woodblock on the General MIDI drum channel
            note = CLICK_ACCENT if c.accent else CLICK
            events.append((c.time + lead, 1, mido.Message("note_on", channel=9, note=note, velocity=100 if c.accent else 70)))
            events.append((c.time + lead + 0.03, 0, mido.Message("note_off", channel=9, note=note, velocity=0)))
        events.sort(key=lambda e: (e[0], e[1]))
        self.player.play(events)

    def stop(self) -> None:
        self.player.stop()

    def note(self, pitch: int, velocity: int = 90, seconds: float = 0.3, channel: int = 0) -> None:
        self.hub.send(mido.Message("note_on", channel=channel, note=pitch, velocity=velocity))
        off = threading.Timer(seconds, self.hub.send, [mido.Message("note_off", channel=channel, note=pitch, velocity=0)])
        off.daemon = True
        self._timers = [t for t in self._timers if t.is_alive()] + [off]
        off.start()
