"""Without a JACK server the app lists no ports quietly, and finds them once a server starts."""

import os
import subprocess
import sys
from pathlib import Path

from composer_app.midi.hub import jack_server_running


def test_server_detection(jack_server, monkeypatch):
    assert jack_server_running() is True
    monkeypatch.setenv("JACK_DEFAULT_SERVER", f"nobody-{os.getpid()}")
    assert jack_server_running() is False


def test_polling_without_a_server_prints_nothing(jack_server):
    code = ("from composer_app.midi.hub import MidiHub\n"
            "h = MidiHub('jack')\n"
            "for _ in range(20): h.poll()\n"
            "print(len(h.input_names()), len(h.output_names()))\n")
    env = dict(os.environ, JACK_DEFAULT_SERVER=f"nobody-{os.getpid()}")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.split() == ["0", "0"], out
    assert out.stderr == "", out.stderr  # libjack's "jack server is not running" spam, 5 lines per poll, before


LATE_SERVER = """
import subprocess, sys, time
import rtmidi
from composer_app.midi.hub import MidiHub, jack_server_running
hub = MidiHub("jack")
before = hub.poll().inputs_added
from tests.midi.conftest import start_jack_server
server = start_jack_server(sys.argv[1], period=256)
try:
    end = time.perf_counter() + 10
    while jack_server_running() is not True and time.perf_counter() < end:
        time.sleep(0.01)
    out = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, "latekbd")
    out.open_virtual_port("keys")
    added = []
    end = time.perf_counter() + 5
    while "latekbd:keys" not in added and time.perf_counter() < end:
        added += hub.poll().inputs_added
        time.sleep(0.05)
    print(len(before), "latekbd:keys" in added)
    out.close_port()
    del out
    hub.close()
finally:
    server.terminate()
    server.wait(timeout=10)
"""


def test_ports_appear_when_a_server_starts(jack_server):
    # A process of its own: libjack keeps one server's state per process, so this one never sees the test server.
    name = f"late-{os.getpid()}"
    env = dict(os.environ, JACK_DEFAULT_SERVER=name)
    out = subprocess.run([sys.executable, "-c", LATE_SERVER, name], env=env, capture_output=True, text=True,
                         timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0 and out.stdout.split() == ["0", "True"], out
