"""The headless jam command against real JACK ports, in its own process."""

import signal
import subprocess
import sys
import time

from tests.midi.conftest import wait_until

C_MAJOR = {0, 2, 4, 5, 7, 9, 11}


def start_jam(keyboard, synth, *extra):
    proc = subprocess.Popen([sys.executable, "-m", "composer_app", "jam", "--midi-api", "jack", "--input",
                             keyboard.port_name, "--output", synth.port_name, "--tempo", "120", "--bars", "2",
                             "--wait-beats", "2", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert line.startswith("jamming"), line + proc.stderr.read()
    return proc


def play_phrase(keyboard, pitches, beat=0.5):
    last = 0.0
    for p in pitches:
        keyboard.send(0x90, p, 90)
        time.sleep(beat * 0.9)
        last = keyboard.send(0x80, p, 0)
        time.sleep(beat * 0.1)
    return last


def test_jam_answers_in_key_within_300_ms_of_the_pause(keyboard, synth):
    proc = start_jam(keyboard, synth)
    try:
        time.sleep(0.3)
        last_off = play_phrase(keyboard, [60, 64, 67, 72, 67, 64, 62, 60])  # 2 bars of quarter notes at 120 bpm
        detected = last_off + 2 * 0.5
        assert wait_until(lambda: any(m[0] & 0xF0 == 0x90 for _, m in synth.received), timeout=5)
        first = next(t for t, m in synth.received if m[0] & 0xF0 == 0x90)
        assert first - detected < 0.300
        assert wait_until(lambda: "answer 1" in (proc.stdout.readline() or ""), timeout=5)
        time.sleep(4.2)  # the 2-bar answer plays out
        pitches = [m[1] for _, m in synth.received if m[0] & 0xF0 == 0x90 and m[2] > 0]
        assert len(pitches) >= 2 and all(p % 12 in C_MAJOR for p in pitches)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "all notes off" in out and "Traceback" not in err


def test_ctrl_c_mid_answer_leaves_no_hanging_note(keyboard, synth):
    proc = start_jam(keyboard, synth)
    time.sleep(0.3)
    play_phrase(keyboard, [67, 69, 71, 72], beat=0.25)
    assert wait_until(lambda: any(m[0] & 0xF0 == 0x90 for _, m in synth.received), timeout=5)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=10)
    assert proc.returncode == 0
    time.sleep(0.1)
    assert synth.sounding() == set()


def test_missing_input_port_is_one_line(jack_server):
    result = subprocess.run([sys.executable, "-m", "composer_app", "jam", "--midi-api", "jack", "--input", "nope"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "no MIDI input 'nope'" in result.stderr


def test_without_an_output_jam_offers_a_virtual_port(keyboard):
    import rtmidi

    proc = subprocess.Popen([sys.executable, "-m", "composer_app", "jam", "--midi-api", "jack", "--input",
                             keyboard.port_name], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "composer-app jam (virtual)" in proc.stdout.readline()
        probe = rtmidi.MidiIn(rtmidi.API_UNIX_JACK, "probe")
        assert any("composer-app jam" in name for name in probe.get_ports())
        probe.delete()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:  # never leave a jam running after the test
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0
