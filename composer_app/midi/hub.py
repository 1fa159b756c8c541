"""The one gateway to MIDI ports: list, open, remember and reconnect by name, with no Qt.

rtmidi's callback thread only timestamps, forwards thru and queues; the consumer drains the queue.
"""

from __future__ import annotations

import glob
import os
import queue
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import mido

from composer_app.core.errors import ComposerError

# libjack starts a JACK server of its own when none runs; an app must not do that behind the user's back.
os.environ.setdefault("JACK_NO_START_SERVER", "1")

APIS = {"alsa": "LINUX_ALSA", "jack": "UNIX_JACK", "coremidi": "MACOSX_CORE", "winmm": "WINDOWS_MM"}


class MidiDeviceError(ComposerError):
    """A MIDI port could not be listed or opened; the message says which and why."""

    bad_input = False  # the command could not finish (exit 1), not bad input


def backend_name(api: str | None = None) -> str:
    """The mido backend to use: MIDO_BACKEND if set, else the chosen API, else the platform's default.

    On Linux without ALSA's sequencer device (containers, some servers), JACK is used instead.
    """
    env = os.environ.get("MIDO_BACKEND")
    if env and not api:
        return env
    if api:
        key = api.lower()
        if key not in APIS:
            raise MidiDeviceError(f"unknown MIDI API {api!r}; use one of {', '.join(APIS)}")
        return f"mido.backends.rtmidi/{APIS[key]}"
    if sys.platform.startswith("linux"):
        return "mido.backends.rtmidi/" + ("LINUX_ALSA" if os.path.exists("/dev/snd/seq") else "UNIX_JACK")
    return "mido.backends.rtmidi"


def jack_server_running() -> bool | None:
    """Whether the JACK server this process would use is up: True, False, or None when we cannot tell.

    Asking libjack costs tens of milliseconds and prints several lines to stderr when no server runs, so
    polling for ports would do that twice a second. Instead, connect to the server's socket (JACK2 keeps it
    in /dev/shm, JACK1 in /dev/shm or /tmp); a stale socket left by a killed server refuses the connection.
    Where PipeWire runs (its libjack has no such socket) or off Linux, the answer is None: let libjack try.
    """
    if not sys.platform.startswith("linux"):
        return None
    name = os.environ.get("JACK_DEFAULT_SERVER") or "default"
    uid = os.getuid()
    candidates = glob.glob(f"/dev/shm/jack_{glob.escape(name)}_*_0")  # JACK2: jack_<server>_<uid>_0
    candidates += [f"{root}/jack-{uid}/{name}/jack_0" for root in ("/dev/shm", "/tmp")]  # JACK1
    if not any(os.path.exists(c) for c in candidates):
        runtime = os.environ.get("XDG_RUNTIME_DIR", f"/run/user/{uid}")
        return None if os.path.exists(f"{runtime}/pipewire-0") else False  # PipeWire may serve JACK clients
    for path in candidates:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(0.05)
                sock.connect(path)
                return True
        except OSError:
            continue
    return False


def _quietly(port, method: str) -> None:
    """Close or delete a port that may already be dead (unplugged device, stopped server)."""
    if port is not None:
        try:
            getattr(port, method)()
        except Exception:
            pass


@dataclass
class PortChanges:
    """What appeared or disappeared since the last poll, and what was reconnected."""

    inputs_added: list[str] = field(default_factory=list)
    inputs_removed: list[str] = field(default_factory=list)
    outputs_added: list[str] = field(default_factory=list)
    outputs_removed: list[str] = field(default_factory=list)
    reconnected: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(getattr(self, f) for f in self.__dataclass_fields__)


