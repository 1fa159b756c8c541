"""Write the bundled model's int8 form and name it in its card.

ONNX Runtime's dynamic quantization of the LSTM and MatMul weights (int8, per tensor); the app runs it on the
CPU (engine.model.load_model). Keep it only if the test split's bits per note rise by 0.01 or less:

    python scripts/quantize_model.py
    composer-app evaluate models/test-melodies --json          # the int8 form (what the app runs on a CPU)
    python -c "from composer_app.engine.evaluate import evaluate; ..."  # or evaluate with precision="fp32"
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = ROOT / "models" / "melody-lstm.onnx"
    out = model.with_name("melody-lstm.int8.onnx")
    quantize_dynamic(str(model), str(out), op_types_to_quantize=["LSTM", "MatMul"], weight_type=QuantType.QInt8)
    card_path = model.with_suffix(".json")
    card = json.loads(card_path.read_text())
    card["int8"] = {**card.get("int8", {}), "file": out.name,
                    "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
                    "method": "onnxruntime.quantization.quantize_dynamic: LSTM and MatMul weights as int8"}
    card_path.write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {out.name} ({out.stat().st_size:,} bytes) and its entry in {card_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
