"""Caption latency per photo at batch 1 on 2 CPU threads, median over 50 Flickr8k photos: the
engine's ONNX graphs against the same generator run eagerly in PyTorch, with the same beam
search, so the ratio is the graphs' alone."""

from __future__ import annotations

import filecmp
from pathlib import Path

import numpy as np

from bench.timing import median_ms
from engine import Describer, ModelError, load_image
from engine.decode import beam_search

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = ROOT.parent / "shared" / "data" / "flickr8k" / "images"
COUNT = 50


def _captioner(describer: Describer, encode, step):
    """describe(image): the model's part of a description (encoder, beam search; the OCR a
    copying model also runs is timed by bench/screen.py), with the given graphs."""
    bundle = describer.bundle

    def describe(image):
        context = encode(describer.preprocess(image))
        state = describer.start_state(context, bundle.style_id("casual"),
                                      np.zeros((1, bundle.noise_dim), np.float32))
        return beam_search(step, state, describer.tokens, bundle.max_length)

    return describe


def _eager_parts(checkpoint: Path):
    """encode and step with the PyTorch generator in eager mode."""
    import torch

    from train.export import load_generator

    torch.set_num_threads(2)
    generator = load_generator(checkpoint)

    def encode(pixels):
        with torch.no_grad():
            features, pooled = generator.encoder(torch.from_numpy(pixels))
        return {"features": features.numpy(), "pooled": pooled.numpy()}

    def step(tokens, state):
        """One step, taking the OCR tokens as the engine hands them to its decoder graph:
        already read (and, with the text condition, summarised) once per picture by a
        bundle's reader graph, or raw."""
        if "ocr_tokens" in state:
            decode = generator.decoder.step_read
            text = state.get("ocr_text")
            ocr = [*(torch.from_numpy(state[name])
                     for name in ("ocr_tokens", "ocr_keys", "ocr_ids", "ocr_mask")),
                   None if text is None else torch.from_numpy(text)]
        else:
            decode = generator.decoder.step
            ocr = [torch.from_numpy(state[name]) for name in ("ocr", "ocr_ids", "ocr_mask")
                   if name in state]
        with torch.no_grad():
            logits, hidden = decode(
                torch.from_numpy(tokens), torch.from_numpy(state["h"]),
                torch.from_numpy(state["features"]), torch.from_numpy(state["pooled"]),
                torch.from_numpy(state["noise"]), torch.from_numpy(state["style"]), *ocr)
        return logits.numpy(), {"h": hidden.numpy()}

    return encode, step


def main() -> None:
    try:
        describer = Describer(threads=2, use_gpu=False)
    except ModelError as error:
        print(f"caption latency: not yet ({error})")
        return
    images = [load_image(path) for path in sorted(PHOTOS.glob("*.jpg"))[:COUNT]]
    onnx_ms = median_ms(_captioner(describer, lambda pixels: describer.encoder.run(
        {"image": pixels}), describer.step), images)
    print(f"caption latency, ONNX, beam search, batch 1, 2 CPU threads: {onnx_ms:.1f} ms "
          f"(median of {len(images)} photos)")
    checkpoint = _checkpoint_of(describer.bundle.path)
    if checkpoint is None:
        print("caption latency, PyTorch eager: no PyTorch generator of this bundle in runs/ "
              "(`make train` saves one beside the bundle it builds)")
        return
    try:
        eager = _captioner(describer, *_eager_parts(checkpoint))
    except (RuntimeError, TypeError) as error:  # saved by other model code: weights, settings
        print(f"caption latency, PyTorch eager: {checkpoint.relative_to(ROOT)} does not fit "
              f"the current model code ({str(error).splitlines()[0]})")
        return
    eager_ms = median_ms(eager, images)
    print(f"caption latency, PyTorch eager ({checkpoint.relative_to(ROOT)}), same "
          f"decoding: {eager_ms:.1f} ms; ONNX is {eager_ms / onnx_ms:.1f}x faster")


def _checkpoint_of(bundle_dir: Path) -> Path | None:
    """The PyTorch generator saved beside a training run's copy of this very bundle (its
    encoder and decoder graphs byte for byte: the GAN leaves the encoder as MLE made it), so
    that both sides of the comparison are one model."""
    graphs = ("encoder.onnx", "decoder.onnx")
    for folder in sorted((ROOT / "runs").glob("*/bundle*/")):
        checkpoint = folder.parent / f"{folder.name}.generator.pt"
        if checkpoint.is_file() and all(
                (folder / name).is_file()
                and filecmp.cmp(folder / name, bundle_dir / name, shallow=False)
                for name in graphs):
            return checkpoint
    return None
