"""Key-to-sound latency of MIDI thru into the built-in piano, measured through a PulseAudio null sink.

    python benchmarks/thru_latency.py [--notes 30] [--generate] [--check]

Starts a private JACK server (dummy driver) with a virtual keyboard, a private PulseAudio server with a null
sink, and the real app (offscreen) with the keyboard as its MIDI input and thru into the built-in piano. The
monitor of the null sink is recorded by parec with a 2 ms fragment; every block read is stamped with the
monotonic clock when it arrives, so the time of each sample is known to within a block. Each note-on is
stamped when it is sent; the latency is the time from there to the first sample of its sound (above -40 dBFS).
Reading the monitor adds its own delay, so each figure is an upper bound of what a listener hears.
With --generate the app presses Continue (8 bars x 8 variations) every 300 ms all along, and every held note
is searched for dropouts (runs of 2 ms or more of exact silence inside it): underruns.
--check exits 1 if the median latency is above 30 ms or a dropout was found.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RATE = 44100
BLOCK = 88  # frames per read (2 ms)


class Capture(threading.Thread):
    def __init__(self, env: dict) -> None:
        super().__init__(daemon=True)
        self.proc = subprocess.Popen(["parec", "-d", "null.monitor", "--format=s16le", f"--rate={RATE}", "--channels=1",
                                      "--latency-msec=2", "--raw"], stdout=subprocess.PIPE, env=env)
        self.blocks: list[tuple[float, bytes]] = []
        self.running = True

    def run(self) -> None:
        read = self.proc.stdout.read
        while self.running:
            data = read(BLOCK * 2)
            if not data:
                break
            self.blocks.append((time.monotonic(), data))

    def stop(self) -> tuple[np.ndarray, np.ndarray]:
        self.running = False
        self.proc.terminate()
        self.proc.wait(timeout=10)
        samples = np.frombuffer(b"".join(d for _, d in self.blocks), "<i2").astype(np.float32) / 32768
        times = np.empty(len(samples))
        at = 0
        for stamp, data in self.blocks:  # a block's last sample arrived at its stamp
            n = len(data) // 2
            times[at:at + n] = stamp - (n - 1 - np.arange(n)) / RATE
            at += n
        return samples, times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=30)
    parser.add_argument("--generate", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    for tool in ("jackd", "pulseaudio", "parec"):
        if not shutil.which(tool):
            print(f"{tool} is missing (run-tests.sh installs jackd2, pulseaudio and pulseaudio-utils)")
            return 2
    sys.path.insert(0, str(ROOT))
    import rtmidi

    tmp = Path(tempfile.mkdtemp(prefix="thru-latency-"))
    jack_name = f"latency-{os.getpid()}"
    jack = subprocess.Popen(["jackd", "-n", jack_name, "--realtime", "--sync", "-d", "dummy", "-r", "48000", "-p", "32"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["jack_wait", "-s", jack_name, "-w", "-t", "10"], capture_output=True)
    runtime = tmp / "pulse"
    runtime.mkdir(mode=0o700)
    socket = runtime / "native"
    pulse = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
         f"--load=module-null-sink sink_name=null rate={RATE}", f"--load=module-native-protocol-unix socket={socket}"],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "PULSE_SERVER": f"unix:{socket}", "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp),
           "QT_QPA_PLATFORM": "offscreen", "JACK_DEFAULT_SERVER": jack_name,
           "COMPOSER_APP_CONFIG_DIR": str(tmp / "config"), "COMPOSER_APP_DATA_DIR": str(tmp / "data")}
    for _ in range(100):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            break
        time.sleep(0.05)
    os.environ["JACK_DEFAULT_SERVER"] = jack_name
    keyboard = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, "latkbd")
    keyboard.open_virtual_port("keys")
    (tmp / "config").mkdir()
    (tmp / "config" / "composer-app.ini").write_text(
        "[General]\nfirst_run_done=true\n[midi]\napi=jack\ninput=latkbd:keys\noutput=\nthru=true\n")
    script = {"continue_every_ms": 300 if args.generate else 0, "quit_after_ms": 0}
    (tmp / "script.json").write_text(json.dumps(script))
    env["COMPOSER_TEST_SCRIPT"] = str(tmp / "script.json")
    app = subprocess.Popen([sys.executable, "-m", "tests.scripted_app", str(ROOT / "resources" / "seeds" / "example-seed.mid")],
                           env=env, cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    generations = []
    threading.Thread(target=lambda: [generations.append(line) for line in app.stdout], daemon=True).start()
    capture = Capture(env)
    capture.start()
    try:
        time.sleep(6.0)  # the window, the model, the audio device and the MIDI connection
        sent = []
        for k in range(args.notes):
            pitch = 60 + (k * 5) % 19
            t0 = time.monotonic()
            keyboard.send_message([0x90, pitch, 100])
            sent.append(t0)
            time.sleep(0.25)
            keyboard.send_message([0x80, pitch, 0])
            time.sleep(0.35)
        time.sleep(0.5)
    finally:
        samples, times = capture.stop()
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
        keyboard.close_port()
        pulse.terminate()
        jack.terminate()
        shutil.rmtree(tmp, ignore_errors=True)
    latencies, dropouts = [], 0
    for t0 in sent:
        window = np.flatnonzero((times >= t0 - 0.005) & (times < t0 + 0.2))
        loud = window[np.abs(samples[window]) > 0.01]
        if len(loud) == 0:
            continue
        onset = int(loud[0])
        latencies.append((times[onset] - t0) * 1000)
        held = samples[onset + int(0.01 * RATE):onset + int(0.24 * RATE)]
        zero_runs = np.diff(np.flatnonzero(np.concatenate([[1], held != 0, [1]])))
        dropouts += int(np.sum(zero_runs > int(0.002 * RATE)))
    busy = sum(1 for line in generations if line.startswith("generation"))
    if not latencies:
        print("no sound arrived at the null sink")
        return 1
    med = statistics.median(latencies)
    print(f"{len(latencies)}/{len(sent)} notes heard; key-to-sound latency (upper bound) median {med:.1f} ms, "
          f"p90 {np.percentile(latencies, 90):.1f} ms, max {max(latencies):.1f} ms; "
          f"{dropouts} dropouts in held notes; {busy} generations during the run")
    if args.check:
        ok = med <= 30 and dropouts == 0 and len(latencies) == len(sent)
        print("check:", "pass" if ok else "FAIL")
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
