"""How much can the music after a gap tell about the gap? An estimate of the ceiling of `fill_bits_per_note`.

For the 2-bar span in the middle of each melody (as `composer-app evaluate --fill-bars 2` takes it), the bits a
perfect fill saves over a continuation are the information the music after the span R carries about the span m,
given the music before it L: I(m; R | L) = H(R | L) - H(R | L, m) (the two directions are equal). This script
estimates it with the continuation model itself: log p(R | L, m) for the true span, against
log p(R | L) ~ log mean_k p(R | L, m'_k) over S spans m'_k drawn from the model given L that fit exactly.
With few draws the estimate runs high (Jensen), so it is an upper estimate under the model's own judgement.

    python benchmarks/fill_ceiling.py [--every 8] [--draws 64] [--after 32] [--model M.onnx] [FOLDER]
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np

from composer_app.core.melody import Melody
from composer_app.engine.evaluate import LN2, _cut_at, _log_softmax, collect_files, load_eval_melodies
from composer_app.engine.generate import ContinueOptions, continue_melody
from composer_app.engine.model import load_model


def after_bits(model, notes_lists, bar: int, after: int) -> list[float] | None:
    """log2 p of up to `after` tokens after the span, for each (notes, notes up to the span's end)."""
    enc = model.encoding
    out = []
    for notes, upto in notes_lists:
        e = enc.encode_notes(notes, bar)
        b = len(enc.encode_notes(notes[:upto], bar).tokens)
        t, p = e.tokens[:b + after], e.positions[:b + after]
        if len(t) <= b:
            return None
        x = np.asarray(t[:-1], np.int64)[None]
        h, c = model.initial_state(1)
        logits, _, _ = model.run(x, np.asarray(p[:-1], np.int64)[None] % enc.max_position,
                                 np.full_like(x, enc.bar_steps(bar)), h, c, styles=np.zeros_like(x),
                                 remaining=np.zeros_like(x))
        lp = _log_softmax(logits[0].astype(np.float64))
        out.append(float(lp[np.arange(b - 1, len(t) - 1), np.asarray(t[b:])].sum() / LN2))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="models/test-melodies")
    ap.add_argument("--model", default=None)
    ap.add_argument("--every", type=int, default=1, help="take every n-th melody")
    ap.add_argument("--draws", type=int, default=64)
    ap.add_argument("--after", type=int, default=32, help="tokens of what follows (a fill reads 32)")
    args = ap.parse_args()
    model = load_model(args.model, threads=1)
    enc = model.encoding
    melodies, _ = load_eval_melodies(collect_files([Path(args.folder)]))
    info = 0.0
    spans = notes_in_spans = 0
    for mel in melodies[::args.every]:
        bar = mel.bar_ticks
        length_bars = (mel.notes[-1][0] + mel.notes[-1][1]) // bar
        if length_bars < 4:
            continue
        a = (length_bars // 2 - 1) * bar
        b = a + 2 * bar
        notes = _cut_at(mel.notes, a, b)
        left = [n for n in notes if n[0] < a]
        middle = [n for n in notes if a <= n[0] < b]
        right = [n for n in notes if n[0] >= b]
        if not left or not middle or not right:
            continue
        seed = Melody.from_notes([(t, d, p, 80) for t, d, p in left])
        drawn = []
        for r in range(-(-args.draws // 8)):
            options = ContinueOptions(bars=2, variations=8, temperature=1.0, top_p=1.0, low=enc.low, high=enc.high,
                                      key="none", seed=r, start_tick=a, end_tick=b, hear_after=False,
                                      follow_rhythm=False)
            drawn += [[(n.tick, n.duration, n.pitch) for n in v] for v in continue_melody(model, seed, options).variations]
        lists = [(left + middle + right, len(left) + len(middle))]
        lists += [(left + s + right, len(left) + len(s)) for s in drawn[:args.draws]]
        scores = after_bits(model, lists, bar, args.after)
        if scores is None:
            continue
        others = np.asarray(scores[1:])
        top = others.max()
        info += scores[0] - (top + math.log2(np.mean(2 ** (others - top))))
        spans += 1
        notes_in_spans += len(middle)
    print(f"{spans} spans, {notes_in_spans} notes in them: what follows tells about {info / spans:.2f} bits per span, "
          f"{info / notes_in_spans:.3f} bits per note of the span ({args.draws} draws, {args.after} tokens after)")


if __name__ == "__main__":
    main()
