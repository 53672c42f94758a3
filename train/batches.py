"""Training batches: images from the cache, augmented, each with all its captions in both
registers, plus the bag-of-words targets. Used by train/loop.py."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from engine.text import tokenize
from train.data import CaptionedImage, Vocab

# Words that say nothing about what is in a photo: left out of the bag-of-words targets.
_STOPWORDS = """a an the is are in on of and with at to its it 's his her their while as by for
from into one some there this that , ! ? be being has have looks like"""
STOPWORDS = frozenset(_STOPWORDS.split())


@dataclass
class Corpus:
    """The captions of a set of images, as ids: `plain[i]` and `casual[i]` are lists of id
    lists (each ending with <eos>) for image i; `bow` (N,V) marks the words of its captions."""

    plain: list[list[list[int]]]
    casual: list[list[list[int]]]
    bow: torch.Tensor
    references: list[list[list[str]]]  # plain captions as tokens, for CIDEr-D

    @classmethod
    def build(
        cls,
        items: list[CaptionedImage],
        casual_texts: list[list[str]],
        vocab: Vocab,
        max_length: int,
    ) -> Corpus:
        plain = [[vocab.encode(c, max_length) for c in item.captions] for item in items]
        casual = [[vocab.encode(c, max_length) for c in texts] for texts in casual_texts]
        bow = torch.zeros(len(items), len(vocab))
        skip = {vocab.index[w] for w in STOPWORDS if w in vocab.index} | {0, 1, 2, 3}
        for i, captions in enumerate(plain):
            words = {t for ids in captions for t in ids} - skip
            bow[i, list(words)] = 1.0
        references = [[tokenize(c) for c in item.captions] for item in items]
        return cls(plain, casual, bow, references)


@dataclass
class Batch:
    images: torch.Tensor  # (B,3,S,S) float, normalised
    inputs: torch.Tensor  # (M,T) <bos> w1 .. wn, padded with 0
    targets: torch.Tensor  # (M,T) w1 .. wn <eos>, padded with 0 (ignored)
    image_index: torch.Tensor  # (M,) which image each caption belongs to
    style: torch.Tensor  # (M,) index into the model's styles
    bow: torch.Tensor  # (B,V)
    image_ids: list[int]  # positions in the corpus


def pad(sequences: list[list[int]], value: int = 0) -> torch.Tensor:
    width = max(len(s) for s in sequences)
    out = torch.full((len(sequences), width), value, dtype=torch.long)
    for row, seq in enumerate(sequences):
        out[row, : len(seq)] = torch.tensor(seq, dtype=torch.long)
    return out


def to_tensor(images: np.ndarray, mean, std) -> torch.Tensor:
    """(B,S,S,3) uint8 -> (B,3,S,S) float normalised, as the engine feeds the encoder."""
    x = torch.from_numpy(np.ascontiguousarray(images)).permute(0, 3, 1, 2).float() / 255.0
    return (x - torch.tensor(mean)[:, None, None]) / torch.tensor(std)[:, None, None]


class Batcher:
    """Assembles batches for a list of image ids; augmentation when `augment` is set."""

    def __init__(
        self,
        corpus: Corpus,
        images: np.ndarray,
        vocab: Vocab,
        styles: tuple[str, ...],
        mean,
        std,
        casual_share: float,
        augment: bool,
        rng: random.Random,
    ):
        self.corpus, self.images, self.vocab = corpus, images, vocab
        self.mean, self.std = mean, std
        self.casual_share, self.augment, self.rng = casual_share, augment, rng
        self.plain_style, self.casual_style = styles.index("plain"), styles.index("casual")
        # A mirrored photo has its left and right swapped: so must its captions.
        self.mirror = {
            vocab.index[a]: vocab.index[b]
            for a, b in (("left", "right"), ("right", "left"))
            if a in vocab.index and b in vocab.index
        }

    def images_for(self, ids: list[int]) -> tuple[torch.Tensor, list[bool]]:
        x = to_tensor(self.images[np.asarray(ids)], self.mean, self.std)
        flips = [False] * len(ids)
        if self.augment:
            size = x.shape[-1]
            margin = max(1, size // 12)
            padded = F.pad(x, (margin,) * 4, mode="reflect")
            out = torch.empty_like(x)
            for i in range(len(ids)):
                dy, dx = self.rng.randint(0, 2 * margin), self.rng.randint(0, 2 * margin)
                out[i] = padded[i, :, dy : dy + size, dx : dx + size]
                flips[i] = self.rng.random() < 0.5
                if flips[i]:
                    out[i] = out[i].flip(-1)
            x = out
        return x, flips

    def batch(self, ids: list[int]) -> Batch:
        images, flips = self.images_for(ids)
        inputs, targets, index, styles = [], [], [], []
        for row, (image, flipped) in enumerate(zip(ids, flips, strict=True)):
            for plain, casual in zip(
                self.corpus.plain[image], self.corpus.casual[image], strict=True
            ):
                use_casual = self.rng.random() < self.casual_share
                seq = casual if use_casual else plain
                if flipped:
                    seq = [self.mirror.get(t, t) for t in seq]
                inputs.append([self.vocab.bos, *seq[:-1]])
                targets.append(seq)
                index.append(row)
                styles.append(self.casual_style if use_casual else self.plain_style)
        return Batch(
            images,
            pad(inputs),
            pad(targets),
            torch.tensor(index),
            torch.tensor(styles),
            self.corpus.bow[ids],
            list(ids),
        )