class MidiHub:
    """Lists, opens and reconnects ports; incoming messages go to a queue as (perf_counter time, message)."""

    def __init__(self, api: str | None = None, client_name: str = "composer-app") -> None:
        self.backend_name = backend_name(api)
        self.client_name = client_name
        try:
            self.backend = mido.Backend(self.backend_name, load=True)
        except Exception as e:  # ImportError, rtmidi errors: one sentence, the app keeps working
            raise MidiDeviceError(f"the MIDI system {self.backend_name} is not available ({type(e).__name__})") from e
        self.incoming: queue.SimpleQueue[tuple[float, mido.Message]] = queue.SimpleQueue()
        self.errors: queue.SimpleQueue[str] = queue.SimpleQueue()
        self.wanted_input: str | None = None
        self.wanted_output: str | None = None
        self.input = None
        self.output = None
        self.thru = False
        self._out_lock = threading.Lock()
        self._output_virtual = False
        self._last_arrival: float | None = None
        self._known_inputs: list[str] = []
        self._known_outputs: list[str] = []
        self.on_message: Callable[[float, mido.Message], None] | None = None

    # -- listing -------------------------------------------------------------------------
    def _lister(self, kind: str):
        """One long-lived rtmidi client per direction for listing: creating a client per poll is slow
        (a JACK client takes tens of milliseconds) and briefly starves the input callback."""
        attr = f"_lister_{kind}"
        lister = getattr(self, attr, None)
        if lister is None and self.backend_name.startswith("mido.backends.rtmidi"):
            import rtmidi

            api_name = self.backend_name.partition("/")[2]
            api = getattr(rtmidi, f"API_{api_name}", rtmidi.API_UNSPECIFIED) if api_name else rtmidi.API_UNSPECIFIED
            try:
                lister = (rtmidi.MidiIn if kind == "in" else rtmidi.MidiOut)(api, f"{self.client_name} ports")
            except Exception:
                lister = None
            setattr(self, attr, lister)
        return lister

    def _no_jack_server(self) -> bool:
        """True when we use JACK and its server is not running (then there are no ports, and no error)."""
        if self.backend_name.endswith("UNIX_JACK") and jack_server_running() is False:
            self._drop_listers()  # a client of a server that has gone is dead; make a new one when it is back
            return True
        return False

    def _names(self, kind: str) -> list[str] | None:
        """Port names, or None when they cannot be listed right now (which must not count as unplugged)."""
        return [] if self._no_jack_server() else self._list(kind)

    def _list(self, kind: str) -> list[str] | None:
        try:
            lister = self._lister(kind)
            if lister is not None:
                return list(lister.get_ports())
            return list(self.backend.get_input_names() if kind == "in" else self.backend.get_output_names())
        except Exception:
            return None

    def input_names(self) -> list[str]:
        return self._names("in") or []  # no server / no sequencer: no ports, not an error

    def output_names(self) -> list[str]:
        return self._names("out") or []

    @staticmethod
    def _match(name: str, names: list[str]) -> str | None:
        """Exact name, or the same port with another client number prefix (ALSA renumbers on replug)."""
        if name in names:
            return name
        tail = name.split(":", 1)[-1].rsplit(" ", 1)[0]
        for n in names:
            if n.split(":", 1)[-1].rsplit(" ", 1)[0] == tail:
                return n
        return None

    # -- opening -------------------------------------------------------------------------
    def open_input(self, name: str | None) -> bool:
        """Open (and remember) an input by name; False when it is not there now (it is reopened when it appears)."""
        self.close_input()
        self.wanted_input = name
        if not name:
            return False
        real = self._match(name, self.input_names())
        if real is None:
            return False
        try:
            self.input = self.backend.open_input(real, callback=self._callback)
        except Exception as e:
            raise MidiDeviceError(f"MIDI input {name!r} could not be opened ({type(e).__name__})") from e
        self._register_error_callback(self.input)
        rt = getattr(self.input, "_rt", None)
        if rt is not None:  # take rtmidi's own arrival deltas: they are measured before Python gets the GIL
            rt.cancel_callback()
            self._last_arrival = None
            rt.set_callback(self._raw_callback)
        return True

    def open_output(self, name: str | None, virtual: bool = False) -> bool:
        self.close_output()
        self.wanted_output = name
        if not name:
            return False
        real = name if virtual else self._match(name, self.output_names())
        if real is None:
            return False
        try:
            # mido turns any port given a client name into a virtual one: name the client only then
            port = (self.backend.open_output(real, virtual=True, client_name=self.client_name) if virtual
                    else self.backend.open_output(real))
        except Exception as e:
            raise MidiDeviceError(f"MIDI output {name!r} could not be opened ({type(e).__name__})") from e
        self._register_error_callback(port)
        with self._out_lock:
            self.output = port
            self._output_virtual = virtual
        return True

    def _register_error_callback(self, port) -> None:
        rt = getattr(port, "_rt", None)
        if rt is not None and hasattr(rt, "set_error_callback"):
            rt.set_error_callback(lambda kind, message, data=None: self.errors.put(f"{message}"))

    def close_input(self) -> None:
        port, self.input = self.input, None
        _quietly(port, "close")

    def close_output(self) -> None:
        with self._out_lock:
            port, self.output = self.output, None
        _quietly(port, "close")

    def close(self) -> None:
        self.all_notes_off()
        self.close_input()
        self.close_output()
        self._drop_listers()

    def _drop_listers(self) -> None:
        for attr in ("_lister_in", "_lister_out"):
            _quietly(getattr(self, attr, None), "delete")
            setattr(self, attr, None)

    # -- traffic -------------------------------------------------------------------------
    def _raw_callback(self, event, data=None) -> None:
        """rtmidi's thread: timestamp (from rtmidi's delta when consistent), parse, then as _callback."""
        now = time.perf_counter()
        data_bytes, delta = event
        last = self._last_arrival
        if last is not None and 0.0 <= now - (last + delta) < 0.02:
            now = last + delta  # the callback ran late (waiting for the GIL); rtmidi's delta is exact
        self._last_arrival = now
        try:
            message = mido.Message.from_bytes(data_bytes)
        except ValueError:
            return
        self._callback(message, now)

    def _callback(self, message: mido.Message, now: float | None = None) -> None:
        """rtmidi's thread: timestamp first, forward thru, queue; nothing else."""
        now = time.perf_counter() if now is None else now
        if self.thru and message.type in ("note_on", "note_off", "control_change", "pitchwheel"):
            self.send(message)
        self.incoming.put((now, message))
        if self.on_message is not None:
            self.on_message(now, message)

    def send(self, message: mido.Message) -> bool:
        """Send to the output; False (and an error queued) when there is none or it failed."""
        with self._out_lock:
            port = self.output
            if port is None:
                return False
            try:
                port.send(message)
                return True
            except Exception as e:
                self.errors.put(f"MIDI output failed: {type(e).__name__}")
                return False

    def all_notes_off(self, channels=range(16)) -> None:
        for ch in channels:
            self.send(mido.Message("control_change", channel=ch, control=123, value=0))

    def drain(self) -> list[tuple[float, mido.Message]]:
        out = []
        while True:
            try:
                out.append(self.incoming.get_nowait())
            except queue.Empty:
                return out

    # -- hot plug ------------------------------------------------------------------------
    def poll(self) -> PortChanges:
        """Compare the port lists with the last poll; drop vanished ports, reopen wanted ones that came back."""
        if self._no_jack_server():
            inputs, outputs = [], []
        else:
            inputs, outputs = self._list("in"), self._list("out")  # the server check once, not per direction
        if inputs is None or outputs is None:
            return PortChanges()  # listing failed for a moment: change nothing
        ch = PortChanges(
            [n for n in inputs if n not in self._known_inputs], [n for n in self._known_inputs if n not in inputs],
            [n for n in outputs if n not in self._known_outputs], [n for n in self._known_outputs if n not in outputs])
        self._known_inputs, self._known_outputs = inputs, outputs
        if self.input is not None and self._match(self.input.name, inputs) is None:
            self.close_input()
            ch.lost.append(self.wanted_input or "")
        if self.output is not None and self.wanted_output and not self._output_virtual \
                and self._match(self.output.name, outputs) is None:
            self.close_output()
            ch.lost.append(self.wanted_output)
        if self.input is None and self.wanted_input and self._match(self.wanted_input, inputs):
            wanted = self.wanted_input
            if self.open_input(wanted):
                ch.reconnected.append(wanted)
        if self.output is None and self.wanted_output and self._match(self.wanted_output, outputs):
            wanted = self.wanted_output
            if self.open_output(wanted):
                ch.reconnected.append(wanted)
        return ch

    @property
    def input_connected(self) -> bool:
        return self.input is not None

    @property
    def output_connected(self) -> bool:
        return self.output is not None
