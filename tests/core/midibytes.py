"""Helpers that build MIDI files in memory."""

from __future__ import annotations

import io

import mido


def smf(tracks: list[list], type_: int = 1, tpq: int = 480) -> bytes:
    mid = mido.MidiFile(type=type_, ticks_per_beat=tpq)
    for msgs in tracks:
        track = mido.MidiTrack()
        track.extend(msgs)
        mid.tracks.append(track)
    buf = io.BytesIO()
    mid.save(file=buf)
    return buf.getvalue()


def notes(channel: int, pitches: list[int], step: int = 240, name: str | None = None, program: int = 0) -> list:
    msgs = [mido.MetaMessage("track_name", name=name, time=0)] if name else []
    msgs.append(mido.Message("program_change", channel=channel, program=program, time=0))
    for p in pitches:
        msgs.append(mido.Message("note_on", channel=channel, note=p, velocity=90, time=0))
        msgs.append(mido.Message("note_off", channel=channel, note=p, velocity=0, time=step))
    return msgs
