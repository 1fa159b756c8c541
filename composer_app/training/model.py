"""The melody LSTM (PyTorch) and its export to an ONNX step model.

Two output designs over the same tokens (see docs/model-v2.md for how they were compared):

- "joint" (encoding version 1): one embedding and one logit per NOTE(pitch, length) token;
- "factorized" (version 2): a token is (class, length) where the class is REST, HOLD or a pitch; the input is
  the sum of a class and a length embedding, and the output is P(class) x P(length | class, state), so
  what the model learns about a length is shared by every pitch. Its ONNX step model outputs the joint
  log-probabilities over the same vocabulary, so sampling and constraints do not change.

Both take an optional style input (0 = unknown).
"""

from __future__ import annotations

import warnings

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812

from composer_app.core.encoding import REMAINING_BUCKETS, STYLES, MelodyEncoding

OUTPUT_NAMES = ["logits", "h_out", "c_out"]


class MelodyLSTM(nn.Module):
    """Token (or class + length), bar-position, meter and style embeddings -> stacked LSTM -> next token."""

    def __init__(self, vocab_size: int, max_position: int = 64, embedding: int = 128, position_dim: int = 16,
                 meter_dim: int = 8, hidden: int = 256, layers: int = 2, dropout: float = 0.2,
                 output: str = "joint", style_dim: int = 0, duration_hidden: int = 64,
                 encoding: MelodyEncoding | None = None, remaining_dim: int = 0) -> None:
        super().__init__()
        if output not in ("joint", "factorized"):
            raise ValueError(f"unknown output design {output!r}")
        self.config = {"vocab_size": vocab_size, "max_position": max_position, "embedding": embedding,
                       "position_dim": position_dim, "meter_dim": meter_dim, "hidden": hidden,
                       "layers": layers, "dropout": dropout, "output": output, "style_dim": style_dim,
                       "duration_hidden": duration_hidden, "remaining_dim": remaining_dim}
        self.output = output
        encoding = encoding or MelodyEncoding()
        if encoding.vocab_size != vocab_size:
            raise ValueError("the encoding does not match the vocabulary size")
        if output == "joint":
            self.token_embedding = nn.Embedding(vocab_size, embedding)
            self.head = nn.Linear(hidden, vocab_size)
        else:
            token_class = torch.from_numpy(encoding.token_class())
            token_length = torch.from_numpy(encoding.token_duration())
            self.register_buffer("token_class", token_class, persistent=False)
            self.register_buffer("token_length", token_length, persistent=False)
            # where each token sits in the flattened [class, length] table; PAD and START point anywhere and
            # get a large negative bias (they are never predicted)
            joint_index = (token_class * encoding.max_duration + token_length - 1).clamp(min=0)
            self.register_buffer("joint_index", joint_index, persistent=False)
            never = torch.zeros(vocab_size)
            never[encoding.never_predicted()] = -1e4
            self.register_buffer("never", never, persistent=False)
            self.table_offset = _table_offset(joint_index.numpy(), encoding.never_predicted(),
                                              encoding.num_classes * encoding.max_duration)
            self.num_classes, self.max_length = encoding.num_classes, encoding.max_duration
            self.class_embedding = nn.Embedding(self.num_classes, embedding)
            self.length_embedding = nn.Embedding(self.max_length + 1, embedding)
            self.class_head = nn.Linear(hidden, self.num_classes)
            self.length_state = nn.Linear(hidden, duration_hidden)
            self.length_class = nn.Embedding(self.num_classes, duration_hidden)
            self.length_head = nn.Linear(duration_hidden, self.max_length)
        self.position_embedding = nn.Embedding(max_position, position_dim)
        self.meter_embedding = nn.Embedding(max_position + 1, meter_dim)
        self.style_embedding = nn.Embedding(len(STYLES), style_dim) if style_dim else None
        # version 3: how much of a gap is left (0: not filling one)
        self.remaining_embedding = nn.Embedding(REMAINING_BUCKETS, remaining_dim) if remaining_dim else None
        self.lstm = nn.LSTM(embedding + position_dim + meter_dim + style_dim + remaining_dim, hidden, layers,
                            batch_first=True,
                            dropout=dropout if layers > 1 else 0.0)
        self.dropout = nn.Dropout(dropout)
        self.layers, self.hidden = layers, hidden

    @property
    def has_styles(self) -> bool:
        return self.style_embedding is not None

    @property
    def has_remaining(self) -> bool:
        return self.remaining_embedding is not None

    def initial_state(self, batch: int, device=None) -> tuple[torch.Tensor, torch.Tensor]:
        shape = (self.layers, batch, self.hidden)
        return torch.zeros(shape, device=device), torch.zeros(shape, device=device)

    def token_table(self) -> torch.Tensor:
        """[V, E]: each token's input embedding (the factorized design sums its class's and its length's)."""
        if self.output == "joint":
            return self.token_embedding.weight
        return self.class_embedding(self.token_class) + self.length_embedding(self.token_length)

    def states(self, tokens, positions, meters, styles, h, c, remaining=None, table=None):
        """LSTM outputs [B, T, H] (after dropout) and the new state; `table`: token_table() made once."""
        if table is not None:
            x = F.embedding(tokens, table)
        elif self.output == "joint":
            x = self.token_embedding(tokens)
        else:
            x = self.class_embedding(self.token_class[tokens]) + self.length_embedding(self.token_length[tokens])
        parts = [x, self.position_embedding(positions), self.meter_embedding(meters)]
        if self.style_embedding is not None:
            parts.append(self.style_embedding(styles))
        if self.remaining_embedding is not None:
            parts.append(self.remaining_embedding(remaining if remaining is not None else torch.zeros_like(tokens)))
        y, (h_out, c_out) = self.lstm(torch.cat(parts, dim=-1), (h, c))
        return self.dropout(y), h_out, c_out

    def forward(self, tokens, positions, meters, styles, h, c, targets=None, remaining=None, table=None):
        """Log-probabilities (joint design: logits) over the vocabulary [B, T, V], and the new state; with
        `targets`, the training loss instead (what DDP wraps: its gradient averaging hooks into forward)."""
        if targets is not None:
            return self.loss(tokens, positions, meters, styles, targets, remaining)
        y, h_out, c_out = self.states(tokens, positions, meters, styles, h, c, remaining, table)
        if self.output == "joint":
            return self.head(y), h_out, c_out
        class_lp = F.log_softmax(self.class_head(y), dim=-1)  # [B, T, C]
        g = torch.tanh(self.length_state(y).unsqueeze(2) + self.length_class.weight)  # [B, T, C, Hd]
        length_lp = F.log_softmax(self.length_head(g), dim=-1)  # [B, T, C, L]
        table = (class_lp.unsqueeze(-1) + length_lp).flatten(-2)  # [B, T, C * L]
        if self.table_offset is not None:  # the predicted tokens are one run of the table: slices, no Gather
            o, size, vocab = self.table_offset, table.shape[-1], self.never.shape[0]  # (a Gather over the last
            part = table[..., o:o + vocab]  # axis cost 30 us a step)
            if o + vocab > size:
                part = torch.cat([part, table[..., :o + vocab - size]], dim=-1)
            return part + self.never, h_out, c_out
        return torch.index_select(table, -1, self.joint_index) + self.never, h_out, c_out

    def loss(self, tokens, positions, meters, styles, targets, remaining=None) -> tuple[torch.Tensor, int]:
        """Summed negative log-likelihood (nats) of the targets (-100 = ignore) and how many were scored."""
        h, c = self.initial_state(tokens.shape[0], tokens.device)
        valid = targets >= 0
        count = int(valid.sum())
        if self.output == "joint":
            logits, _, _ = self.forward(tokens, positions, meters, styles, h, c, remaining=remaining)
            return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=-100,
                                   reduction="sum"), count
        y, _, _ = self.states(tokens, positions, meters, styles, h, c, remaining)
        safe = torch.where(valid, targets, torch.zeros_like(targets))
        target_class = self.token_class[safe]
        class_nll = F.cross_entropy(self.class_head(y).reshape(-1, self.num_classes),
                                    torch.where(valid, target_class, -100).reshape(-1), ignore_index=-100,
                                    reduction="sum")
        g = torch.tanh(self.length_state(y) + self.length_class(target_class))
        length_target = torch.where(valid, self.token_length[safe] - 1, -100)
        length_nll = F.cross_entropy(self.length_head(g).reshape(-1, self.max_length), length_target.reshape(-1),
                                     ignore_index=-100, reduction="sum")
        return class_nll + length_nll, count

    def parameter_count(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def weights(self) -> dict[str, np.ndarray]:
        """The parameters as plain float32 arrays (for `--from bundled` fine-tuning; no pickle)."""
        return {k: v.detach().cpu().numpy().astype(np.float32) for k, v in self.state_dict().items()}

    def load_weights(self, arrays: dict[str, np.ndarray]) -> None:
        own = self.state_dict()
        if set(arrays) != set(own) or any(tuple(arrays[k].shape) != tuple(own[k].shape) for k in own):
            raise ValueError("the weights do not fit this network")
        self.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in arrays.items()})


