"""A real JACK server (dummy driver, 48 kHz, 32-frame periods: 0.67 ms) and virtual ports on it.

The server runs in sync mode: each period waits for every client, so a client the OS schedules late on a busy
2-core machine makes that period late instead of losing its MIDI events (in async mode a CI run once lost one
note-off in 1,000). It asks for real-time scheduling, as JACK is meant to run; where that is not permitted
jackd says so and runs without it. The server dies with the process that started it, even after a crash.
"""

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
import rtmidi

from composer_app.midi.hub import MidiHub

SERVER = f"composer-test-{os.getpid()}"  # our own server: concurrent test runs never share one


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the parent exits (Linux prctl PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


def start_jack_server(name: str, period: int = 32) -> subprocess.Popen:
    """A private dummy JACK server, waited for until it runs. Call it from a thread that outlives the server:
    the death signal follows the thread that started it."""
    proc = subprocess.Popen(["jackd", "-n", name, "--realtime", "--sync", "-d", "dummy", "-r", "48000", "-p", str(period)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent)
    subprocess.run(["jack_wait", "-s", name, "-w", "-t", "10"], capture_output=True)
    return proc


def _running() -> bool:
    result = subprocess.run(["jack_wait", "-s", SERVER, "-c"], capture_output=True, text=True)
    return result.stdout.strip() == "running"


@pytest.fixture(scope="session")
def jack_server():
    assert shutil.which("jackd"), "jackd is missing: run-tests.sh installs Debian's jackd2"
    os.environ["JACK_DEFAULT_SERVER"] = SERVER  # every JACK client of this run (and its subprocesses) uses it
    proc = start_jack_server(SERVER)
    assert _running(), "the JACK server did not start"
    yield SERVER
    proc.terminate()
    proc.wait(timeout=10)


class VirtualKeyboard:
    """A virtual JACK MIDI output standing in for a keyboard."""

    def __init__(self, name: str) -> None:
        self.out = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name)
        self.out.open_virtual_port("keys")
        self.port_name = f"{name}:keys"

    def send(self, *data) -> float:
        t = time.perf_counter()
        self.out.send_message(list(data))
        return t

    def close(self) -> None:
        self.out.close_port()
        self.out.delete()  # closes its JACK client now, not whenever the object is collected
        del self.out


class VirtualSynth:
    """A virtual JACK MIDI input standing in for a synth; records arrival times."""

    def __init__(self, name: str) -> None:
        self.received: list[tuple[float, list[int]]] = []
        self.inp = rtmidi.MidiIn(rtmidi.API_UNIX_JACK, name)
        self.inp.ignore_types(sysex=True, timing=True, active_sense=True)
        self.inp.set_callback(lambda event, data=None: self.received.append((time.perf_counter(), event[0])))
        self.inp.open_virtual_port("in")
        self.port_name = f"{name}:in"

    def sounding(self) -> set[tuple[int, int]]:
        """Notes the synth would still be playing (note-on without note-off; CC 123 silences a channel)."""
        on: dict[tuple[int, int], int] = {}
        for _, msg in self.received:
            status, kind, ch = msg[0], msg[0] & 0xF0, msg[0] & 0x0F
            if kind == 0x90 and msg[2] > 0:
                on[(ch, msg[1])] = on.get((ch, msg[1]), 0) + 1
            elif kind == 0x80 or (kind == 0x90 and msg[2] == 0):
                if on.get((ch, msg[1])):
                    on[(ch, msg[1])] -= 1
            elif kind == 0xB0 and msg[1] == 123:
                for key in [k for k in on if k[0] == ch]:
                    on[key] = 0
            del status
        return {k for k, v in on.items() if v > 0}

    def close(self) -> None:
        self.inp.close_port()
        self.inp.delete()
        del self.inp


def wait_until(condition, timeout=5.0):
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if condition():
            return True
        time.sleep(0.001)
    return condition()


@pytest.fixture
def keyboard(jack_server, request):
    kb = VirtualKeyboard(f"kbd{abs(hash(request.node.name)) % 10000}")
    yield kb
    if hasattr(kb, "out"):
        kb.close()


@pytest.fixture
def synth(jack_server, request):
    s = VirtualSynth(f"syn{abs(hash(request.node.name)) % 10000}")
    yield s
    s.close()


@pytest.fixture
def hub(jack_server):
    h = MidiHub("jack", client_name="composer-app-test")
    yield h
    h.close()
