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


class Jam:
    """Runs until stop(): phrase -> pause -> continuation (key locked) played to the output -> listen again."""

    def __init__(self, hub: MidiHub, model: LoadedModel, settings: JamSettings,
                 log: Callable[[str], None] = print) -> None:
        self.hub, self.model, self.settings, self.log = hub, model, settings, log
        self.scheduler = PlaybackScheduler(hub.send)
        self.player = PlayerThread(self.scheduler)
        self.stopped = threading.Event()
        self.recorder: Recorder | None = None
        self.last_event = 0.0
        self.answers = 0
        self.answer_latencies: list[float] = []

    @property
    def beat_seconds(self) -> float:
        return 60.0 / self.settings.tempo

    def _handle(self, t: float, msg) -> None:
        if msg.type not in ("note_on", "note_off"):
            return
        if self.player.playing:
            return  # the answer is playing: the player listens now
        if self.recorder is None and msg.type == "note_on" and msg.velocity > 0:
            self.recorder = Recorder(start_time=t, bpm=self.settings.tempo, quantize=GRIDS["1/16"])
        if self.recorder is not None:
            self.recorder.feed(t, msg)
            self.last_event = t

    def step(self, now: float | None = None) -> bool:
        """Process input; answer when a phrase has ended. True when an answer was started."""
        for t, msg in self.hub.drain():
            self._handle(t, msg)
        now = time.perf_counter() if now is None else now
        rec = self.recorder
        if rec is None or rec._open or now - self.last_event < self.settings.wait_beats * self.beat_seconds:
            return False
        detected = self.last_event + self.settings.wait_beats * self.beat_seconds
        notes = rec.finish(now)
        self.recorder = None
        if not notes:
            return False
        self.answer(notes, detected)
        return True

    def answer(self, notes, detected_at: float) -> None:
        tempo = round(60_000_000 / self.settings.tempo)
        phrase = Melody.from_notes(notes, tempos=[TempoChange(0, tempo)])
        bar = phrase.time_signature.bar_ticks
        start = -(-phrase.end_tick // bar) * bar  # answer on the next bar line of the phrase's own time
        result = continue_melody(self.model, phrase, ContinueOptions(bars=self.settings.bars, variations=1, key="auto",
                                                                     start_tick=start, temperature=0.9))
        answer = result.variations[0]
        events = melody_events(answer, phrase.tempos, start_tick=start)
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
