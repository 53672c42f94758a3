"""A small captioned data set made on the spot: coloured shapes, as CSV and as COCO JSON, and
a tiny training recipe that reads it. Keeps the train tests off the shared data."""

from __future__ import annotations

import json
from pathlib import Path

import torch
from PIL import Image, ImageDraw

from train.config import TrainConfig
from train.data import Vocab
from train.export import export_bundle
from train.model import Generator

COLOURS = {"red": (220, 30, 30), "blue": (30, 30, 220), "green": (30, 180, 30)}
SHAPES = ("square", "circle")


def make_images(folder: Path, count: int = 24) -> list[tuple[str, list[str]]]:
    """`count` pictures of one shape in one colour, five captions each."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(count):
        colour = list(COLOURS)[i % len(COLOURS)]
        shape = SHAPES[(i // len(COLOURS)) % len(SHAPES)]
        image = Image.new("RGB", (40, 40), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        box = (8 + i % 5, 8, 30 + i % 5, 30)
        (draw.rectangle if shape == "square" else draw.ellipse)(box, fill=COLOURS[colour])
        name = f"shape{i:03d}.png"
        image.save(folder / name)
        captions = [
            f"A {colour} {shape} on a white background .",
            f"A {colour} {shape} .",
            f"The picture shows a {colour} {shape} .",
            f"One {colour} {shape} in the middle of a white picture",
            f"A small {colour} {shape} sits on white .",
        ]
        rows.append((name, captions))
    return rows


def write_csv(folder: Path, rows) -> Path:
    file = folder / "captions.csv"
    lines = ["image,caption"] + [f"{name},{c}" for name, captions in rows for c in captions]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def write_coco(folder: Path, rows) -> Path:
    images = [{"id": 100 + i, "file_name": name} for i, (name, _) in enumerate(rows)]
    annotations = [
        {"id": j, "image_id": 100 + i, "caption": c}
        for i, (_, captions) in enumerate(rows)
        for j, c in enumerate(captions, start=len(captions) * i)
    ]
    file = folder / "captions.json"
    file.write_text(json.dumps({"images": images, "annotations": annotations}), encoding="utf-8")
    return file


def tiny_recipe(tmp_path: Path) -> TrainConfig:
    """The tiny recipe, pointed at a fresh shapes data set in `tmp_path`."""
    data = tmp_path / "shapes"
    csv_file = write_csv(data, make_images(data))
    config = TrainConfig.load(Path(__file__).resolve().parents[2] / "train/configs/tiny.toml")
    config.data.source = "csv"
    config.data.path = str(csv_file)
    config.data.cache_dir = str(tmp_path / "cache")
    return config


def write_recipe(config: TrainConfig, file: Path) -> Path:
    """The recipe as TOML, for the command line."""
    lines = []
    top = {k: v for k, v in config.to_dict().items() if not isinstance(v, dict)}
    lines += [f"{k} = {json.dumps(v)}" for k, v in top.items()]
    for section in ("model", "data", "phases"):
        lines.append(f"[{section}]")
        for key, value in getattr(config, section).__dict__.items():
            # TOML has no null: a None field is left out and so keeps its default.
            if key == "extra" or value is None or (key == "vocab_size" and not value):
                continue
            lines.append(
                f"{key} = {json.dumps(list(value) if isinstance(value, tuple) else value)}"
            )
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def untrained_bundle(tmp_path: Path, text_condition: bool, tie_words: bool = False) -> tuple:
    """The tiny recipe's generator, untrained (seed 0) with a 40-word vocabulary, exported to
    `tmp_path/bundle`: (config, vocab, generator, bundle folder). Tied words need the
    embedding as wide as the state."""
    config = tiny_recipe(tmp_path)
    config.model.text_condition = text_condition
    if tie_words:
        config.model.tie_words = True
        config.model.embed_dim = config.model.hidden_dim
    vocab = Vocab.build([[f"word{i}" for i in range(40)]], min_count=1)
    config.model.vocab_size = len(vocab)
    torch.manual_seed(0)
    generator = Generator(config.model).eval()
    folder = export_bundle(generator, vocab, config, tmp_path / "bundle", {}, {})
    return config, vocab, generator, folder
