"""Rendered screens as training data: rendered once into the cache, described in both
registers by the renderer, and read through the OCR noise model on every use.

The renderer's text is exact; OCR is not. Each time a screen enters a batch its drawn lines
go through `OcrNoise.apply` (dropped, split, merged, misspelt, junk added, as measured
against real OCR), so the copy head learns from words that look like what the engine's
OCR will hand it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import shutil
import string
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from engine.ocr import TextBox
from engine.ocrtokens import OcrWord, ocr_words
from train.imagecache import cached_images

if TYPE_CHECKING:
    from train.ocrnoise import OcrNoise

log = logging.getLogger(__name__)


@dataclass
class RenderedScreens:
    """Screens in corpus order: their pictures at the model's size, drawn text, descriptions."""

    images: np.ndarray  # (N, S, S, 3) uint8
    lines: list[list[tuple[str, tuple[int, int, int, int]]]]  # drawn text and boxes
    sizes: list[tuple[int, int]]
    plain: list[str]
    casual: list[str]
    names: list[str]

    def subset(self, start: int, stop: int) -> RenderedScreens:
        return RenderedScreens(self.images[start:stop], self.lines[start:stop],
                               self.sizes[start:stop], self.plain[start:stop],
                               self.casual[start:stop], self.names[start:stop])


def renderer_version() -> str:
    """A digest of the renderer's code: screens cached by an older renderer are not reused."""
    digest = hashlib.sha1()
    for file in sorted((Path(__file__).parent / "screens").glob("*.py")):
        digest.update(file.read_bytes())
    return digest.hexdigest()[:8]


def render_folder(cache: Path, count: int, seed: int, photo_names: frozenset[str],
                  workers: int) -> Path:
    """The folder of `count` screens rendered with `seed`, rendered on first use only.

    Screens rendered by another version of the renderer are deleted: no run can use them
    again, and each set of 3,000 takes about 13 GB."""
    version = renderer_version()
    for stale in cache.glob("screens-*-*-*"):
        if stale.is_dir() and not stale.name.endswith(f"-{version}"):
            log.info("deleting %s, rendered by another version of the renderer", stale)
            shutil.rmtree(stale)
    folder = cache / f"screens-{seed}-{count}-{version}"
    records = folder / "screens.jsonl"
    if records.is_file() and sum(1 for _ in records.open(encoding="utf-8")) == count:
        return folder
    # Qt only here: a run on photos alone trains where Qt is not installed (a GPU server).
    from train.screens.write import write_screens

    log.info("rendering %d screens into %s", count, folder)
    write_screens(folder, count, seed=seed, workers=workers, photo_names=photo_names)
    return folder


def load_screens(folder: Path, size: int, cache: Path) -> RenderedScreens:
    records = [json.loads(line) for line in
               (folder / "screens.jsonl").read_text(encoding="utf-8").splitlines()]
    images = cached_images([folder / f"{r['name']}.png" for r in records], size, cache)
    return RenderedScreens(
        images=images,
        lines=[[(t["text"], tuple(t["box"])) for t in r["texts"]] for r in records],
        sizes=[tuple(r["size"]) for r in records],
        plain=[r["descriptions"]["plain"] for r in records],
        casual=[r["descriptions"]["casual"] for r in records],
        names=[r["name"] for r in records],
    )


class ScreenReading:
    """OCR words of screen i as the noise model reads it this time."""

    def __init__(self, screens: RenderedScreens, noise: OcrNoise):
        self.screens, self.noise = screens, noise

    def __call__(self, index: int, rng: random.Random) -> tuple[list[OcrWord], tuple[int, int]]:
        boxes = self.noise.apply(self.screens.lines[index], rng)
        return ocr_words(boxes), self.screens.sizes[index]


def photo_reading(rng_share: float, size: int):
    """OCR words for a photo: usually none, sometimes a few stray strings (a sign, a shirt,
    a mis-read texture), as real OCR finds on photos; they match no caption word, so the
    copy head learns to leave such words alone."""

    def read(index: int, rng: random.Random) -> tuple[list[OcrWord], tuple[int, int]]:
        if rng.random() >= rng_share:
            return [], (size, size)
        boxes = []
        for _ in range(rng.randint(1, 4)):
            letters = rng.choice([string.ascii_uppercase, string.ascii_letters, string.digits])
            text = "".join(rng.choice(letters) for _ in range(rng.randint(2, 7)))
            x, y, h = rng.uniform(0, 0.8) * size, rng.uniform(0, 0.9) * size, rng.uniform(4, 20)
            boxes.append(TextBox(text, (int(x), int(y), int(x + h * len(text) * 0.6),
                                        int(y + h)), 0.9))
        return ocr_words(boxes), (size, size)

    return read
