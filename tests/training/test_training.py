"""A tiny model trained for a few steps on real MIDI files: loss goes down, export agrees with PyTorch."""

import json

import numpy as np
import onnxruntime as ort
import pytest

torch = pytest.importorskip("torch", reason="the train extra is not installed (pip install -e '.[train]')")

from composer_app.core.encoding import MelodyEncoding  # noqa: E402  (after the torch check)
from composer_app.engine.generate import ContinueOptions, continue_melody  # noqa: E402  (after the torch check)
from composer_app.engine.model import load_model  # noqa: E402  (after the torch check)
from composer_app.training.data import batches, encode_records, melodies_from_midi, split_of  # noqa: E402  (after the torch check)
from composer_app.training.model import MelodyLSTM, export_onnx  # noqa: E402  (after the torch check)
from composer_app.training.train import TrainConfig, train  # noqa: E402  (after the torch check)

ENC = MelodyEncoding()
TINY = dict(embedding=16, hidden=32, layers=2, dropout=0.0)


@pytest.fixture(scope="module")
def records(chopin_files):
    recs, skipped = melodies_from_midi(chopin_files[:6])
    assert not skipped and len(recs) == 6
    return recs


DESIGNS = {"joint": dict(output="joint", style_dim=0), "factorized": dict(output="factorized", style_dim=4)}


@pytest.mark.parametrize("design", DESIGNS)
def test_loss_goes_down_in_a_few_steps(records, design):
    torch.manual_seed(0)
    model = MelodyLSTM(ENC.vocab_size, **TINY, **DESIGNS[design])
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    arrays = [torch.from_numpy(a) for a in next(batches(ENC, encode_records(ENC, records), 8, 64, None, False))]
    losses = []
    for _ in range(30):
        total, count = model.loss(*arrays)
        loss = total / count
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.7 * losses[0]


def test_factorized_loss_is_the_joint_distributions_negative_log_likelihood(records):
    """Training's loss (class + length) equals what the exported joint log-probabilities give."""
    torch.manual_seed(3)
    model = MelodyLSTM(ENC.vocab_size, **TINY, output="factorized", style_dim=4).eval()
    tok, pos, met, sty, tgt, _ = (torch.from_numpy(a) for a in next(batches(ENC, encode_records(ENC, records), 4,
                                                                              40, None, False, [1, 2, 3, 4, 0, 1])))
    with torch.no_grad():
        total, count = model.loss(tok, pos, met, sty, tgt)
        logp, _, _ = model(tok, pos, met, sty, *model.initial_state(tok.shape[0]))
    assert torch.allclose(logp.exp().sum(-1), torch.ones(logp.shape[:2]), atol=0.05)
    valid = tgt >= 0
    nll = -logp.gather(-1, tgt.clamp(min=0).unsqueeze(-1)).squeeze(-1)[valid].sum()
    assert count == int(valid.sum()) and abs(total.item() - nll.item()) < 1e-3 * count


@pytest.mark.parametrize("design", DESIGNS)
def test_onnx_matches_pytorch(tmp_path, design):
    torch.manual_seed(1)
    model = MelodyLSTM(ENC.vocab_size, **TINY, **DESIGNS[design]).eval()
    export_onnx(model, tmp_path / "m.onnx")
    session = ort.InferenceSession(str(tmp_path / "m.onnx"), providers=["CPUExecutionProvider"])
    assert ("styles" in [i.name for i in session.get_inputs()]) == model.has_styles
    rng = np.random.default_rng(2)
    for batch, time in ((1, 1), (3, 7), (5, 40)):
        tokens = rng.integers(0, ENC.vocab_size, (batch, time))
        positions = rng.integers(0, 64, (batch, time))
        meters = rng.integers(1, 65, (batch, time))
        styles = rng.integers(0, 5, (batch, time))
        h = rng.standard_normal((2, batch, 32)).astype(np.float32)
        c = rng.standard_normal((2, batch, 32)).astype(np.float32)
        feed = {"tokens": tokens, "positions": positions, "meters": meters, "h": h, "c": c}
        if model.has_styles:
            feed["styles"] = styles
        ours = session.run(None, feed)
        with torch.no_grad():
            ref = model(*(torch.from_numpy(a) for a in (tokens, positions, meters, styles, h, c)))
        for a, b in zip(ours, ref):
            np.testing.assert_allclose(a, b.numpy(), atol=1e-4, rtol=0)


