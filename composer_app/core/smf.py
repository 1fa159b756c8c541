"""A strict, bounded reader for Standard MIDI Files.

It keeps only what a melody needs (notes, programs, tempo, time and key signatures, names)
and checks every length against the bytes that are really there, so a hostile file costs
time and memory in proportion to its size, never to what its headers claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_EVENTS = 1_500_000
MAX_TRACKS = 1024
MAX_TEXTS = 10_000  # text and marker events kept per track (short ones: chord symbols)

# Data bytes following each channel status (high nibble).
_DATA_LENGTH = {0x80: 2, 0x90: 2, 0xA0: 2, 0xB0: 2, 0xC0: 1, 0xD0: 1, 0xE0: 2}


class SmfError(Exception):
    """The bytes are not a readable MIDI file; the message says what is wrong, `reason` what kind of problem
    (damaged, too_large, unsupported, audio, not_midi)."""

    def __init__(self, message: str, reason: str = "damaged") -> None:
        super().__init__(message)
        self.reason = reason


def audio_kind(data: bytes) -> str | None:
    """The kind of audio recording these bytes start like (WAV, FLAC, Ogg, MP3, AIFF), or None."""
    head = data[:12]
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "WAV"
    if head[:4] == b"fLaC":
        return "FLAC"
    if head[:4] == b"OggS":
        return "Ogg"
    if head[:3] == b"ID3" or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "MP3"
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return "AIFF"
    return None


@dataclass
class RawTrack:
    """Events of one track: notes as (tick, channel, pitch, velocity) with velocity 0 = off."""

    notes: list[tuple[int, int, int, int]] = field(default_factory=list)
    programs: list[tuple[int, int, int]] = field(default_factory=list)  # (tick, channel, program)
    tempos: list[tuple[int, int]] = field(default_factory=list)  # (tick, microseconds per quarter)
    time_signatures: list[tuple[int, int, int]] = field(default_factory=list)  # (tick, num, den)
    key_signatures: list[tuple[int, int, int]] = field(default_factory=list)  # (tick, sharps, minor)
    name: str = ""
    instrument: str = ""
    end_tick: int = 0
    texts: list[tuple[int, str]] = field(default_factory=list)  # text and marker events (tick, text): chord symbols


@dataclass
class RawFile:
    format: int
    ticks_per_quarter: int
    tracks: list[RawTrack]


def _text(data: bytes) -> str:
    return data.decode("latin-1", errors="replace").strip("\x00 \t\r\n")[:200]


def read_smf(data: bytes, max_events: int = MAX_EVENTS) -> RawFile:
    """Parse SMF bytes; raise SmfError for anything that is not a type 0/1 file with tick timing."""
    if len(data) > MAX_FILE_BYTES:
        raise SmfError(f"the file is {len(data) / 1e6:.1f} MB, larger than the {MAX_FILE_BYTES // 2**20} MB a melody file may be",
                       "too_large")
    pos = data.find(b"MThd", 0, 256)  # tolerate a RIFF (RMID) wrapper or leading junk
    if pos < 0:
        kind = audio_kind(data)
        if kind is not None:
            raise SmfError(f"it is a {kind} audio recording, not a MIDI file: open a MIDI file (.mid), "
                           "or play or draw the melody", "audio")
        raise SmfError("it is not a MIDI file (no MThd header)", "not_midi")
    if pos + 14 > len(data):
        raise SmfError("the file ends inside its header")
    header_len = int.from_bytes(data[pos + 4:pos + 8], "big")
    if header_len < 6:
        raise SmfError("its header is too short")
    fmt = int.from_bytes(data[pos + 8:pos + 10], "big")
    ntracks = int.from_bytes(data[pos + 10:pos + 12], "big")
    division = int.from_bytes(data[pos + 12:pos + 14], "big")
    if fmt == 2:
        raise SmfError("it is a type 2 MIDI file (independent patterns), which is not supported", "unsupported")
    if fmt not in (0, 1):
        raise SmfError(f"it declares MIDI file type {fmt}; only types 0 and 1 exist for songs")
    if division & 0x8000:
        raise SmfError("it uses SMPTE time code instead of beats, which is not supported", "unsupported")
    if division == 0:
        raise SmfError("it declares 0 ticks per quarter note")
    if ntracks > MAX_TRACKS:
        raise SmfError(f"it declares {ntracks} tracks, more than {MAX_TRACKS}")
    pos = pos + 8 + header_len
    tracks: list[RawTrack] = []
    budget = [max_events]
    n = len(data)
    while len(tracks) < ntracks and pos + 8 <= n:
        chunk_id = data[pos:pos + 4]
        size = int.from_bytes(data[pos + 4:pos + 8], "big")
        body_start = pos + 8
        pos = body_start + size
        if chunk_id != b"MTrk":
            continue  # unknown chunks are skipped, as the standard asks
        end = min(pos, n)
        tracks.append(_read_track(data, body_start, end, len(tracks) + 1, budget))
    if not tracks:
        raise SmfError("it contains no tracks")
    return RawFile(fmt, division, tracks)


def _read_track(data: bytes, pos: int, end: int, number: int, budget: list[int]) -> RawTrack:
    track = RawTrack()
    notes = track.notes
    tick = 0
    status = 0
    events = 0
    data_length = _DATA_LENGTH
    while pos < end:
        # variable-length delta time (at most 4 bytes by the standard)
        delta = 0
        for _ in range(4):
            if pos >= end:
                raise SmfError(f"track {number} ends inside a delta time at byte {pos}")
            b = data[pos]
            pos += 1
            delta = (delta << 7) | (b & 0x7F)
            if b < 0x80:
                break
        else:
            raise SmfError(f"track {number} has a delta time longer than 4 bytes at byte {pos}")
        tick += delta
        if pos >= end:
            raise SmfError(f"track {number} ends inside an event at byte {pos}")
        b = data[pos]
        if b >= 0x80:
            pos += 1
            if b < 0xF0:
                status = b
            else:
                status_kind = b
                if status_kind == 0xFF:
                    if pos >= end:
                        raise SmfError(f"track {number} ends inside a meta event at byte {pos}")
                    meta_type = data[pos]
                    pos += 1
                    length, pos = _read_varlen(data, pos, end, number)
                    if pos + length > end:
                        raise SmfError(f"track {number} ends inside a meta event at byte {pos}")
                    payload = data[pos:pos + length]
                    pos += length
                    if meta_type == 0x2F:
                        break
                    _meta(track, tick, meta_type, payload)
                elif status_kind in (0xF0, 0xF7):
                    length, pos = _read_varlen(data, pos, end, number)
                    if pos + length > end:
                        raise SmfError(f"track {number} ends inside a system exclusive message at byte {pos}")
                    pos += length
                    status = 0
                else:
                    raise SmfError(f"track {number} has a system message 0x{b:02X} where only events may be, at byte {pos - 1}")
                events += 1
                continue
        elif status == 0:
            raise SmfError(f"track {number} has data byte 0x{b:02X} without a status byte at byte {pos}")
        kind = status & 0xF0
        need = data_length[kind]
        if pos + need > end:
            raise SmfError(f"track {number} ends inside a message at byte {pos}")
        d1 = data[pos] & 0x7F  # clip out-of-range data bytes
        if kind == 0x90 or kind == 0x80:
            d2 = data[pos + 1] & 0x7F
            notes.append((tick, status & 0x0F, d1, d2 if kind == 0x90 else 0))
        elif kind == 0xC0:
            track.programs.append((tick, status & 0x0F, d1))
        pos += need
        events += 1
        if events > budget[0]:
            raise SmfError(f"it has more than {MAX_EVENTS:,} events", "too_large")
    budget[0] -= events
    track.end_tick = tick
    return track


def _read_varlen(data: bytes, pos: int, end: int, number: int) -> tuple[int, int]:
    value = 0
    for _ in range(4):
        if pos >= end:
            raise SmfError(f"track {number} ends inside a length field at byte {pos}")
        b = data[pos]
        pos += 1
        value = (value << 7) | (b & 0x7F)
        if b < 0x80:
            return value, pos
    raise SmfError(f"track {number} has a length field longer than 4 bytes at byte {pos}")


def _meta(track: RawTrack, tick: int, meta_type: int, payload: bytes) -> None:
    if meta_type == 0x51 and len(payload) >= 3:
        tempo = int.from_bytes(payload[:3], "big")
        if tempo > 0:
            track.tempos.append((tick, tempo))
    elif meta_type == 0x58 and len(payload) >= 2:
        num, den_power = payload[0], payload[1]
        if 1 <= num <= 64 and den_power <= 6:
            track.time_signatures.append((tick, num, 2**den_power))
    elif meta_type == 0x59 and len(payload) >= 2:
        sharps = payload[0] - 256 if payload[0] > 127 else payload[0]
        if -7 <= sharps <= 7 and payload[1] in (0, 1):
            track.key_signatures.append((tick, sharps, payload[1]))
    elif meta_type in (0x01, 0x06) and len(payload) <= 40 and len(track.texts) < MAX_TEXTS:
        track.texts.append((tick, _text(payload)))
    elif meta_type == 0x03 and not track.name:
        track.name = _text(payload)
    elif meta_type == 0x04 and not track.instrument:
        track.instrument = _text(payload)
