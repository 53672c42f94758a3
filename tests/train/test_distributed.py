"""The trainer under `torchrun --nproc_per_node=2` on the CPU: gloo, DDP, one bundle."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from engine.bundle import load_bundle
from tests.train.fixtures import tiny_recipe, write_recipe
from train.distributed import one_gpu_each

REPO = Path(__file__).resolve().parents[2]


def test_two_processes_train_one_model(tmp_path):
    config = tiny_recipe(tmp_path)
    config.threads = 1  # two processes on two cores
    recipe = write_recipe(config, tmp_path / "recipe.toml")
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--standalone",
        "--nproc_per_node=2",
        "-m",
        "train",
        "--config",
        str(recipe),
        "--out",
        str(out),
    ]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    # A session of its own, so that a hang ends with every worker, not only torchrun.
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, stderr = process.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    assert process.returncode == 0, stderr[-3000:]
    load_bundle(out / "bundle")
    log = json.loads((out / "train_log.json").read_text())
    # 18 training images, 6 per step: each rank takes 9, one step per epoch.
    assert [e["steps"] for e in log["entries"] if e["phase"] == "mle"] == [1, 1]


def test_nccl_only_where_every_process_has_a_gpu_of_its_own():
    assert one_gpu_each(local_world=2, gpus=2)
    assert one_gpu_each(local_world=1, gpus=8)
    assert not one_gpu_each(local_world=2, gpus=1)
    assert not one_gpu_each(local_world=2, gpus=0)
