"""Lookaloud's trainer: Flickr8k or a user's captions -> a GAN captioner -> a model bundle.

Run `python -m train --config train/configs/default.toml`; see `train/__main__.py`.
Public: `TrainConfig` (a recipe), `train` (run one), `export_bundle` (write a bundle).
"""

from train.config import TrainConfig
from train.export import export_bundle
from train.loop import train

__all__ = ["TrainConfig", "export_bundle", "train"]
