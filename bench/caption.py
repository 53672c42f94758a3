"""Caption latency per photo at batch 1 on 2 CPU threads, median over 50 Flickr8k photos: the
engine's ONNX graphs against the same generator run eagerly in PyTorch, with the same beam
search, so the ratio is the graphs' alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bench.timing import median_ms
from engine import Describer, ModelError, load_image
from engine.decode import beam_search

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = ROOT.parent / "shared" / "data" / "flickr8k" / "images"
COUNT = 50


def _eager_captioner(describer: Describer, checkpoint: Path):
    """describe(image) with the PyTorch generator in eager mode and the engine's decoding."""
    import torch

    from train.export import load_generator

    torch.set_num_threads(2)
    generator = load_generator(checkpoint)
    bundle = describer.bundle

    def step(tokens, state):
        with torch.no_grad():
            logits, hidden = generator.decoder.step(
                torch.from_numpy(tokens), torch.from_numpy(state["h"]),
                torch.from_numpy(state["features"]), torch.from_numpy(state["pooled"]),
                torch.from_numpy(state["noise"]), torch.from_numpy(state["style"]))
        return logits.numpy(), {"h": hidden.numpy()}

    def describe(image):
        with torch.no_grad():
            features, pooled = generator.encoder(torch.from_numpy(describer.preprocess(image)))
        context = {"features": features.numpy(), "pooled": pooled.numpy()}
        state = describer.start_state(context, bundle.style_id("casual"),
                                      np.zeros((1, bundle.noise_dim), np.float32))
        return beam_search(step, state, describer.tokens, bundle.max_length)

    return describe


def main() -> None:
    try:
        describer = Describer(threads=2, use_gpu=False)
    except ModelError as error:
        print(f"caption latency: not yet ({error})")
        return
    images = [load_image(path) for path in sorted(PHOTOS.glob("*.jpg"))[:COUNT]]
    onnx_ms = median_ms(describer.describe, images)
    print(f"caption latency, ONNX, beam search, batch 1, 2 CPU threads: {onnx_ms:.1f} ms "
          f"(median of {len(images)} photos)")
    checkpoints = sorted((ROOT / "runs").glob("*/bundle.generator.pt"),
                         key=lambda path: path.stat().st_mtime)
    if not checkpoints:
        print("caption latency, PyTorch eager: no generator checkpoint (run 'make train')")
        return
    eager_ms = median_ms(_eager_captioner(describer, checkpoints[-1]), images)
    print(f"caption latency, PyTorch eager ({checkpoints[-1].relative_to(ROOT)}), same "
          f"decoding: {eager_ms:.1f} ms; ONNX is {eager_ms / onnx_ms:.1f}x faster")