def test_transposition_moves_only_notes():
    enc = ENC.encode_notes([(0, 240, 60), (480, 240, 64)], 1920)
    up = ENC.transpose(enc.tokens, 3)
    assert [n[2] for n in ENC.decode(up)] == [63, 67]
    assert up[0] == ENC.START and up[2] == enc.tokens[2]


def test_split_is_deterministic_and_roughly_90_5_5():
    ids = [f"tune-{i}" for i in range(4000)]
    splits = [split_of(i) for i in ids]
    assert splits == [split_of(i) for i in ids]
    assert 0.87 < splits.count("train") / 4000 < 0.93
    assert splits.count("test") > 120 and splits.count("valid") > 120


def test_train_exports_a_loadable_model_and_resumes(records, tmp_path, capsys):
    cfg = TrainConfig(**TINY, batch_size=4, max_len=48, max_epochs=1, max_steps=0, threads=1)
    card = train(records, tmp_path, cfg, {"name": "tiny"}, log=print)
    assert card["training"]["epochs"] == 1
    lines = [json.loads(x) for x in (tmp_path / "metrics.jsonl").read_text().splitlines()]
    assert len(lines) == 1 and lines[0]["valid_loss"] > 0
    cfg.max_epochs = 2
    card = train(records, tmp_path, cfg, {"name": "tiny"}, log=print)
    assert "resuming after epoch 1" in capsys.readouterr().out
    assert card["training"]["epochs"] == 2
    assert len((tmp_path / "metrics.jsonl").read_text().splitlines()) == 2
    model = load_model(tmp_path / "model.onnx")
    assert model.card["sha256"] == card["sha256"] and model.card["parameters"] > 0
    from composer_app.core.melody import Melody

    result = continue_melody(model, Melody.from_notes([(0, 480, 60, 80), (480, 480, 62, 80)]),
                             ContinueOptions(bars=2, variations=2, seed=3))
    assert len(result.variations) == 2


def test_train_command_on_a_folder(chopin_dir, tmp_path):
    from composer_app.cli import main

    folder = tmp_path / "midi"
    folder.mkdir()
    for name in ["chpn-p7_format0.mid", "chpn-p20_format0.mid", "chpn-p9_format0.mid", "chpn-p1_format0.mid"]:
        (folder / name).write_bytes((chopin_dir / name).read_bytes())
    (folder / "broken.mid").write_bytes(b"MThd garbage")
    out = tmp_path / "out"
    code = main(["train", str(folder), "--out", str(out), "--epochs", "1", "--hidden", "32", "--embedding", "16",
                 "--batch-size", "4", "--threads", "1"])
    assert code == 0
    assert (out / "model.onnx").exists() and (out / "model.json").exists()
    trained = load_model(out / "model.onnx")
    assert trained.encoding.vocab_size == MelodyEncoding(fill=True).vocab_size and trained.can_fill  # version 3


def test_train_on_a_missing_folder_is_one_clear_line(tmp_path, capsys):
    from composer_app.cli import main

    assert main(["train", str(tmp_path / "nothing"), "--out", str(tmp_path / "o")]) == 2
    assert "no such folder" in capsys.readouterr().err


def _card_with(path, **changes):
    card = json.loads(path.read_text())
    for dotted, value in changes.items():
        node = card
        *parents, last = dotted.split(".")
        for key in parents:
            node = node[key]
        node[last] = value
    path.write_text(json.dumps(card))


def test_a_version_1_model_still_loads_and_continues(records, tmp_path):
    """A joint model without the style input, with a version 1 card, is what earlier releases shipped."""
    cfg = TrainConfig(**TINY, output="joint", style_dim=0, batch_size=4, max_len=48, max_epochs=1, threads=1)
    train(records, tmp_path, cfg, {"name": "v1"}, log=lambda *_: None)
    _card_with(tmp_path / "model.json", **{"encoding.version": 1})
    model = load_model(tmp_path / "model.onnx")
    assert not model.has_styles and model.styles == ()
    from composer_app.core.melody import Melody

    r = continue_melody(model, Melody.from_notes([(0, 480, 60, 80), (480, 480, 62, 80)]),
                        ContinueOptions(bars=2, variations=2, seed=3, style="dance", end_on="tonic"))
    assert all(len(v) > 0 for v in r.variations)
    _card_with(tmp_path / "model.json", **{"encoding.version": 4})
    from composer_app.engine.model import ModelLoadError

    with pytest.raises(ModelLoadError, match="version 4"):
        load_model(tmp_path / "model.onnx")


