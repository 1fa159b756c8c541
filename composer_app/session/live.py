"""Live playing without Qt, driven by a clock: a recorded take (count-in, metronome, notes as they are
played) and call and response (listen, and when the player pauses, answer their phrase).

The window pumps these from a timer with `time.perf_counter()`; `composer-app jam` pumps them from its own
loop; tests pump them with made-up times. Nothing here waits or sleeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import mido

from composer_app.core.melody import Melody
from composer_app.core.timing import GRIDS, TempoChange, tempo_at
from composer_app.midi.recorder import INPUT_QUANTIZE, Recorder

Row = tuple[int, int, int, int]


@dataclass
class Metronome:
    """Clicks on the beat from `start` (seconds); the first `count_in` beats lead into the take."""

    start: float
    beat_seconds: float
    beats_per_bar: int
    count_in: int = 0  # beats before the take starts
    keeps_going: bool = True  # after the count-in: click on (metronome) or stop
    beat: int = 0  # the next beat to click, counted from the first count-in beat

    def due(self, now: float) -> list[bool]:
        """The clicks due by `now` (True: the first beat of a bar), each once."""
        clicks = []
        while self.start + self.beat * self.beat_seconds <= now + 1e-9:
            if self.beat >= self.count_in and not self.keeps_going:
                break
            clicks.append((self.beat - self.count_in) % self.beats_per_bar == 0)
            self.beat += 1
        return clicks


@dataclass
class TakeState:
    """What a pump of the take tells the window: clicks to sound, notes to draw, where the playhead is."""

    clicks: list[bool]
    live_notes: list[Row]
    playhead: int


class Take:
    """A recording from `start_tick`: a bar of count-in clicks when asked, the metronome, the notes."""

    def __init__(self, melody: Melody, start_tick: int, now: float, count_in: bool = True, metronome: bool = True,
                 quantize: str = "off") -> None:
        ts = melody.time_signature
        bpm = 60_000_000 / tempo_at(start_tick, melody.tempos)
        self.beat_seconds = 60.0 / bpm * 4 / ts.denominator
        lead = self.beat_seconds * ts.numerator if count_in else 0.0
        self.start_tick = start_tick
        self.recorder = Recorder(start_time=now + lead, bpm=bpm, start_tick=start_tick,
                                 quantize=INPUT_QUANTIZE.get(quantize))
        beats_in = ts.numerator if count_in else 0
        self.metronome = (Metronome(now, self.beat_seconds, ts.numerator, beats_in, metronome)
                          if (metronome or count_in) else None)

    def feed(self, t: float, msg) -> None:
        self.recorder.feed(t, msg)

    def feed_heard(self, notes) -> None:
        """Notes heard in the take's sound (HeardNote: seconds from where the take starts, after the count-in),
        fed as a keyboard's would be; each note ends where the next one starts at the latest (one note at a time)."""
        start = self.recorder.start_time
        ordered = sorted(notes, key=lambda n: n.start)
        events = []
        for i, n in enumerate(ordered):
            end = n.end
            later = [m.start for m in ordered[i + 1:] if m.start > n.start]
            if later:
                end = min(end, later[0])
            events.append((start + n.start, 1, n.pitch, n.velocity))
            events.append((start + max(end, n.start + 0.01), 0, n.pitch, 0))
        for t, on, pitch, velocity in sorted(events):
            self.feed(t, mido.Message("note_on" if on else "note_off", note=int(pitch), velocity=int(velocity)))

    def pump(self, now: float) -> TakeState:
        clicks = self.metronome.due(now) if self.metronome is not None else []
        live = list(self.recorder.notes) + self.recorder.sounding(now)
        return TakeState(clicks, live, max(self.start_tick, self.recorder.tick_at(now)))

    def stop(self, now: float) -> list[Row]:
        """Every held note ends now; the notes of the take (none before where it started)."""
        return [n for n in self.recorder.finish(now) if n[0] >= 0]


@dataclass
class JamSettings:
    bars: int = 2
    wait_beats: float = 2.0
    tempo: float = 100.0
    max_phrase_bars: int = 8


class PhraseListener:
    """Collects the player's notes and says when a phrase has ended (nothing held for `wait_beats`)."""

    def __init__(self, settings: JamSettings) -> None:
        self.settings = settings
        self.recorder: Recorder | None = None
        self.last_event = 0.0

    @property
    def beat_seconds(self) -> float:
        return 60.0 / self.settings.tempo

    def feed(self, t: float, msg) -> None:
        if msg.type not in ("note_on", "note_off"):
            return
        if self.recorder is None and msg.type == "note_on" and msg.velocity > 0:
            self.recorder = Recorder(start_time=t, bpm=self.settings.tempo, quantize=GRIDS["1/16"])
        if self.recorder is not None:
            self.recorder.feed(t, msg)
            self.last_event = t

    def phrase_end(self) -> float:
        return self.last_event + self.settings.wait_beats * self.beat_seconds

    def take_phrase(self, now: float) -> list[Row] | None:
        """The finished phrase when the pause is long enough (and reset), else None."""
        rec = self.recorder
        if rec is None or now < self.phrase_end():
            return None
        if rec.holding and now < self.phrase_end() + 4 * self.beat_seconds:
            return None  # a note is held; a lost note-off (unplugged keyboard) ends the phrase 4 beats later
        self.recorder = None
        return rec.finish(now) or None


@dataclass
class CallAndResponse:
    """The jam's rules: listen to the player, never to the answer being played, and say when to answer."""

    settings: JamSettings
    listener: PhraseListener = field(init=False)
    busy_until: float = 0.0  # while the answer plays, what comes in is not a new phrase

    def __post_init__(self) -> None:
        self.listener = PhraseListener(self.settings)

    def feed(self, t: float, msg) -> None:
        if t >= self.busy_until:
            self.listener.feed(t, msg)

    def phrase_end(self) -> float:
        return self.listener.phrase_end()

    def take_phrase(self, now: float) -> list[Row] | None:
        return self.listener.take_phrase(now)

    def answering(self, now: float, seconds: float) -> None:
        """An answer of this length starts playing now."""
        self.busy_until = now + seconds


def answer_phrase(model, notes, settings: JamSettings):
    """The continuation of a phrase (key locked to the phrase's key), starting on the next bar line."""
    from composer_app.engine.generate import ContinueOptions, continue_melody

    phrase = Melody.from_notes(notes, tempos=[TempoChange(0, round(60_000_000 / settings.tempo))])
    bar = phrase.time_signature.bar_ticks
    start = -(-phrase.end_tick // bar) * bar
    result = continue_melody(model, phrase, ContinueOptions(bars=settings.bars, variations=1, key="auto",
                                                            start_tick=start, temperature=0.9, low=36, high=96))
    return phrase, result


__all__ = ["CallAndResponse", "JamSettings", "Metronome", "PhraseListener", "Take", "TakeState", "answer_phrase"]
