"""Build resources/sounds/piano/: the bundled piano (resources/sounds/piano.sf2) as an SFZ instrument for the
sfizz player (the pysfizz package), the same bytes on every run.

    python scripts/build_piano_sfz.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer_app.audio.sf2 import check, read_soundfont  # noqa: E402
from composer_app.audio.sfz import preset_to_sfz  # noqa: E402

SOURCE = ROOT / "resources" / "sounds" / "piano.sf2"
OUT = ROOT / "resources" / "sounds" / "piano"


def main() -> int:
    sf = read_soundfont(SOURCE.read_bytes(), SOURCE.name)
    check(sf, SOURCE.name)
    if OUT.exists():
        shutil.rmtree(OUT)
    path = preset_to_sfz(sf, OUT, 0, "Yamaha Grand Piano")
    size = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {path.relative_to(ROOT)}: {path.read_text().count('<region>')} regions, "
          f"{len(list((OUT / 'samples').iterdir()))} samples, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