def test_fine_tuning_starts_from_the_given_models_weights(records, tmp_path):
    base = tmp_path / "base"
    cfg = TrainConfig(**TINY, batch_size=4, max_len=48, max_epochs=2, threads=1)
    card = train(records[:4], base, cfg, {"name": "base"}, log=lambda *_: None)
    assert (base / card["training"]["weights"]).exists()
    tuned = tmp_path / "tuned"
    cfg2 = TrainConfig(**TINY, batch_size=4, max_len=48, max_epochs=1, max_steps=1, lr=1e-9, threads=1,
                       init_from=str(base / "model.onnx"))
    card2 = train(records[:4], tuned, cfg2, {"name": "tuned"}, log=lambda *_: None)
    assert card2["training"]["started_from"]["sha256"] == card["sha256"]
    with np.load(base / "model.weights.npz") as a, np.load(tuned / "model.weights.npz") as b:
        # one step at a vanishing learning rate: the weights are the base model's
        assert set(a.files) == set(b.files)
        assert max(float(np.abs(a[k] - b[k]).max()) for k in a.files) < 1e-4
    (base / "model.weights.npz").write_bytes(b"not a zip")
    from composer_app.training.train import TrainingError

    with pytest.raises(TrainingError, match="do not match"):
        train(records[:4], tmp_path / "t2", cfg2, {"name": "t2"}, log=lambda *_: None)


def test_two_ddp_processes_on_cpu_agree_and_learn(chopin_dir, tmp_path):
    """`train --nproc 2`: two gloo workers through torch.distributed.run; same weights on both, loss falls."""
    import subprocess
    import sys

    folder = tmp_path / "midi"
    folder.mkdir()
    for f in sorted(chopin_dir.glob("chpn-p*.mid"))[:10]:
        (folder / f.name).write_bytes(f.read_bytes())
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "composer_app.cli", "train", str(folder), "--out", str(out), "--nproc", "2",
                        "--epochs", "6", "--hidden", "32", "--embedding", "16", "--batch-size", "4", "--threads", "1"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "2 processes (gloo)" in r.stdout and "weights identical on all 2 processes" in r.stdout
    rows = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()]
    assert len(rows) == 6 and all(row["processes"] == 2 for row in rows)
    assert rows[-1]["valid_loss"] < rows[0]["valid_loss"] and rows[-1]["train_loss_all_ranks"] < rows[0]["train_loss_all_ranks"]
    assert load_model(out / "model.onnx").card["training"]["hardware"].endswith("2 processes")


ENC3 = MelodyEncoding(fill=True)


def test_a_gap_to_fill_reads_what_follows_then_fills_exactly(records):
    """Version 3 training windows: AFTER, the tokens after the gap, then the window through the gap; the
    remaining input counts the gap down to the last token, and every target inside the gap fits it."""
    from composer_app.core.encoding import remaining_bucket
    from composer_app.training.data import fill_example

    rng = np.random.default_rng(5)
    dur = ENC3.token_duration()
    melodies = encode_records(ENC3, records)
    orders = [ENC3, MelodyEncoding(fill=True, fill_order="psm"), MelodyEncoding(fill=True, fill_order="spm")]
    for trial in range(450):
        encoding = orders[trial % 3]
        enc = melodies[int(rng.integers(len(melodies)))]
        n = len(enc.tokens)
        s = int(rng.integers(0, max(1, n - 80)))
        made = fill_example(encoding, enc.tokens, enc.positions, s, min(n, s + 80), rng)
        tokens, positions, remaining, targets = made
        assert ENC3.after in tokens and ENC3.after not in targets and ENC3.START not in targets
        if encoding.fill_order == "spm":
            assert tokens[0] == ENC3.after
        elif encoding.fill_order == "psm":  # the music before, AFTER and what follows, then START at the gap
            assert tokens[0] != ENC3.after and tokens[len(tokens) - sum(1 for r in remaining if r > 0)] == ENC3.START
        else:  # psmr: the same, then START and the last tokens before the gap read again, not scored
            first_gap_input = len(tokens) - sum(1 for r in remaining if r > 0)
            start = tokens.index(ENC3.START, tokens.index(ENC3.after))
            again = tokens[start + 1:first_gap_input + 1]
            before = tokens[:tokens.index(ENC3.after)]
            assert 0 < len(again) <= 16 and before[-len(again):] == again
            assert all(t == -100 for t in targets[start - 1:first_gap_input])
            after = tokens.index(ENC3.after)
            assert targets[after - 1] == -100 and (targets[after] != -100 or tokens[after + 1] == ENC3.START)
        gap = [(r, t) for r, t in zip(remaining, targets) if r > 0]
        assert gap, "a gap has at least one token"
        left = sum(int(dur[t]) for _, t in gap)  # the gap's length in steps
        for r, t in gap:
            assert r == remaining_bucket(left) and dur[t] <= left
            left -= int(dur[t])
        assert left == 0
        assert len(tokens) == len(positions) == len(remaining) == len(targets)


