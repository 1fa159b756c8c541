"""`composer-app jam`: call and response on MIDI ports, in a loop of its own (the window pumps the same
CallAndResponse from its timer)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from composer_app.midi.hub import MidiHub
from composer_app.midi.scheduler import PlaybackScheduler, PlayerThread, melody_events
from composer_app.session.live import CallAndResponse, JamSettings, answer_phrase


class Jam:
    """Runs until stop(): phrase -> pause -> continuation (key locked) played to the output -> listen again."""

    def __init__(self, hub: MidiHub, model, settings: JamSettings, log: Callable[[str], None] = print) -> None:
        self.hub, self.model, self.settings, self.log = hub, model, settings, log
        self.rules = CallAndResponse(settings)
        self.scheduler = PlaybackScheduler(hub.send)
        self.player = PlayerThread(self.scheduler)
        self.stopped = threading.Event()
        self.answers = 0
        self.answer_latencies: list[float] = []

    @property
    def listener(self):
        return self.rules.listener

    def step(self, now: float | None = None) -> bool:
        """Process input; answer when a phrase has ended. True when an answer was started."""
        for t, msg in self.hub.drain():
            if not self.player.playing:  # while the answer plays, the player listens
                self.rules.feed(t, msg)
        now = time.perf_counter() if now is None else now
        detected = self.rules.phrase_end()
        notes = self.rules.take_phrase(now)
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
            self.rules.answering(time.perf_counter(), events[-1][0])
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
