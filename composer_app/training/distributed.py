"""Training in several processes with PyTorch's distributed engine (DDP): gloo on CPUs, NCCL on CUDA GPUs.

`composer-app train ... --nproc N` relaunches itself through torch.distributed.run (elastic, standalone) with
N workers on this machine; under an outer `torchrun` (several machines, see docs/training.md) each worker
finds RANK / WORLD_SIZE / LOCAL_RANK in its environment. Every rank builds the same shuffled epoch and takes
every N-th batch (the batches of a DistributedSampler), gradients are averaged by DDP, validation is
summed over ranks, and rank 0 alone writes checkpoints, metrics, logs and the model.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

import torch
import torch.distributed as dist


@dataclass
class Ranks:
    rank: int = 0
    world: int = 1
    local_rank: int = 0
    device: torch.device = torch.device("cpu")

    @property
    def main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return self.world > 1

    def sum(self, *values: float) -> list[float]:
        """Element-wise sums over every rank (identity in one process)."""
        if not self.distributed:
            return list(values)
        t = torch.tensor(values, dtype=torch.float64, device=self.device if self.device.type == "cuda" else "cpu")
        dist.all_reduce(t, op=dist.ReduceOp.SUM)
        return t.tolist()

    def largest(self, value: float) -> float:
        if not self.distributed:
            return value
        t = torch.tensor([value], dtype=torch.float64, device=self.device if self.device.type == "cuda" else "cpu")
        dist.all_reduce(t, op=dist.ReduceOp.MAX)
        return float(t.item())

    def barrier(self) -> None:
        if self.distributed:
            dist.barrier()

    def same_everywhere(self, value: float) -> bool:
        """True when `value` (e.g. a weight checksum) is the same on every rank."""
        if not self.distributed:
            return True
        return self.largest(value) == -self.largest(-value)


def in_worker() -> bool:
    return int(os.environ.get("WORLD_SIZE", "1")) > 1


def setup(device_name: str) -> Ranks:
    """Join the process group when launched as one of several workers; otherwise a single process."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1:
        return Ranks()
    rank, local_rank = int(os.environ["RANK"]), int(os.environ.get("LOCAL_RANK", "0"))
    use_cuda = device_name in ("auto", "cuda") and torch.cuda.is_available()
    if use_cuda:
        torch.cuda.set_device(local_rank)
    if not dist.is_initialized():
        dist.init_process_group("nccl" if use_cuda else "gloo")
    return Ranks(rank, world, local_rank, torch.device(f"cuda:{local_rank}") if use_cuda else torch.device("cpu"))


def teardown() -> None:
    if dist.is_initialized():
        dist.destroy_process_group()


def without_nproc(argv: list[str]) -> list[str]:
    """The arguments minus --nproc N (a worker knows it is one from its environment)."""
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
        elif a == "--nproc":
            skip = True
        elif not a.startswith("--nproc="):
            out.append(a)
    return out


def launch(nproc: int, argv: list[str]) -> int:
    """Run `composer-app ARGV` as `nproc` workers on this machine (torch.distributed.run, standalone)."""
    argv = without_nproc(argv)
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={nproc}",
           "-m", "composer_app.cli", *argv]
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // nproc)))}
    return subprocess.run(cmd, env=env).returncode
