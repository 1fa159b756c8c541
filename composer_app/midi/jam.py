"""Call and response: listen, and when the player pauses, answer with a continuation of their phrase."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from composer_app.core.melody import Melody
from composer_app.core.timing import GRIDS, TempoChange
from composer_app.engine.generate import ContinueOptions, continue_melody
from composer_app.engine.model import LoadedModel
from composer_app.midi.hub import MidiHub
from composer_app.midi.recorder import Recorder
from composer_app.midi.scheduler import PlaybackScheduler, PlayerThread, melody_events


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

    def take_phrase(self, now: float) -> list[tuple[int, int, int, int]] | None:
        """The finished phrase when the pause is long enough (and reset), else None."""
        rec = self.recorder
        if rec is None or now < self.phrase_end():
            return None
        if rec.holding and now < self.phrase_end() + 4 * self.beat_seconds:
            return None  # a note is held; a lost note-off (unplugged keyboard) ends the phrase 4 beats later
        self.recorder = None
        return rec.finish(now) or None

    def reset(self) -> None:
        self.recorder = None


def answer_phrase(model: LoadedModel, notes, settings: JamSettings):
    """The continuation of a phrase (key locked to the phrase's key), starting on the next bar line."""
    phrase = Melody.from_notes(notes, tempos=[TempoChange(0, round(60_000_000 / settings.tempo))])
    bar = phrase.time_signature.bar_ticks
    start = -(-phrase.end_tick // bar) * bar
    result = continue_melody(model, phrase, ContinueOptions(bars=settings.bars, variations=1, key="auto",
                                                            start_tick=start, temperature=0.9))
    return phrase, result


class Jam:
    """Runs until stop(): phrase -> pause -> continuation (key locked) played to the output -> listen again."""

    def __init__(self, hub: MidiHub, model: LoadedModel, settings: JamSettings,
                 log: Callable[[str], None] = print) -> None:
        self.hub, self.model, self.settings, self.log = hub, model, settings, log
        self.listener = PhraseListener(settings)
        self.scheduler = PlaybackScheduler(hub.send)
        self.player = PlayerThread(self.scheduler)
        self.stopped = threading.Event()
        self.answers = 0
        self.answer_latencies: list[float] = []

    def step(self, now: float | None = None) -> bool:
        """Process input; answer when a phrase has ended. True when an answer was started."""
        for t, msg in self.hub.drain():
            if not self.player.playing:  # while the answer plays, the player listens
                self.listener.feed(t, msg)
        now = time.perf_counter() if now is None else now
        detected = self.listener.phrase_end()
        notes = self.listener.take_phrase(now)
        if not notes:
            return False
        self.answer(notes, detected)
        return True

    def answer(self, notes, detected_at: float) -> None:
        phrase, result = answer_phrase(self.model, notes, self.settings)
        answer = result.variations[0]
        events = melody_events(answer, phrase.tempos, start_tick=result.start_tick)
        if events:
            lead = events[0][0]
            events = [(t - lead, order, msg) for t, order, msg in events]  # first note right away
            self.player.play(events)
            self.answer_latencies.append(time.perf_counter() - detected_at)
        self.answers += 1
        self.log(f"answer {self.answers}: {len(answer)} notes in {result.key.name if result.key else 'free key'}, "
                 f"{result.seconds * 1000:.1f} ms to generate")

    def run(self, poll_interval: float = 0.002) -> None:
        last_ports = 0.0
        while not self.stopped.is_set():
            self.step()
            if time.perf_counter() - last_ports > 1.0:
                changes = self.hub.poll()
                for name in changes.lost:
                    self.log(f"MIDI port {name} is gone; waiting for it to come back")
                for name in changes.reconnected:
                    self.log(f"MIDI port {name} is back")
                last_ports = time.perf_counter()
            self.stopped.wait(poll_interval)
        self.player.stop()
        self.hub.all_notes_off()

    def stop(self) -> None:
        self.stopped.set()
