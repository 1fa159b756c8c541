"""A minimal SoundFont 2 reader and subsetter: keep some presets, their instruments and samples, nothing else.

Used by scripts/build_piano_soundfont.py to cut the piano out of a General MIDI SoundFont, and by the app to
check that a chosen .sf2 file is one (a clear sentence instead of a crash in the synthesizer). Reads only
plain RIFF chunks and numbers; nothing in the file is executed.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from composer_app.core.errors import ComposerError

MAX_BYTES = 2 << 30
GEN_INSTRUMENT = 41
GEN_SAMPLE_ID = 53
HYDRA = {"phdr": 38, "pbag": 4, "pmod": 10, "pgen": 4, "inst": 22, "ibag": 4, "imod": 10, "igen": 4, "shdr": 46}


class SoundFontError(ComposerError):
    """A file is not a SoundFont this app can use; the message says why."""


@dataclass
class SoundFont:
    info: list[tuple[bytes, bytes]]  # INFO sub-chunks, in order
    samples: memoryview  # 16-bit sample data (smpl)
    hydra: dict[str, list[bytes]]  # pdta records, each without the terminal record
    terminals: dict[str, bytes]

    def presets(self) -> list[tuple[int, int, str]]:
        """(bank, program, name) of every preset."""
        out = []
        for rec in self.hydra["phdr"]:
            name, program, bank = struct.unpack_from("<20sHH", rec)
            out.append((bank, program, name.split(b"\0")[0].decode("latin-1")))
        return out


def _chunks(data: memoryview, start: int, end: int, label: str):
    pos = start
    while pos + 8 <= end:
        tag = bytes(data[pos:pos + 4])
        size = struct.unpack_from("<I", data, pos + 4)[0]
        body = pos + 8
        if body + size > end:
            raise SoundFontError(f"{label}: the SoundFont is damaged (a part runs past the end of the file)")
        yield tag, body, size
        pos = body + size + (size & 1)


def read_soundfont(data: bytes, label: str = "the file") -> SoundFont:
    if len(data) > MAX_BYTES:
        raise SoundFontError(f"{label} is larger than {MAX_BYTES >> 30} GB")
    view = memoryview(data)
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"sfbk":
        raise SoundFontError(f"{label}: this is not a SoundFont (.sf2 or .sf3) file")
    info, samples, hydra, terminals = [], None, {}, {}
    try:
        riff_end = min(len(data), 8 + struct.unpack_from("<I", data, 4)[0])
        for tag, body, size in _chunks(view, 12, riff_end, label):
            if tag != b"LIST":
                continue
            kind = bytes(view[body:body + 4])
            for sub, sbody, ssize in _chunks(view, body + 4, body + size, label):
                if kind == b"INFO":
                    info.append((sub, bytes(view[sbody:sbody + ssize])))
                elif kind == b"sdta" and sub == b"smpl":
                    samples = view[sbody:sbody + ssize]
                elif kind == b"pdta":
                    name = sub.decode("latin-1")
                    width = HYDRA.get(name)
                    if width is None:
                        continue
                    if ssize % width or ssize < width:
                        raise SoundFontError(f"{label}: its {name} table is damaged")
                    records = [bytes(view[sbody + i:sbody + i + width]) for i in range(0, ssize, width)]
                    hydra[name], terminals[name] = records[:-1], records[-1]
    except struct.error as e:
        raise SoundFontError(f"{label}: the SoundFont is damaged ({e})") from e
    missing = [k for k in HYDRA if k not in hydra]
    if samples is None or missing:
        raise SoundFontError(f"{label}: the SoundFont lacks its " + (", ".join(missing) or "sample data"))
    return SoundFont(info, samples, hydra, terminals)


def check(sf: SoundFont, label: str = "the file") -> None:
    """Every index in the tables points inside its table, and (for SoundFont 2) every sample inside the
    sample data: what a synthesizer written in C trusts without checking. SoundFontError otherwise."""
    h, t = sf.hydra, sf.terminals

    def bad(what: str) -> SoundFontError:
        return SoundFontError(f"{label}: the SoundFont is damaged ({what})")

    def bags(headers, terminal, offset, bag_table):
        starts = [struct.unpack_from("<H", x, offset)[0] for x in headers + [terminal]]
        if any(b < a for a, b in zip(starts, starts[1:])) or starts[-1] > len(h[bag_table]):
            raise bad(f"{bag_table} indexes")

    bags(h["phdr"], t["phdr"], 24, "pbag")
    bags(h["inst"], t["inst"], 20, "ibag")
    for bag, gen, mod in (("pbag", "pgen", "pmod"), ("ibag", "igen", "imod")):
        rows = [struct.unpack_from("<HH", b) for b in h[bag] + [t[bag]]]
        if any(b[0] < a[0] or b[1] < a[1] for a, b in zip(rows, rows[1:])) or rows[-1][0] > len(h[gen]) \
                or rows[-1][1] > len(h[mod]):
            raise bad(f"{gen}/{mod} indexes")
    for rec in h["pgen"]:
        oper, amount = struct.unpack_from("<HH", rec)
        if oper == GEN_INSTRUMENT and amount >= len(h["inst"]):
            raise bad("an instrument that does not exist")
    for rec in h["igen"]:
        oper, amount = struct.unpack_from("<HH", rec)
        if oper == GEN_SAMPLE_ID and amount >= len(h["shdr"]):
            raise bad("a sample that does not exist")
    version = next((struct.unpack_from("<H", body)[0] for tag, body in sf.info if tag == b"ifil" and len(body) >= 2), 2)
    if version < 3:  # SoundFont 3 (compressed samples) counts sample offsets in its own way
        frames = len(sf.samples) // 2
        for rec in h["shdr"]:
            start, end, loop_start, loop_end = struct.unpack_from("<IIII", rec, 20)
            stype = struct.unpack_from("<H", rec, 44)[0]
            if not stype & 0x8000 and not (start <= end <= frames and loop_start <= loop_end <= frames):
                raise bad("a sample outside the sample data")


def _bag_ranges(headers: list[bytes], terminal: bytes, offset: int) -> list[range]:
    starts = [struct.unpack_from("<H", h, offset)[0] for h in headers + [terminal]]
    return [range(a, b) for a, b in zip(starts, starts[1:])]


def subset(sf: SoundFont, keep: list[tuple[int, int]], name: str, extra_info: dict[bytes, str] | None = None) -> bytes:
    """A new SoundFont with only the presets (bank, program) in keep, what they use, and a new name."""
    h, t = sf.hydra, sf.terminals
    preset_bags = _bag_ranges(h["phdr"], t["phdr"], 24)
    pbag_all = h["pbag"] + [t["pbag"]]
    pbag_gen = [struct.unpack_from("<HH", b) for b in pbag_all]
    inst_bags = _bag_ranges(h["inst"], t["inst"], 20)
    ibag_all = h["ibag"] + [t["ibag"]]
    ibag_gen = [struct.unpack_from("<HH", b) for b in ibag_all]

    chosen = [i for i, (bank, program, _n) in enumerate(sf.presets()) if (bank, program) in keep]
    if not chosen:
        raise SoundFontError("none of the presets to keep is in the SoundFont")
    out = {k: [] for k in HYDRA}

    def copy_zones(bags, bag_gen, gens, mods, target_bag, target_gen, target_mod, remap_gen):
        first = len(out[target_bag])
        for b in bags:
            g0, m0 = bag_gen[b]
            g1, m1 = bag_gen[b + 1]
            out[target_bag].append(struct.pack("<HH", len(out[target_gen]), len(out[target_mod])))
            for g in range(g0, g1):
                oper, amount = struct.unpack_from("<HH", gens[g])
                out[target_gen].append(struct.pack("<HH", oper, remap_gen(oper, amount)))
            out[target_mod] += [mods[m] for m in range(m0, m1)]
        return first

    inst_map: dict[int, int] = {}
    sample_map: dict[int, int] = {}
    sample_order: list[int] = []

    def want_sample(i: int) -> int:
        if i not in sample_map:
            sample_map[i] = len(sample_order)
            sample_order.append(i)
            link = struct.unpack_from("<H", sf.hydra["shdr"][i], 42)[0]
            stype = struct.unpack_from("<H", sf.hydra["shdr"][i], 44)[0]
            if stype & 0x6 and link < len(sf.hydra["shdr"]):  # right/left of a stereo pair: keep its partner
                want_sample(link)
        return sample_map[i]

    def want_instrument(i: int) -> int:
        if i not in inst_map:
            inst_map[i] = -1  # reserved while copying
            first = copy_zones(inst_bags[i], ibag_gen, h["igen"], h["imod"], "ibag", "igen", "imod",
                               lambda op, amt: want_sample(amt) if op == GEN_SAMPLE_ID else amt)
            inst_map[i] = len(out["inst"])
            out["inst"].append(h["inst"][i][:20] + struct.pack("<H", first))
        return inst_map[i]

    for p in chosen:
        first = copy_zones(preset_bags[p], pbag_gen, h["pgen"], h["pmod"], "pbag", "pgen", "pmod",
                           lambda op, amt: want_instrument(amt) if op == GEN_INSTRUMENT else amt)
        out["phdr"].append(h["phdr"][p][:24] + struct.pack("<H", first) + h["phdr"][p][26:])

    smpl = bytearray()
    for i in sample_order:
        rec = h["shdr"][i]
        start, end, loop_start, loop_end = struct.unpack_from("<IIII", rec, 20)
        new_start = len(smpl) // 2
        smpl += sf.samples[start * 2:end * 2]
        smpl += b"\0" * 92  # 46 zero samples after each sample, as the specification asks
        shift = new_start - start
        link = struct.unpack_from("<H", rec, 42)[0]
        new_link = sample_map.get(link, 0)
        out["shdr"].append(rec[:20] + struct.pack("<IIII", start + shift, end + shift, loop_start + shift,
                                                  loop_end + shift) + rec[36:42] + struct.pack("<H", new_link) + rec[44:])

    terminals = {
        "phdr": t["phdr"][:24] + struct.pack("<H", len(out["pbag"])) + t["phdr"][26:],
        "pbag": struct.pack("<HH", len(out["pgen"]), len(out["pmod"])),
        "pmod": b"\0" * 10, "pgen": b"\0" * 4,
        "inst": t["inst"][:20] + struct.pack("<H", len(out["ibag"])),
        "ibag": struct.pack("<HH", len(out["igen"]), len(out["imod"])),
        "imod": b"\0" * 10, "igen": b"\0" * 4,
        "shdr": b"EOS".ljust(20, b"\0") + b"\0" * 26,
    }

    kept_info = [(tag, body) for tag, body in sf.info if tag not in {b"INAM", *(extra_info or {})}]
    return _riff(kept_info, {b"INAM": name, **(extra_info or {})}, bytes(smpl), out, terminals)


def _chunk(tag: bytes, body: bytes) -> bytes:
    return tag + struct.pack("<I", len(body)) + body + (b"\0" if len(body) & 1 else b"")


def _zstr(text: str) -> bytes:
    raw = text.encode("latin-1", "replace") + b"\0"
    return raw + (b"\0" if len(raw) & 1 else b"")


def _riff(info_chunks: list[tuple[bytes, bytes]], names: dict[bytes, str], smpl: bytes, hydra: dict[str, list[bytes]],
          terminals: dict[str, bytes]) -> bytes:
    """A SoundFont file: INFO (raw chunks, then texts), the 16-bit samples, the hydra records and terminals."""
    info = [_chunk(tag, body) for tag, body in info_chunks] + [_chunk(tag, _zstr(text)) for tag, text in names.items()]
    info_list = b"LIST" + struct.pack("<I", 4 + sum(map(len, info))) + b"INFO" + b"".join(info)
    sdta_body = b"sdta" + _chunk(b"smpl", smpl)
    pdta_body = b"pdta" + b"".join(_chunk(k.encode(), b"".join(hydra[k]) + terminals[k]) for k in HYDRA)
    body = (b"sfbk" + info_list + b"LIST" + struct.pack("<I", len(sdta_body)) + sdta_body
            + b"LIST" + struct.pack("<I", len(pdta_body)) + pdta_body)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# generators an instrument zone of a sampled piano uses (SoundFont 2.04, section 8.1.2)
GEN_RELEASE_VOL_ENV = 38
GEN_KEY_RANGE = 43
GEN_SAMPLE_MODES = 54
GEN_ROOT_KEY = 58


@dataclass
class KeyZone:
    """One sample of a sampled instrument: mono 16-bit, sounding `root` and played on keys low-high."""

    name: str
    samples: bytes  # little-endian int16
    rate: int
    root: int
    low: int
    high: int


def sampled_instrument(zones: list[KeyZone], name: str, release_seconds: float = 0.4) -> bytes:
    """A SoundFont with one preset (bank 0, program 0): each zone's sample repitched over its keys."""
    import math

    out = {k: [] for k in HYDRA}
    smpl = bytearray()
    release = round(1200 * math.log2(max(0.001, release_seconds)))
    for i, z in enumerate(zones):
        start = len(smpl) // 2
        smpl += z.samples
        end = len(smpl) // 2
        smpl += b"\0" * 92  # 46 zero samples after each sample, as the specification asks
        out["shdr"].append(z.name.encode("latin-1", "replace")[:19].ljust(20, b"\0")
                           + struct.pack("<IIIIIBbHH", start, end, start, end, z.rate, z.root, 0, 0, 1))
        out["ibag"].append(struct.pack("<HH", len(out["igen"]), 0))
        out["igen"] += [struct.pack("<HBB", GEN_KEY_RANGE, z.low, z.high),  # keyRange comes first
                        struct.pack("<Hh", GEN_ROOT_KEY, z.root),
                        struct.pack("<Hh", GEN_RELEASE_VOL_ENV, release),
                        struct.pack("<Hh", GEN_SAMPLE_MODES, 0),
                        struct.pack("<HH", GEN_SAMPLE_ID, i)]  # sampleID comes last
    label = name.encode("latin-1", "replace")[:19].ljust(20, b"\0")
    out["inst"].append(label + struct.pack("<H", 0))
    out["pbag"].append(struct.pack("<HH", 0, 0))
    out["pgen"].append(struct.pack("<HH", GEN_INSTRUMENT, 0))
    out["phdr"].append(label + struct.pack("<HHHIII", 0, 0, 0, 0, 0, 0))
    terminals = {
        "phdr": b"EOP".ljust(20, b"\0") + struct.pack("<HHHIII", 0, 0, len(out["pbag"]), 0, 0, 0),
        "pbag": struct.pack("<HH", len(out["pgen"]), 0),
        "pmod": b"\0" * 10, "pgen": b"\0" * 4,
        "inst": b"EOI".ljust(20, b"\0") + struct.pack("<H", len(out["ibag"])),
        "ibag": struct.pack("<HH", len(out["igen"]), 0),
        "imod": b"\0" * 10, "igen": b"\0" * 4,
        "shdr": b"EOS".ljust(20, b"\0") + b"\0" * 26,
    }
    info = [(b"ifil", struct.pack("<HH", 2, 1))]
    return _riff(info, {b"isng": "EMU8000", b"INAM": name, b"ISFT": "composer-app"}, bytes(smpl), out, terminals)
