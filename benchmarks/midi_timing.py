"""MIDI thru latency and playback timing against real JACK ports: python benchmarks/midi_timing.py [--check].

Needs a running JACK server (e.g. `jackd --realtime --sync -d dummy -r 48000 -p 32`, or name one with JACK_DEFAULT_SERVER); its
period (0.67 ms there) bounds the figures: JACK delivers MIDI once per period.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from composer_app.core.melody import Melody  # noqa: E402
from composer_app.core.timing import TempoChange  # noqa: E402
from composer_app.midi.hub import MidiHub  # noqa: E402
from composer_app.midi.scheduler import PlaybackScheduler, PlayerThread, melody_events  # noqa: E402
from tests.midi.conftest import VirtualKeyboard, VirtualSynth, start_jack_server, wait_until  # noqa: E402


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 unless both p99 figures are under 2 ms")
    args = parser.parse_args()
    server = None
    if subprocess.run(["jack_wait", "-c"], capture_output=True, text=True).stdout.strip() != "running":
        name = f"composer-bench-{os.getpid()}"  # no server running: start a private dummy one
        os.environ["JACK_DEFAULT_SERVER"] = name
        server = start_jack_server(name)
    kb, synth = VirtualKeyboard("benchkbd"), VirtualSynth("benchsyn")
    hub = MidiHub("jack")
    hub.open_input(kb.port_name)
    hub.open_output(synth.port_name)
    hub.thru = True
    time.sleep(0.2)
    sent = []
    for i in range(500):
        sent.append(kb.send(0x90, 60 + i % 12, 90))
        time.sleep(0.002)
    wait_until(lambda: len(synth.received) >= 500)
    thru = [(r - s) * 1000 for (r, _), s in zip(synth.received, sent)]
    hub.thru = False
    synth.received.clear()
    melody = Melody.from_notes([(i * 40, 30, 60 + i % 24, 90) for i in range(500)], tempos=[TempoChange(0, 250_000)])
    player = PlayerThread(PlaybackScheduler(hub.send))
    events = melody_events(melody)
    start = time.perf_counter() + 0.05
    player.play(events, delay=0.05)
    wait_until(lambda: len(synth.received) >= 1000, timeout=30)
    ons = [t for t, m in synth.received if m[0] & 0xF0 == 0x90]
    due = [start + e[0] for e in events if e[2].type == "note_on"]
    errors = [abs(a - d) * 1000 for a, d in zip(ons, due)]
    figures = {"thru_median_ms": round(statistics.median(thru), 3), "thru_p99_ms": round(pct(thru, 0.99), 3),
               "playback_median_error_ms": round(statistics.median(errors), 3),
               "playback_p99_error_ms": round(pct(errors, 0.99), 3), "notes": len(ons)}
    print(json.dumps(figures))
    hub.close()
    kb.close()
    synth.close()
    if server is not None:
        server.terminate()
        server.wait(10)
    ok = figures["thru_p99_ms"] < 2 and figures["playback_p99_error_ms"] < 2 and len(ons) == 500
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
