"""The harmonizer on held-out folk tunes (models/test-melodies: O'Neill's, Ryan's, miscFolk; never trained on):
the final chord where the melody ends on the tonic, the dominant before it, the share of strong-beat melody
notes that are tones of their chord, and half cadences (the dominant where a 4-bar phrase rests on the 2nd, 5th
or 7th degree); one and two chords a bar.

    python benchmarks/folk_cadences.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer_app.core.chords import chord_at  # noqa: E402
from composer_app.core.keys import melody_key  # noqa: E402
from composer_app.core.midifile import load_melody  # noqa: E402
from composer_app.engine.harmonize import (  # noqa: E402
    RESTING_DEGREES,
    HarmonizeOptions,
    HarmonyModel,
    harmonize_melody,
    phrase_rests,
)


def strong(tick: int, bar: int, beat: int) -> bool:
    beats = bar // beat
    half = bar // 2 if beats % 2 == 0 else bar
    return tick % half == 0


def main() -> None:
    model = HarmonyModel.load()
    files = [p for p in sorted((ROOT / "models" / "test-melodies").glob("*.mid"))
             if p.name.startswith(("oneills", "ryans", "miscFolk")) and "-2" not in p.stem]
    for per_bar in (1, 2):
        ends_tonic = tonic_final = dominant_before = hits = strong_notes = rests = half = 0
        for path in files:
            melody = load_melody(path)
            key = melody_key(melody)[0]
            if key is None:
                continue
            ts = melody.time_signature
            notes = [(n.tick, n.duration, n.pitch) for n in melody]
            chords = harmonize_melody(model, notes, key, ts.bar_ticks, ts.beat_ticks,
                                      HarmonizeOptions(per_bar=per_bar))[0]
            for t, _, p in notes:
                if strong(t, ts.bar_ticks, ts.beat_ticks):
                    c = chord_at(chords, t)
                    if c is not None:
                        strong_notes += 1
                        hits += p % 12 in c.chord.pitch_classes()
            for tick, pitch in phrase_rests(notes, ts.bar_ticks):
                if (pitch - key.tonic) % 12 in RESTING_DEGREES:
                    c = chord_at(chords, tick)
                    rests += 1
                    half += c is not None and c.chord.root_pc == (key.tonic + 7) % 12
            if notes[-1][2] % 12 == key.tonic:
                ends_tonic += 1
                tonic_final += chords[-1].chord.root_pc == key.tonic
                dominant_before += len(chords) > 1 and chords[-2].chord.root_pc == (key.tonic + 7) % 12
        print(f"{per_bar} a bar, {len(files)} tunes: final chord the tonic where the melody ends on it "
              f"{100 * tonic_final / ends_tonic:.1f}% ({ends_tonic} tunes), the dominant before it "
              f"{100 * dominant_before / ends_tonic:.1f}%, strong-beat notes that are chord tones "
              f"{100 * hits / strong_notes:.1f}% of {strong_notes}; 4-bar phrases resting on degree 2, 5 or 7 "
              f"with the dominant under the rest {100 * half / max(1, rests):.1f}% of {rests}")


if __name__ == "__main__":
    main()
