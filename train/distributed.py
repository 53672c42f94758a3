"""PyTorch's own data parallelism for `torchrun --nproc_per_node=N python -m train ...`:
nccl with one GPU per process where the machine has enough GPUs, gloo on the CPU otherwise; a
single process when torchrun did not start us."""

from __future__ import annotations

import logging
import os
import random
import warnings
from dataclasses import dataclass

import torch
import torch.distributed as torch_dist
from torch.nn.parallel import DistributedDataParallel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Dist:
    rank: int
    world: int
    device: torch.device

    @property
    def main(self) -> bool:
        return self.rank == 0


def setup() -> Dist:
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world == 1:
        device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        return Dist(0, 1, device)
    local = int(os.environ.get("LOCAL_RANK", "0"))
    local_world = int(os.environ.get("LOCAL_WORLD_SIZE", str(world)))
    gpus = torch.cuda.device_count() if torch.cuda.is_available() else 0
    if one_gpu_each(local_world, gpus):
        torch.cuda.set_device(local)
        torch_dist.init_process_group("nccl")
        device = torch.device("cuda", local)
    else:
        if gpus and local == 0:
            log.warning("%d processes per machine and %d GPUs: training on the CPU with gloo; "
                        "start at most %d processes to train on the GPUs", local_world, gpus, gpus)
        torch_dist.init_process_group("gloo")
        device = torch.device("cpu")
    return Dist(torch_dist.get_rank(), torch_dist.get_world_size(), device)


def one_gpu_each(local_world: int, gpus: int) -> bool:
    """Whether every process on this machine can have a GPU of its own, as nccl needs: two
    processes on one GPU would both ask for a device that is not there."""
    return gpus >= local_world


def teardown(dist: Dist) -> None:
    if dist.world > 1:
        torch_dist.destroy_process_group()


def barrier(dist: Dist) -> None:
    if dist.world > 1:
        torch_dist.barrier()


def agreed_max(value: float, dist: Dist) -> float:
    """The largest `value` over all ranks, so that every rank takes the same decision."""
    if dist.world == 1:
        return value
    tensor = torch.tensor([value], dtype=torch.float64)
    torch_dist.all_reduce(tensor, op=torch_dist.ReduceOp.MAX)
    return float(tensor.item())


def wrap(module: torch.nn.Module, dist: Dist) -> torch.nn.Module:
    if dist.world == 1:
        return module
    # A 1x1 convolution's gradient comes in another memory layout than DDP's bucket: a copy,
    # not an error; the warning would repeat at every step.
    warnings.filterwarnings("ignore", message="Grad strides do not match bucket view strides")
    return DistributedDataParallel(
        module, device_ids=[dist.device.index] if dist.device.index is not None else None
    )


def shard(count: int, dist: Dist, seed: int, epoch: int, batch: int) -> list[list[int]]:
    """This rank's batches of an epoch: one shuffle shared by all ranks, dealt out so that
    every rank takes the same number of steps (DDP needs each step on every rank)."""
    order = list(range(count))
    random.Random(seed * 1000 + epoch).shuffle(order)
    mine = order[dist.rank :: dist.world][: count // dist.world]
    steps = max(1, len(mine) // batch)
    return [mine[i * batch : (i + 1) * batch] for i in range(steps)]
