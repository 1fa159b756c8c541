import json
import shutil

import pytest

from composer_app.engine.model import ModelLoadError, bundled_model_path, card_path_for, load_model


def _copy_bundled(tmp_path):
    src = bundled_model_path()
    dst = tmp_path / "m.onnx"
    shutil.copy(src, dst)
    shutil.copy(card_path_for(src), tmp_path / "m.json")
    return dst


def test_bundled_model_loads_on_cpu(model):
    assert model.provider == "CPUExecutionProvider"
    assert model.encoding.vocab_size == model.card["encoding"]["vocab_size"]
    assert bundled_model_path().stat().st_size < 10 * 1024 * 1024


def test_missing_card(tmp_path):
    path = _copy_bundled(tmp_path)
    (tmp_path / "m.json").unlink()
    with pytest.raises(ModelLoadError, match="model card m.json is missing"):
        load_model(path)


def test_unknown_encoding_version(tmp_path):
    path = _copy_bundled(tmp_path)
    card = json.loads((tmp_path / "m.json").read_text())
    card["encoding"]["version"] = 99
    (tmp_path / "m.json").write_text(json.dumps(card))
    with pytest.raises(ModelLoadError, match="version 99"):
        load_model(path)


def test_damaged_model_fails_the_checksum(tmp_path):
    path = _copy_bundled(tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelLoadError, match="SHA-256"):
        load_model(path)


def test_non_onnx_file_with_a_matching_card(tmp_path):
    import hashlib

    path = _copy_bundled(tmp_path)
    path.write_bytes(b"this is a text file, not a network")
    card = json.loads((tmp_path / "m.json").read_text())
    card["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (tmp_path / "m.json").write_text(json.dumps(card))
    with pytest.raises(ModelLoadError, match="not an ONNX model"):
        load_model(path)


def test_corrupt_card_and_missing_file(tmp_path):
    path = _copy_bundled(tmp_path)
    (tmp_path / "m.json").write_text("{not json")
    with pytest.raises(ModelLoadError, match="not valid JSON"):
        load_model(path)
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_model(tmp_path / "none.onnx")


def test_a_different_network_is_refused(tmp_path):
    import hashlib

    from composer_app.engine.bench import seed_method_model

    path = _copy_bundled(tmp_path)
    seed_method_model(path, vocab=10)
    card = json.loads((tmp_path / "m.json").read_text())
    card["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (tmp_path / "m.json").write_text(json.dumps(card))
    with pytest.raises(ModelLoadError, match="inputs are not the melody step model"):
        load_model(path)


def test_external_data_is_refused(tmp_path):
    import hashlib

    import onnx

    src = _copy_bundled(tmp_path)
    proto = onnx.load(str(src))
    ext = tmp_path / "ext.onnx"
    onnx.save_model(proto, str(ext), save_as_external_data=True, all_tensors_to_one_file=True, location="weights.bin",
                    size_threshold=1024)
    card = json.loads((tmp_path / "m.json").read_text())
    card["sha256"] = hashlib.sha256(ext.read_bytes()).hexdigest()
    (tmp_path / "ext.json").write_text(json.dumps(card))
    with pytest.raises(ModelLoadError, match="external data"):
        load_model(ext)


def test_the_provider_in_use_is_reported(model):
    from composer_app.engine.model import cuda_usable

    assert model.provider == "CPUExecutionProvider"  # forced
    auto = load_model(bundled_model_path())
    assert auto.provider == auto.session.get_providers()[0]
    if not cuda_usable():  # these machines have no GPU: CUDA must not be claimed
        assert auto.provider == "CPUExecutionProvider"


def test_the_bundled_model_runs_int8_on_the_cpu_and_a_damaged_int8_file_is_refused(tmp_path):
    import numpy as np

    from composer_app.engine.model import bundled_model_path

    int8 = load_model(force_cpu=True)
    full = load_model(force_cpu=True, precision="fp32")
    assert int8.precision == "int8" and full.precision == "fp32"
    from composer_app.engine.bench import bench_seed_phrase

    seed = bench_seed_phrase()  # a real phrase: what each model expects at every step of it
    encoded = full.encoding.encode_notes([(n.tick, n.duration, n.pitch) for n in seed], seed.time_signature.bar_ticks)
    tokens = np.asarray(encoded.tokens, dtype=np.int64)[None, :]
    positions = np.asarray(encoded.positions, dtype=np.int64)[None, :]
    meters = np.full_like(tokens, 16)
    a = int8.run(tokens, positions, meters, *int8.initial_state(1))[0][0].astype(np.float64)
    b = full.run(tokens, positions, meters, *full.initial_state(1))[0][0].astype(np.float64)
    pa, pb = np.exp(a - a.max(1, keepdims=True)), np.exp(b - b.max(1, keepdims=True))
    pa, pb = pa / pa.sum(1, keepdims=True), pb / pb.sum(1, keepdims=True)
    kl = float(np.mean(np.sum(pb * (np.log(pb + 1e-30) - np.log(pa + 1e-30)), axis=1)))
    assert 0 < kl < 0.05 and np.mean(a.argmax(1) == b.argmax(1)) >= 0.9, kl  # the same model, other arithmetic
    for name in ("melody-lstm.onnx", "melody-lstm.json", "melody-lstm.int8.onnx"):
        (tmp_path / name).write_bytes((bundled_model_path().parent / name).read_bytes())
    damaged = bytearray((tmp_path / "melody-lstm.int8.onnx").read_bytes())
    damaged[-100] ^= 0xFF
    (tmp_path / "melody-lstm.int8.onnx").write_bytes(bytes(damaged))
    with pytest.raises(ModelLoadError, match="int8.onnx: the file does not match its model card"):
        load_model(tmp_path / "melody-lstm.onnx", force_cpu=True)
    (tmp_path / "melody-lstm.int8.onnx").unlink()  # copied without it: the full model runs
    assert load_model(tmp_path / "melody-lstm.onnx", force_cpu=True).precision == "fp32"
