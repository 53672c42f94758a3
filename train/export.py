"""ONNX export of a trained generator into a model bundle (encoder graph + one decoder step),
checked against PyTorch; called at the end of training, or `python -m train.export --help`."""

from __future__ import annotations

import argparse
import copy
import json
import logging
import platform
import warnings
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

import numpy as np
import onnx
import torch
from torch import nn

from engine.bundle import FORMAT, FORMAT_VERSION
from engine.ocrtokens import FEATURES as OCR_FEATURES
from engine.ocrtokens import MAX_TOKENS
from train.data import Vocab

log = logging.getLogger(__name__)

OPSET = 17
STATE = "h"  # the decoder's one recurrent state; the engine feeds it back as "h"

FLICKR8K_TERMS = (
    "Trained on Flickr8k (Hodosh, Young and Hockenmaier, JAIR 2013), distributed for research "
    "purposes only; every photo remains the property of its Flickr owner. This model carries "
    "those terms."
)
USER_DATA_TERMS = "Trained on data supplied by the user, under the terms of that data."


class EncoderGraph(nn.Module):
    def __init__(self, generator):
        super().__init__()
        self.encoder = generator.encoder

    def forward(self, image):
        return self.encoder(image)


class ReaderGraph(nn.Module):
    """A picture's OCR tokens read once, before its first word: every step attends over the
    same token vectors and copy keys, and computing them at each step cost more than the
    rest of a screen description's step. With the text condition it also summarises them
    (`ocr_text`), which needs the mask."""

    def __init__(self, generator):
        super().__init__()
        self.decoder = generator.decoder
        self.summarise = generator.config.text_condition

    def forward(self, ocr, ocr_ids, ocr_mask=None):
        tokens, keys, _, _ = self.decoder.read_ocr(ocr, ocr_ids, None, None)
        if not self.summarise:
            return tokens, keys
        return tokens, keys, self.decoder.text_summary(tokens, ocr_mask)


class StepGraph(nn.Module):
    """The engine's argument order: token, noise, style, encoder outputs, OCR tokens as read
    (and summarised, with the text condition), state."""

    def __init__(self, generator):
        super().__init__()
        self.decoder = generator.decoder

    def forward(self, token, noise, style, features, pooled, ocr_tokens, ocr_keys, ocr_ids,
                ocr_mask, *rest):
        *text, h = rest  # (ocr_text, h) with the text condition, else (h,)
        return self.decoder.step_read(token, h, features, pooled, noise, style, ocr_tokens,
                                      ocr_keys, ocr_ids, ocr_mask, text[0] if text else None)


def example_ocr(batch: int, count: int = 3) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """OCR inputs of `count` tokens per row, the last one masked."""
    mask = torch.ones(batch, count)
    mask[:, -1] = 0
    return (torch.rand(batch, count, OCR_FEATURES), torch.full((batch, count), 5), mask)


def example_inputs(generator, batch: int = 2):
    """Example inputs of the encoder, the reader and the decoder step graphs."""
    c = generator.config
    image = torch.rand(batch, 3, c.image_size, c.image_size)
    ocr, ocr_ids, ocr_mask = example_ocr(batch)
    with torch.no_grad():
        features, pooled = generator.encoder(image)
        tokens, keys, _, _ = generator.decoder.read_ocr(ocr, ocr_ids, ocr_mask, features)
        text = [generator.decoder.text_summary(tokens, ocr_mask)] if c.text_condition else []
    step = (
        torch.full((batch,), 1, dtype=torch.long),
        torch.zeros(batch, c.noise_dim),
        torch.zeros(batch, dtype=torch.long),
        features,
        pooled,
        tokens,
        keys,
        ocr_ids,
        ocr_mask,
        *text,
        torch.zeros(batch, c.hidden_dim),
    )
    read = (ocr, ocr_ids, ocr_mask) if c.text_condition else (ocr, ocr_ids)
    return image, read, step


GRAPHS = ("encoder.onnx", "reader.onnx", "decoder.onnx")


