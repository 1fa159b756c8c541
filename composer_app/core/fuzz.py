"""Mutations of real MIDI files, shared by the fuzz test and the long fuzz command."""

from __future__ import annotations

import random
import time

from composer_app.core.errors import MidiImportError
from composer_app.core.midifile import read_midi


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random mutation: flip, overwrite, insert, delete, truncate, splice or length hacks."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not buf:
            break
        kind = rng.randrange(8)
        i = rng.randrange(len(buf))
        if kind == 0:
            buf[i] ^= 1 << rng.randrange(8)
        elif kind == 1:
            buf[i] = rng.choice([0x00, 0x7F, 0x80, 0xFF, 0xF0, 0xF7, 0x2F, 0x51, 0x90, rng.randrange(256)])
        elif kind == 2:
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif kind == 3:
            del buf[i:i + rng.randint(1, 64)]
        elif kind == 4:
            del buf[i:]
        elif kind == 5:
            j = rng.randrange(len(buf))
            buf[i:i] = buf[j:j + rng.randint(1, 256)]
        elif kind == 6:
            buf[i:i + 4] = rng.choice([b"\xff\xff\xff\x7f", b"\x7f\xff\xff\xff", b"\x00\x00\x00\x00", b"\x8f\xff\xff\x7f"])
        else:
            buf[i:i + 2] = bytes([0xFF, rng.choice([0x51, 0x58, 0x59, 0x03, 0x2F, 0x7F])])
    return bytes(buf)


def check_one(data: bytes) -> float:
    """Import mutated bytes; return seconds taken. Anything but MidiImportError propagates."""
    start = time.perf_counter()
    try:
        song = read_midi(data, name="fuzz.mid")
        if song.default_part is not None:
            song.melody()
    except MidiImportError:
        pass
    return time.perf_counter() - start
