"""Train a captioner and write its bundle:
`python -m train --config train/configs/default.toml [--resume] [--out DIR] [--from-mle FILE]`,
or on N processes with DistributedDataParallel:
`torchrun --standalone --nproc_per_node=N -m train --config ...`."""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from train.config import TrainConfig
from train.loop import train
from train.memory import keep_freed_memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, required=True, help="a recipe in train/configs/")
    parser.add_argument("--out", type=Path, help="output folder (default: runs/<recipe name>)")
    parser.add_argument("--resume", action="store_true", help="continue from its checkpoint")
    parser.add_argument(
        "--from-mle",
        type=Path,
        metavar="GENERATOR_PT",
        help="skip MLE pretraining: start D pretraining and the GAN from another run's MLE "
        "generator (its bundle-mle.generator.pt), to compare GAN settings on one generator",
    )
    args = parser.parse_args()
    rank = int(os.environ.get("RANK", "0"))
    logging.basicConfig(
        level=logging.INFO if rank == 0 else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    keep_freed_memory()
    config = TrainConfig.load(args.config)
    out = args.out or Path("runs") / config.name
    bundle = train(config, out, resume=args.resume, from_mle=args.from_mle)
    if rank == 0:
        print(bundle)


if __name__ == "__main__":
    main()