def export_onnx(generator, folder: Path) -> None:
    """Write encoder.onnx, reader.onnx and decoder.onnx (dynamic batch and number of OCR
    tokens, opset 17) and check the graphs."""
    model = copy.deepcopy(generator).cpu().eval()
    image, read, step = example_inputs(model)
    batch = {0: "batch"}
    tokens = {0: "batch", 1: "ocr_tokens"}
    text = ["ocr_text"] if model.config.text_condition else []  # the reader's summary
    names = ["token", "noise", "style", "features", "pooled", "ocr_tokens", "ocr_keys",
             "ocr_ids", "ocr_mask", *text, STATE]
    read_names = ["ocr", "ocr_ids", *(["ocr_mask"] if text else [])]
    with warnings.catch_warnings():
        # The TorchScript exporter: the torch.export one cannot yet write a GRU step graph.
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        # Tracing warns about the GRU's shape checks, which hold for every batch size.
        warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
        # It warns that a GRU without its initial state as an input breaks other batch
        # sizes; ours has it ("h"), and the parity test runs other batch sizes.
        warnings.filterwarnings("ignore", message="Exporting a model to ONNX with a batch_size")
        torch.onnx.export(
            EncoderGraph(model),
            (image,),
            folder / "encoder.onnx",
            dynamo=False,
            input_names=["image"],
            output_names=["features", "pooled"],
            dynamic_axes={"image": batch, "features": batch, "pooled": batch},
            opset_version=OPSET,
        )
        torch.onnx.export(
            ReaderGraph(model),
            read,
            folder / "reader.onnx",
            dynamo=False,
            input_names=read_names,
            output_names=["ocr_tokens", "ocr_keys", *text],
            dynamic_axes={**dict.fromkeys([*read_names, "ocr_tokens", "ocr_keys"], tokens),
                          **dict.fromkeys(text, batch)},
            opset_version=OPSET,
        )
        torch.onnx.export(
            StepGraph(model),
            step,
            folder / "decoder.onnx",
            dynamo=False,
            input_names=names,
            output_names=["logits", f"{STATE}_out"],
            dynamic_axes={**{n: batch for n in [*names, f"{STATE}_out"]},
                          **{n: tokens for n in ("ocr_tokens", "ocr_keys", "ocr_ids", "ocr_mask")},
                          "logits": {0: "batch", 1: "vocab_and_copies"}},
            opset_version=OPSET,
        )
    for name in GRAPHS:
        onnx.checker.check_model(onnx.load(folder / name))


def versions() -> dict:
    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "unknown"

    return {
        "lookaloud": version("lookaloud"),
        "torch": torch.__version__,
        "onnx": onnx.__version__,
        "python": platform.python_version(),
    }


def export_bundle(generator, vocab: Vocab, config, folder: Path, data: dict, metrics: dict,
                  shown_words: Sequence[str] = ()) -> Path:
    """The whole bundle: graphs, vocab.json and config.json; returns `folder`.
    `shown_words`: what a description may say only when the picture's text holds it
    (train.shownwords)."""
    folder.mkdir(parents=True, exist_ok=True)
    export_onnx(generator, folder)
    (folder / "vocab.json").write_text(json.dumps(vocab.tokens), encoding="utf-8")
    c = generator.config
    bundle_config = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "image_size": c.image_size,
        "mean": list(c.mean),
        "std": list(c.std),
        # A photo's caption is short; a screen's description, with its text, is longer. Beam
        # search's early stop is bounded by the longest a description may grow, so each
        # kind of picture gets its own bound.
        "max_length": config.data.max_length + 1,
        "noise_dim": c.noise_dim,
        "sample_temperature": config.sample_temperature,
        "styles": list(c.styles),
        "decoder_state": {STATE: c.hidden_dim},
        # The decoder's logits are the vocabulary, then one copy score per OCR token.
        "copy": {"max_tokens": MAX_TOKENS, "features": OCR_FEATURES,
                 "max_length": max(config.data.max_length,
                                   config.screens.max_length if config.screens.count else 0) + 1,
                 "shown_words": list(shown_words)},
        "files": {"encoder": "encoder.onnx", "reader": "reader.onnx", "decoder": "decoder.onnx",
                  "vocab": "vocab.json"},
        "versions": versions(),
        "training": {"recipe": config.name, "seed": config.seed, "data": data},
        "terms": FLICKR8K_TERMS if config.data.source == "flickr8k" else USER_DATA_TERMS,
        "metrics": metrics,
        "model": {
            k: list(v) if isinstance(v, tuple) else v for k, v in vars(c).items() if k != "extra"
        },
    }
    (folder / "config.json").write_text(json.dumps(bundle_config, indent=1), encoding="utf-8")
    torch.save(
        {"model_config": vars(c), "generator": generator.state_dict()},
        folder.parent / f"{folder.name}.generator.pt",
    )
    size = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
    log.info("bundle %s: %.1f MB", folder, size)
    return folder


