"""A tiny model trained for a few steps on real MIDI files: loss goes down, export agrees with PyTorch."""

import json

import numpy as np
import onnxruntime as ort
import pytest
import torch

from composer_app.core.encoding import MelodyEncoding
from composer_app.engine.generate import ContinueOptions, continue_melody
from composer_app.engine.model import load_model
from composer_app.training.data import batches, encode_records, melodies_from_midi, split_of, transpose_tokens
from composer_app.training.model import MelodyLSTM, export_onnx
from composer_app.training.train import TrainConfig, train

ENC = MelodyEncoding()
TINY = dict(embedding=16, hidden=32, layers=2, dropout=0.0)


@pytest.fixture(scope="module")
def records(chopin_files):
    recs, skipped = melodies_from_midi(chopin_files[:6])
    assert not skipped and len(recs) == 6
    return recs


def test_loss_goes_down_in_a_few_steps(records):
    torch.manual_seed(0)
    model = MelodyLSTM(ENC.vocab_size, **TINY)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    tok, pos, met, tgt = next(batches(ENC, encode_records(ENC, records), 8, 64, None, False))
    losses = []
    for _ in range(30):
        h, c = model.initial_state(tok.shape[0])
        logits, _, _ = model(torch.from_numpy(tok), torch.from_numpy(pos), torch.from_numpy(met), h, c)
        loss = loss_fn(logits.reshape(-1, ENC.vocab_size), torch.from_numpy(tgt).reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.7 * losses[0]


def test_onnx_matches_pytorch(tmp_path):
    torch.manual_seed(1)
    model = MelodyLSTM(ENC.vocab_size, **TINY).eval()
    export_onnx(model, tmp_path / "m.onnx")
    session = ort.InferenceSession(str(tmp_path / "m.onnx"), providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(2)
    for batch, time in ((1, 1), (3, 7), (5, 40)):
        tokens = rng.integers(0, ENC.vocab_size, (batch, time))
        positions = rng.integers(0, 64, (batch, time))
        meters = rng.integers(1, 65, (batch, time))
        h = rng.standard_normal((2, batch, 32)).astype(np.float32)
        c = rng.standard_normal((2, batch, 32)).astype(np.float32)
        ours = session.run(None, {"tokens": tokens, "positions": positions, "meters": meters, "h": h, "c": c})
        with torch.no_grad():
            ref = model(*(torch.from_numpy(a) for a in (tokens, positions, meters, h, c)))
        for a, b in zip(ours, ref):
            np.testing.assert_allclose(a, b.numpy(), atol=1e-4, rtol=0)


def test_transposition_moves_only_notes():
    enc = ENC.encode_notes([(0, 240, 60), (480, 240, 64)], 1920)
    up = transpose_tokens(ENC, enc.tokens, 3)
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
    assert load_model(out / "model.onnx").encoding.vocab_size == ENC.vocab_size


def test_train_on_a_missing_folder_is_one_clear_line(tmp_path, capsys):
    from composer_app.cli import main

    assert main(["train", str(tmp_path / "nothing"), "--out", str(tmp_path / "o")]) == 1
    assert "no such folder" in capsys.readouterr().err
