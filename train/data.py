"""Captioned images: Flickr8k and a user's COCO-style JSON or `image,caption` CSV, the split
by image, and the vocabulary. Used by the training loop and `python -m train.evaluate`."""

from __future__ import annotations

import csv
import json
import logging
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.ocrtokens import OcrWord
from engine.text import BOS, EOS, PAD, SPECIAL_TOKENS, UNK, tokenize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaptionedImage:
    """One picture and its human captions (the plain register)."""

    path: Path
    captions: tuple[str, ...]


def load_csv(path: str | Path, image_root: str | Path | None = None) -> list[CaptionedImage]:
    """`image,caption` rows, several rows per image allowed; images relative to `image_root`."""
    path = Path(path)
    root = Path(image_root) if image_root else path.parent
    grouped: dict[str, list[str]] = {}
    with open(path, newline="", encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        missing = {"image", "caption"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path.name} needs the columns image and caption; missing: {missing}")
        for row in reader:
            caption = row["caption"].strip()
            if caption:
                grouped.setdefault(row["image"].strip(), []).append(caption)
    return _resolve(grouped, root)


def load_coco(path: str | Path, image_root: str | Path | None = None) -> list[CaptionedImage]:
    """A COCO captions JSON: `images` [{id, file_name}], `annotations` [{image_id, caption}]."""
    path = Path(path)
    root = Path(image_root) if image_root else path.parent
    raw = json.loads(path.read_text(encoding="utf-8"))
    names = {image["id"]: image["file_name"] for image in raw["images"]}
    grouped: dict[str, list[str]] = {}
    for annotation in raw["annotations"]:
        if annotation["image_id"] not in names:
            raise ValueError(
                f"{path.name}: a caption names image id {annotation['image_id']}, "
                "which is not among its images"
            )
        caption = annotation["caption"].strip()
        if caption:
            grouped.setdefault(names[annotation["image_id"]], []).append(caption)
    return _resolve(grouped, root)


def load_flickr8k(folder: str | Path) -> list[CaptionedImage]:
    """The Flickr8k folder: `captions.csv` and `images/`."""
    folder = Path(folder)
    return load_csv(folder / "captions.csv", folder / "images")


def _resolve(grouped: dict[str, list[str]], root: Path) -> list[CaptionedImage]:
    # Sorted by name so that a split with the same seed is the same split on every machine.
    return [CaptionedImage(root / name, tuple(grouped[name])) for name in sorted(grouped)]


def load_source(source: str, path: str | Path, image_root: str = "") -> list[CaptionedImage]:
    loaders = {
        "flickr8k": lambda: load_flickr8k(path),
        "coco": lambda: load_coco(path, image_root or None),
        "csv": lambda: load_csv(path, image_root or None),
    }
    if source not in loaders:
        raise ValueError(f"unknown data source '{source}'; use one of {sorted(loaders)}")
    return loaders[source]()


def split(
    items: list[CaptionedImage], validation_share: float, seed: int
) -> tuple[list[CaptionedImage], list[CaptionedImage]]:
    """Train and validation by image, shuffled with `seed`; validation gets at least one."""
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    count = max(1, round(len(items) * validation_share))
    validation = sorted(order[:count])
    train = sorted(order[count:])
    return [items[i] for i in train], [items[i] for i in validation]


class Vocab:
    """Token <-> id; the special tokens are ids 0..3 in the order the engine expects."""

    def __init__(self, tokens: list[str]):
        assert tuple(tokens[: len(SPECIAL_TOKENS)]) == SPECIAL_TOKENS, "specials must lead"
        self.tokens = list(tokens)
        self.index = {token: i for i, token in enumerate(self.tokens)}
        self.pad, self.bos, self.eos, self.unk = (self.index[t] for t in (PAD, BOS, EOS, UNK))

    @classmethod
    def build(cls, corpora: list[list[str]], min_count: int,
              groups: Sequence[Sequence[str]] = (), min_groups: int = 1) -> Vocab:
        """Words said at least `min_count` times in any one of `corpora` (each register is
        counted apart: a casual rewrite repeats its caption's words, which must not count twice),
        and words used by at least `min_groups` of `groups` (the texts about one thing, such as a
        rendered screen's two descriptions). A screen's template words recur in hundreds of
        screens; the names, sums and files drawn from word lists recur in a few, and the copy
        head reads those off the screen rather than the vocabulary spending a column on each."""
        counts = Counter()
        for texts in corpora:
            counts |= Counter(token for text in texts for token in tokenize(text))
        used_by = Counter(token for texts in groups
                          for token in {t for text in texts for t in tokenize(text)})
        kept = {w for w, c in counts.items() if c >= min_count}
        kept |= {w for w, c in used_by.items() if c >= min_groups}
        # Most frequent first, ties by spelling, so the same texts give the same ids.
        words = sorted(kept, key=lambda w: (-(counts[w] + used_by[w]), w))
        return cls([*SPECIAL_TOKENS, *words])

    def __len__(self) -> int:
        return len(self.tokens)

    def encode(self, text: str, max_length: int) -> list[int]:
        """Ids of the first `max_length` tokens, then <eos>."""
        ids = [self.index.get(token, self.unk) for token in tokenize(text)[:max_length]]
        return [*ids, self.eos]

    def decode(self, ids: list[int], ocr_words: Sequence[OcrWord] = ()) -> list[str]:
        """Words up to <eos>; an id past the vocabulary is the OCR word it points at, as read."""
        words = []
        for i in ids:
            if i == self.eos:
                break
            if i >= len(self.tokens):
                words.append(ocr_words[i - len(self.tokens)].text)
            elif i not in (self.pad, self.bos):
                words.append(self.tokens[i])
        return words