def load_generator(file: Path):
    """The PyTorch generator saved beside a bundle (`<bundle>.generator.pt`)."""
    from train.model import Generator, ModelConfig

    state = torch.load(file, map_location="cpu", weights_only=False)
    generator = Generator(ModelConfig(**state["model_config"]))
    generator.load_state_dict(state["generator"])
    return generator.eval()


def max_logit_gap(generator, folder: Path, images: torch.Tensor, steps: int = 5) -> float:
    """Largest |logit| difference between PyTorch and onnxruntime over a few greedy steps."""
    import onnxruntime as ort

    model = copy.deepcopy(generator).cpu().eval()
    options = {"providers": ["CPUExecutionProvider"]}
    encoder, reader, decoder = (ort.InferenceSession(str(folder / name), **options)
                                for name in GRAPHS)
    features, pooled = encoder.run(None, {"image": images.numpy()})
    batch = len(images)
    ocr = example_ocr(batch)
    read = {"ocr": ocr[0].numpy(), "ocr_ids": ocr[1].numpy(), "ocr_mask": ocr[2].numpy()}
    ocr_tokens, ocr_keys, *text = reader.run(
        None, {i.name: read[i.name] for i in reader.get_inputs()})
    feeds = {
        "token": np.full(batch, 1, dtype=np.int64),
        "noise": np.zeros((batch, model.config.noise_dim), np.float32),
        "style": np.zeros(batch, np.int64),
        "features": features,
        "pooled": pooled,
        "ocr_tokens": ocr_tokens,
        "ocr_keys": ocr_keys,
        "ocr_ids": ocr[1].numpy(),
        "ocr_mask": ocr[2].numpy(),
        **({"ocr_text": text[0]} if text else {}),
        STATE: np.zeros((batch, model.config.hidden_dim), np.float32),
    }
    gap = 0.0
    with torch.no_grad():
        t_features, t_pooled = model.encoder(images)
        for _ in range(steps):
            logits, state = decoder.run(None, feeds)
            t_logits, _ = model.decoder.step(
                torch.from_numpy(feeds["token"]),
                torch.from_numpy(feeds[STATE]),
                t_features,
                t_pooled,
                torch.from_numpy(feeds["noise"]),
                torch.from_numpy(feeds["style"]),
                *ocr,
            )
            gap = max(gap, float(np.abs(logits - t_logits.numpy()).max()))
            feeds["token"], feeds[STATE] = logits.argmax(-1).astype(np.int64), state
    return gap


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Re-export a bundle from <bundle>.generator.pt with today's export code")
    parser.add_argument("--run", type=Path, required=True, help="training output folder")
    parser.add_argument("--name", default="bundle", help="bundle folder name inside --run")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    from train.config import TrainConfig

    folder = args.run / args.name
    generator = load_generator(args.run / f"{args.name}.generator.pt")
    before = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    recipe = json.loads((args.run / "train_log.json").read_text(encoding="utf-8"))["config"]
    vocab = Vocab(json.loads((folder / "vocab.json").read_text(encoding="utf-8")))
    export_bundle(generator, vocab, TrainConfig.from_dict(recipe), folder,
                  before["training"]["data"], before["metrics"],
                  before["copy"].get("shown_words", ()))
    image, _, _ = example_inputs(generator, 4)
    print(f"re-exported {folder}; largest logit gap {max_logit_gap(generator, folder, image):.2e}")


if __name__ == "__main__":
    main()
