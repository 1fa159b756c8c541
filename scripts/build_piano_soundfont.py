"""Build resources/sounds/piano.sf2: the Yamaha Grand Piano preset (bank 0, program 0) of FluidR3_GM, MIT licence.

    python scripts/build_piano_soundfont.py                   # fetches Debian's fluid-soundfont-gm 3.1-5.3
    python scripts/build_piano_soundfont.py --source FluidR3_GM.sf2

The source is Debian's package fluid-soundfont-gm (downloaded with `apt-get download`, unpacked with
`dpkg-deb -x`; no root needed). The preset, its instrument and its 41 samples are copied unchanged into a
new SoundFont (composer_app/audio/sf2.py), so the result is the same bytes on every run.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer_app.audio.sf2 import read_soundfont, subset  # noqa: E402

PACKAGE = "fluid-soundfont-gm=3.1-5.3"
SOURCE_SHA256 = "74594e8f4250680adf590507a306655a299935343583256f3b722c48a1bc1cb0"  # FluidR3_GM.sf2 in that package
OUT = ROOT / "resources" / "sounds" / "piano.sf2"
LIMIT = 20 * 1024 * 1024


def fetch(folder: Path) -> Path:
    subprocess.run(["apt-get", "download", PACKAGE], cwd=folder, check=True)
    deb = next(folder.glob("fluid-soundfont-gm_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(folder / "x")], check=True)
    return folder / "x" / "usr" / "share" / "sounds" / "sf2" / "FluidR3_GM.sf2"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="FluidR3_GM.sf2 (default: fetch Debian's package)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch(Path(tmp))
        data = source.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != SOURCE_SHA256:
            print(f"warning: {source.name} is not the expected version (sha256 {digest})", file=sys.stderr)
        piano = subset(read_soundfont(data, source.name), [(0, 0)], "composer-app piano (FluidR3_GM Yamaha Grand Piano)",
                       {b"ICMT": "Preset 0:0 of FluidR3_GM.sf2 by Frank Wen (MIT licence), cut out by "
                                 "composer-app's scripts/build_piano_soundfont.py"})
    if len(piano) > LIMIT:
        print(f"the piano is {len(piano) / 1e6:.1f} MB, above the 20 MB limit", file=sys.stderr)
        return 1
    check = read_soundfont(piano, "the result")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(piano)
    print(f"wrote {args.out} ({len(piano) / 1e6:.1f} MB): presets {check.presets()}, {len(check.hydra['shdr'])} samples, "
          f"sha256 {hashlib.sha256(piano).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
