"""`composer-app jam` and `composer-app ports`: live MIDI from the command line."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from composer_app.core.errors import ComposerError

MIDI_APIS = ["alsa", "jack", "coremidi", "winmm"]  # the keys of midi.hub.APIS (not imported here: that costs every command ~40 ms)


def add_midi_parsers(sub) -> None:
    p = sub.add_parser("ports", help="list MIDI inputs and outputs")
    p.add_argument("--midi-api", choices=MIDI_APIS)
    p.set_defaults(run=run_ports)

    p = sub.add_parser("jam", help="call and response: answer the phrases played on a MIDI input")
    p.add_argument("--input", required=True, help="MIDI input port name (see `composer-app ports`)")
    p.add_argument("--output", help="MIDI output port name; without it a virtual port 'composer-app jam' is created")
    p.add_argument("--bars", type=int, default=2)
    p.add_argument("--wait-beats", type=float, default=2.0)
    p.add_argument("--tempo", type=float, default=100.0)
    p.add_argument("--model", type=Path)
    p.add_argument("--midi-api", choices=MIDI_APIS)
    p.set_defaults(run=run_jam)


def run_ports(args: argparse.Namespace) -> int:
    from composer_app.midi.hub import MidiHub

    hub = MidiHub(args.midi_api)
    print(f"MIDI system: {hub.backend_name}")
    print("inputs:  " + (", ".join(hub.input_names()) or "none"))
    print("outputs: " + (", ".join(hub.output_names()) or "none"))
    return 0


def run_jam(args: argparse.Namespace) -> int:
    from composer_app.engine.model import load_model
    from composer_app.midi.hub import MidiDeviceError, MidiHub
    from composer_app.session.jam import Jam, JamSettings

    if not 1 <= args.bars <= 32 or args.tempo <= 0 or args.wait_beats <= 0:
        raise ComposerError("--bars must be 1 to 32, and --tempo and --wait-beats positive")
    model = load_model(args.model)
    hub = MidiHub(args.midi_api, client_name="composer-app jam")
    if not hub.open_input(args.input):
        raise MidiDeviceError(f"there is no MIDI input {args.input!r}; inputs: {', '.join(hub.input_names()) or 'none'}")
    if args.output:
        if not hub.open_output(args.output):
            raise MidiDeviceError(f"there is no MIDI output {args.output!r}; outputs: {', '.join(hub.output_names()) or 'none'}")
    elif sys.platform == "win32":
        raise ComposerError("Windows has no virtual MIDI ports; choose an output with --output")
    else:
        hub.open_output("composer-app jam", virtual=True)
    jam = Jam(hub, model, JamSettings(args.bars, args.wait_beats, args.tempo), log=lambda s: print(s, flush=True))

    def stop(signum, frame):
        jam.stop()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    print(f"jamming: listening on {args.input}, answering on {args.output or 'composer-app jam (virtual)'}; "
          f"Ctrl+C stops", flush=True)
    try:
        jam.run()
    finally:
        hub.close()
    print("stopped; all notes off", flush=True)
    return 0
