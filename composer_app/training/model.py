"""The melody LSTM (PyTorch) and its export to an ONNX step model."""

from __future__ import annotations

import warnings

import torch
from torch import nn

INPUT_NAMES = ["tokens", "positions", "meters", "h", "c"]
OUTPUT_NAMES = ["logits", "h_out", "c_out"]


class MelodyLSTM(nn.Module):
    """Token, bar-position and meter embeddings -> stacked LSTM -> next-token logits."""

    def __init__(self, vocab_size: int, max_position: int = 64, embedding: int = 128, position_dim: int = 16,
                 meter_dim: int = 8, hidden: int = 256, layers: int = 2, dropout: float = 0.2) -> None:
        super().__init__()
        self.config = {"vocab_size": vocab_size, "max_position": max_position, "embedding": embedding,
                       "position_dim": position_dim, "meter_dim": meter_dim, "hidden": hidden,
                       "layers": layers, "dropout": dropout}
        self.token_embedding = nn.Embedding(vocab_size, embedding)
        self.position_embedding = nn.Embedding(max_position, position_dim)
        self.meter_embedding = nn.Embedding(max_position + 1, meter_dim)
        self.lstm = nn.LSTM(embedding + position_dim + meter_dim, hidden, layers, batch_first=True,
                            dropout=dropout if layers > 1 else 0.0)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, vocab_size)
        self.layers, self.hidden = layers, hidden

    def initial_state(self, batch: int, device=None) -> tuple[torch.Tensor, torch.Tensor]:
        shape = (self.layers, batch, self.hidden)
        return torch.zeros(shape, device=device), torch.zeros(shape, device=device)

    def forward(self, tokens, positions, meters, h, c):
        x = torch.cat([self.token_embedding(tokens), self.position_embedding(positions),
                       self.meter_embedding(meters)], dim=-1)
        y, (h_out, c_out) = self.lstm(x, (h, c))
        return self.head(self.dropout(y)), h_out, c_out

    def parameter_count(self) -> int:
        return sum(p.numel() for p in self.parameters())


def export_onnx(model: MelodyLSTM, path, opset: int = 17) -> None:
    """Write the step model: (tokens, positions, meters [B,T] int64; h, c [L,B,H]) -> (logits, h, c)."""
    model = model.eval().cpu()
    b, t = 2, 3
    tokens = torch.ones((b, t), dtype=torch.int64)
    positions = torch.zeros((b, t), dtype=torch.int64)
    meters = torch.full((b, t), 16, dtype=torch.int64)
    h, c = model.initial_state(b)
    dynamic = {"tokens": {0: "batch", 1: "time"}, "positions": {0: "batch", 1: "time"},
               "meters": {0: "batch", 1: "time"}, "h": {1: "batch"}, "c": {1: "batch"},
               "logits": {0: "batch", 1: "time"}, "h_out": {1: "batch"}, "c_out": {1: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        # the warning about LSTM batch sizes does not apply: h and c are explicit inputs
        warnings.filterwarnings("ignore", message="Exporting a model to ONNX with a batch_size", category=UserWarning)
        # the TorchScript exporter is deprecated but needs no onnxscript; the step model is a plain LSTM
        warnings.filterwarnings("ignore", message="You are using the legacy TorchScript-based ONNX export",
                                category=DeprecationWarning)
        warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
        warnings.filterwarnings("ignore", message="The feature will be removed", category=DeprecationWarning)
        torch.onnx.export(model, (tokens, positions, meters, h, c), str(path), input_names=INPUT_NAMES,
                          output_names=OUTPUT_NAMES, dynamic_axes=dynamic, opset_version=opset, dynamo=False)
