"""Caption latency per photo at batch 1 on 2 CPU threads, median over 50 Flickr8k photos: the
engine's ONNX graphs against the same generator run eagerly in PyTorch, with the same beam
search, so the ratio is the graphs' alone; the two take turns, a pass over the photos each.

The bundle holds ONNX graphs only. Where no PyTorch generator of it is in runs/ (a fresh
checkout), the eager side is the bundle's architecture built from its config, untrained:
the time of a forward pass does not depend on the weights' values, and each photo's beam
search runs for exactly as many decoder steps as the ONNX one took on it."""

from __future__ import annotations

import filecmp
from pathlib import Path

import numpy as np

from bench.timing import paired_median_ms
from engine import Describer, ModelError, load_image
from engine.decode import beam_search

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = ROOT.parent / "shared" / "data" / "flickr8k" / "images"
COUNT = 50
PASSES = 3  # over the photos, each side in turn


def _captioner(describer: Describer, encode, step):
    """describe(image, steps=None): the model's part of a description (encoder, beam search;
    the OCR a copying model also runs is timed by bench/screen.py), with the given graphs;
    with `steps`, the beam search runs exactly that many decoder steps."""
    bundle = describer.bundle

    def describe(image, steps: int | None = None):
        context = encode(describer.preprocess(image))
        state = describer.start_state(context, bundle.style_id("casual"),
                                      np.zeros((1, bundle.noise_dim), np.float32))
        if steps is None:
            return beam_search(step, state, describer.tokens, bundle.max_length)
        return beam_search(step, state, describer.tokens, steps, min_length=steps)

    return describe


def _counting(step):
    """`step`, and a list whose last entry counts its calls since the last `count.append(0)`."""
    count = [0]

    def counted(tokens, state):
        count[-1] += 1
        return step(tokens, state)

    return counted, count


def _eager_parts(generator):
    """encode and step with a PyTorch generator in eager mode."""
    import torch

    torch.set_num_threads(2)

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
    photos = list(enumerate(load_image(path) for path in sorted(PHOTOS.glob("*.jpg"))[:COUNT]))
    step, steps = _counting(describer.step)
    onnx = _captioner(describer, lambda pixels: describer.encoder.run({"image": pixels}), step)
    steps_taken: dict[int, int] = {}  # photo -> decoder steps its ONNX beam search took

    def onnx_counted(photo):
        number, image = photo
        steps.append(0)
        caption = onnx(image)
        steps_taken[number] = steps[-1]
        return caption

    checkpoint = _checkpoint_of(describer.bundle.path)
    if checkpoint is None:
        untrained = _captioner(describer, *_eager_parts(_untrained(describer.bundle.config)))

        def eager(photo):
            number, image = photo
            return untrained(image, steps_taken[number])

        which = "the bundle's architecture, untrained: no PyTorch generator of this bundle in runs/"
        how = "as many decoder steps as ONNX"
    else:
        from train.export import load_generator

        try:
            generator = load_generator(checkpoint)
        except (RuntimeError, TypeError) as error:  # saved by other model code
            print(f"caption latency, PyTorch eager: {checkpoint.relative_to(ROOT)} does not "
                  f"fit the current model code ({str(error).splitlines()[0]})")
            return
        trained = _captioner(describer, *_eager_parts(generator))

        def eager(photo):
            return trained(photo[1])

        which, how = checkpoint.relative_to(ROOT), "same decoding"
    onnx_ms, eager_ms = paired_median_ms(onnx_counted, eager, photos, PASSES)
    print(f"caption latency, ONNX, beam search, batch 1, 2 CPU threads: {onnx_ms:.1f} ms "
          f"(median of {len(photos)} photos, {PASSES} passes)")
    print(f"caption latency, PyTorch eager ({which}), {how}, passes in turn with ONNX: "
          f"{eager_ms:.1f} ms; ONNX is {eager_ms / onnx_ms:.1f}x faster")


def _untrained(bundle_config: dict):
    """A generator of the architecture a bundle's config records, with fresh weights."""
    from train.model import Generator, ModelConfig

    return Generator(ModelConfig(**bundle_config["model"])).eval()


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