def _table_offset(joint_index: np.ndarray, never: list[int], size: int) -> int | None:
    """o when every token that can be predicted sits at table[(o + token) % size], so the logits are one or
    two slices of the table (the others, never predicted, get -1e4 anyway); None otherwise."""
    predicted = np.setdiff1d(np.arange(len(joint_index)), never)
    if not len(predicted) or len(joint_index) > size:
        return None
    o = int(joint_index[predicted[0]] - predicted[0]) % size
    return o if np.array_equal(joint_index[predicted], (o + predicted) % size) else None


def input_names(model: MelodyLSTM) -> list[str]:
    return (["tokens", "positions", "meters"] + (["styles"] if model.has_styles else [])
            + (["remaining"] if model.has_remaining else []) + ["h", "c"])


class _StepModel(nn.Module):
    """The exported signature: styles only when the model has them."""

    def __init__(self, model: MelodyLSTM) -> None:
        super().__init__()
        self.model = model
        with torch.no_grad():  # one Gather per step instead of two lookups, two gathers and a sum
            self.register_buffer("table", model.token_table().detach().clone(), persistent=False)

    def forward(self, tokens, positions, meters, *rest):
        rest = list(rest)
        styles = rest.pop(0) if self.model.has_styles else None
        remaining = rest.pop(0) if self.model.has_remaining else None
        h, c = rest
        return self.model(tokens, positions, meters, styles, h, c, remaining=remaining, table=self.table)


