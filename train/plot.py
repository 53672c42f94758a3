"""The training log as a picture: losses and validation metrics per epoch (train_log.png)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: training runs on machines with no display
import matplotlib.pyplot as plt

LOSSES = ("ce", "bow", "screen_ce", "d_loss", "pg", "reward", "cider_reward", "d_prob", "overlap",
          "entropy")
METRICS = ("val_cider", "val_bleu4", "val_distinct")


def plot_log(entries: list[dict], file: Path) -> None:
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for axis, keys, title in (
        (left, LOSSES, "losses and rewards"),
        (right, METRICS, "validation (greedy, plain)"),
    ):
        for key in keys:
            points = [(i + 1, e[key]) for i, e in enumerate(entries) if e.get(key) is not None]
            if points:
                axis.plot(*zip(*points, strict=True), marker="o", label=key)
        axis.set_title(title)
        if keys is LOSSES:
            axis.set_yscale("symlog")  # the bag-of-words sum dwarfs the per-token losses
        axis.set_xlabel("log entry (MLE epoch, D pretraining, GAN round)")
        if axis.lines:
            axis.legend()
    figure.tight_layout()
    figure.savefig(file, dpi=80)
    plt.close(figure)
