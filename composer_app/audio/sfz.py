"""A SoundFont 2 preset as an SFZ instrument (a text file and one WAV file per sample), for the sfizz
player (the pysfizz package, whose wheels carry the synthesizer for Linux, macOS and Windows).

Each preset zone x instrument zone becomes one SFZ region: key and velocity ranges, the sample with its loop,
root key and tuning, attenuation, pan, the volume envelope and the low-pass filter, preset values added to
instrument values as SoundFont 2 says. Modulators beyond the default ones and the modulation envelope are
not carried over. Rendered side by side with TinySoundFont playing the SoundFont itself, the bundled piano's
notes have the same pitch and the same loudness envelope (tests/audio/test_sfz.py).
"""

from __future__ import annotations

import struct
import wave
from pathlib import Path

from composer_app.audio.sf2 import SoundFont, SoundFontError, _bag_ranges

KEY_RANGE, VEL_RANGE, INSTRUMENT, SAMPLE_ID = 43, 44, 41, 53
UNSIGNED = {41, 43, 44, 46, 47, 53, 54, 57, 58}  # every other generator amount is a signed 16-bit number
ENVELOPE = {"attack": 34, "hold": 35, "decay": 36, "release": 38}


def _zones(sf: SoundFont, bag_table: str, gen_table: str, bags: range) -> list[dict[int, object]]:
    h, t = sf.hydra, sf.terminals
    starts = [struct.unpack_from("<H", b)[0] for b in h[bag_table] + [t[bag_table]]]
    zones = []
    for i in bags:
        zone: dict[int, object] = {}
        for rec in h[gen_table][starts[i]:starts[i + 1]]:
            op = struct.unpack_from("<H", rec)[0]
            if op in (KEY_RANGE, VEL_RANGE):
                zone[op] = struct.unpack_from("<BB", rec, 2)
            else:
                zone[op] = struct.unpack_from("<H" if op in UNSIGNED else "<h", rec, 2)[0]
        zones.append(zone)
    return zones


def _split_global(zones: list[dict], marker: int) -> tuple[dict, list[dict]]:
    if zones and marker not in zones[0]:
        return zones[0], zones[1:]
    return {}, zones


def _seconds(timecents: int) -> float:
    return 2.0 ** (timecents / 1200.0)


def preset_to_sfz(sf: SoundFont, folder: Path, preset: int = 0, name: str | None = None) -> Path:
    """Write `folder`/NAME.sfz and `folder`/samples/*.wav for one preset; return the .sfz path."""
    h, t = sf.hydra, sf.terminals
    if not 0 <= preset < len(h["phdr"]):
        raise SoundFontError(f"the SoundFont has no preset {preset}")
    preset_name = h["phdr"][preset][:20].split(b"\0")[0].decode("latin-1")
    pglobal, pzones = _split_global(_zones(sf, "pbag", "pgen", _bag_ranges(h["phdr"], t["phdr"], 24)[preset]),
                                    INSTRUMENT)
    folder = Path(folder)
    (folder / "samples").mkdir(parents=True, exist_ok=True)
    written: dict[int, tuple] = {}
    regions = []
    for pz in pzones:
        p = {**pglobal, **pz}
        inst = int(p[INSTRUMENT])
        iglobal, izones = _split_global(_zones(sf, "ibag", "igen", _bag_ranges(h["inst"], t["inst"], 20)[inst]),
                                        SAMPLE_ID)
        for iz in izones:
            z = {**iglobal, **iz}
            klo, khi = _overlap(z.get(KEY_RANGE, (0, 127)), p.get(KEY_RANGE, (0, 127)))
            vlo, vhi = _overlap(z.get(VEL_RANGE, (0, 127)), p.get(VEL_RANGE, (0, 127)))
            if klo > khi or vlo > vhi:
                continue
            sid = int(z[SAMPLE_ID])
            if sid not in written:
                written[sid] = _write_sample(sf, sid, folder)
            regions.append(_region(written[sid], z, p, klo, khi, vlo, vhi))
    if not regions:
        raise SoundFontError(f"the preset {preset_name} has no samples")
    title = name or preset_name
    path = folder / f"{folder.name}.sfz"
    path.write_text(f"// instrument: {title}\n// made from a SoundFont 2 preset by composer-app\n"
                    "// loudness in proportion to velocity, as TinySoundFont plays SoundFonts\n"
                    "// samples held in memory (sfizz's hint_ram_based): an offline rendering then never\n"
                    "// races the loading of a sample's rest, and sounds the same every time\n"
                    "<control> hint_ram_based=1\n"
                    "<global> amp_veltrack=100 amp_velcurve_127=1\n" + "\n".join(regions) + "\n", encoding="utf-8")
    return path


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return max(a[0], b[0]), min(a[1], b[1])


def _write_sample(sf: SoundFont, sid: int, folder: Path) -> tuple:
    rec = sf.hydra["shdr"][sid]
    start, end, loop_start, loop_end, rate = struct.unpack_from("<IIIII", rec, 20)
    root, correction = struct.unpack_from("<Bb", rec, 40)
    if not start <= end <= len(sf.samples) // 2:
        raise SoundFontError("a sample lies outside the sample data")
    name = f"samples/s{sid:03d}.wav"
    with wave.open(str(folder / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(sf.samples[start * 2:end * 2]))
    return name, start, loop_start, loop_end, root, correction


def _region(sample: tuple, z: dict, p: dict, klo: int, khi: int, vlo: int, vhi: int) -> str:
    name, start, loop_start, loop_end, root, correction = sample

    def gen(op: int, default: int = 0) -> int:  # instrument value plus the preset's offset
        return int(z.get(op, default)) + int(p.get(op, 0))

    attenuation_db = gen(48) / 10.0 * 0.4  # centibels; 0.4 as the EMU hardware and FluidSynth apply it
    parts = [f"<region> sample={name} lokey={klo} hikey={khi} lovel={vlo} hivel={vhi}",
             f"pitch_keycenter={z.get(58, root)} transpose={gen(51)} tune={gen(52) - correction}",
             f"volume={-attenuation_db:.2f} pan={gen(17) / 5:.1f}"]
    mode = int(z.get(54, 0)) & 3
    if mode in (1, 3):
        first = loop_start - start + gen(2) + 32768 * gen(45)
        last = loop_end - start + gen(3) + 32768 * gen(50)
        parts.append(f"loop_mode={'loop_continuous' if mode == 1 else 'loop_sustain'} loop_start={first} "
                     f"loop_end={last - 1}")
    parts.append(" ".join(f"ampeg_{k}={_seconds(gen(op, -12000)):.4f}" for k, op in ENVELOPE.items())
                 + f" ampeg_sustain={100 * 10 ** (-gen(37) / 200.0):.4f}")
    if 8 in z or 8 in p:
        parts.append(f"cutoff={8.176 * _seconds(gen(8, 13500)):.1f} fil_type=lpf_2p")
    return " ".join(parts)


def piano_preset(sf: SoundFont, program: int = 0) -> int:
    """The index of the preset a SoundFont's piano is: bank 0 at `program`, else the first of bank 0 or 128."""
    records = sf.hydra["phdr"]
    found = {struct.unpack_from("<HH", rec, 20)[::-1]: i for i, rec in enumerate(records)}  # (bank, program) -> i
    if (0, program) in found:
        return found[(0, program)]
    for bank in (0, 128):
        for p in range(128):
            if (bank, p) in found:
                return found[(bank, p)]
    raise SoundFontError("the SoundFont has no presets")