def test_a_filling_model_exports_its_remaining_input_and_matches_pytorch(tmp_path, records):
    torch.manual_seed(4)
    model = MelodyLSTM(ENC3.vocab_size, **TINY, output="factorized", style_dim=4, encoding=ENC3,
                       remaining_dim=4).eval()
    export_onnx(model, tmp_path / "m.onnx")
    session = ort.InferenceSession(str(tmp_path / "m.onnx"), providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == ["tokens", "positions", "meters", "styles", "remaining", "h", "c"]
    rng = np.random.default_rng(3)
    tokens = rng.integers(0, ENC3.vocab_size, (3, 9))
    positions, meters = rng.integers(0, 64, (3, 9)), rng.integers(1, 65, (3, 9))
    styles, remaining = rng.integers(0, 5, (3, 9)), rng.integers(0, 80, (3, 9))
    h = rng.standard_normal((2, 3, 32)).astype(np.float32)
    c = rng.standard_normal((2, 3, 32)).astype(np.float32)
    ours = session.run(None, {"tokens": tokens, "positions": positions, "meters": meters, "styles": styles,
                              "remaining": remaining, "h": h, "c": c})
    with torch.no_grad():
        ref = model(*(torch.from_numpy(a) for a in (tokens, positions, meters, styles, h, c)),
                    remaining=torch.from_numpy(remaining))
    for a, b in zip(ours, ref):
        np.testing.assert_allclose(a, b.numpy(), atol=1e-4, rtol=0)
    assert ours[0][..., ENC3.after].max() < -1e3  # AFTER is never predicted
    # and the training loss with gaps is the negative log-likelihood of the exported distribution
    tok, pos, met, sty, tgt, rem = (torch.from_numpy(a) for a in next(batches(
        ENC3, encode_records(ENC3, records), 4, 40, np.random.default_rng(1), False, None, 0.0, fill_rate=1.0)))
    assert (rem > 0).any()
    with torch.no_grad():
        total, count = model.loss(tok, pos, met, sty, tgt, rem)
        logp, _, _ = model(tok, pos, met, sty, *model.initial_state(tok.shape[0]), remaining=rem)
    valid = tgt >= 0
    nll = -logp.gather(-1, tgt.clamp(min=0).unsqueeze(-1)).squeeze(-1)[valid].sum()
    assert abs(total.item() - nll.item()) < 1e-3 * count


def test_a_model_that_only_continues_learns_to_fill_from_where_it_was(records, tmp_path):
    """--from a version 2 model with --learn-to-fill: the grown network (version 3 inputs) continues exactly as
    the model it grew from until training changes it."""
    from composer_app.training.train import load_for_fine_tuning

    cfg = TrainConfig(**TINY, output="factorized", style_dim=4, batch_size=4, max_len=48, max_epochs=1, threads=1)
    train(records, tmp_path / "v2", cfg, {"name": "v2"}, log=lambda *_: None)
    old, _ = load_for_fine_tuning(tmp_path / "v2" / "model.onnx", ENC, 0.0)
    grown, _ = load_for_fine_tuning(tmp_path / "v2" / "model.onnx", ENC3, 0.0, grow_remaining=4)
    assert grown.has_remaining and grown.config["vocab_size"] == ENC3.vocab_size
    rng = np.random.default_rng(0)
    tokens = torch.from_numpy(rng.integers(1, ENC.vocab_size, (2, 12)))
    positions, meters = torch.from_numpy(rng.integers(0, 64, (2, 12))), torch.full((2, 12), 16)
    styles = torch.from_numpy(rng.integers(0, 5, (2, 12)))
    with torch.no_grad():
        a, _, _ = old.eval()(tokens, positions, meters, styles, *old.initial_state(2))
        b, _, _ = grown.eval()(tokens, positions, meters, styles, *grown.initial_state(2),
                               remaining=torch.zeros_like(tokens))
    assert torch.allclose(a, b[..., :ENC.vocab_size], atol=1e-5)