def export_onnx(model: MelodyLSTM, path, opset: int = 17) -> None:
    """Write the step model: (tokens, positions, meters[, styles] [B,T] int64; h, c [L,B,H]) -> (logits, h, c)."""
    model = model.eval().cpu()
    b, t = 2, 3
    tokens = torch.ones((b, t), dtype=torch.int64)
    positions = torch.zeros((b, t), dtype=torch.int64)
    meters = torch.full((b, t), 16, dtype=torch.int64)
    h, c = model.initial_state(b)
    args = ((tokens, positions, meters) + ((torch.zeros((b, t), dtype=torch.int64),) if model.has_styles else ())
            + ((torch.zeros((b, t), dtype=torch.int64),) if model.has_remaining else ()) + (h, c))
    names = input_names(model)
    dynamic = {name: {0: "batch", 1: "time"} for name in names if name not in ("h", "c")}
    dynamic.update({"h": {1: "batch"}, "c": {1: "batch"}, "logits": {0: "batch", 1: "time"},
                    "h_out": {1: "batch"}, "c_out": {1: "batch"}})
    with torch.no_grad(), warnings.catch_warnings():
        # the warning about LSTM batch sizes does not apply: h and c are explicit inputs
        warnings.filterwarnings("ignore", message="Exporting a model to ONNX with a batch_size", category=UserWarning)
        # the TorchScript exporter is deprecated but needs no onnxscript; the step model is a plain LSTM
        warnings.filterwarnings("ignore", message="You are using the legacy TorchScript-based ONNX export",
                                category=DeprecationWarning)
        warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
        warnings.filterwarnings("ignore", message="The feature will be removed", category=DeprecationWarning)
        torch.onnx.export(_StepModel(model), args, str(path), input_names=names,
                          output_names=OUTPUT_NAMES, dynamic_axes=dynamic, opset_version=opset, dynamo=False)
