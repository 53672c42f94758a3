"""Training batches: images from the cache, augmented, each with its captions (all, or a few
drawn afresh) in both registers, plus the bag-of-words targets. Used by train/loop.py."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from engine.ocrtokens import OcrWord, ocr_inputs
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
    casual_words: list[list[list[str]]]  # casual captions as tokens: what the copy head matches

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
        casual_words = [[tokenize(c) for c in texts] for texts in casual_texts]
        return cls(plain, casual, bow, references, casual_words)


@dataclass
class Batch:
    images: torch.Tensor  # (B,3,S,S) float, normalised
    inputs: torch.Tensor  # (M,T) <bos> w1 .. wn, padded with 0
    targets: torch.Tensor  # (M,T) w1 .. wn <eos>, padded with 0 (ignored)
    image_index: torch.Tensor  # (M,) which image each caption belongs to
    style: torch.Tensor  # (M,) index into the model's styles
    bow: torch.Tensor  # (B,V)
    image_ids: list[int]  # positions in the corpus
    # Each image's OCR tokens (B,M,F), their word ids (B,M), mask (B,M); None: no OCR at all.
    ocr: tuple[torch.Tensor, torch.Tensor, torch.Tensor] | None = None
    copies: torch.Tensor | None = None  # (C,T,M) bool: target t is OCR token m's word
    ocr_words: list[list[OcrWord]] | None = None  # what each image's OCR tokens say

    def ocr_args(self, device) -> tuple:
        return tuple(t.to(device) for t in self.ocr) if self.ocr is not None else ()


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
        reading: Reading | None = None,
        flip: bool = True,
        captions_per_image: int = 0,
    ):
        self.corpus, self.images, self.vocab = corpus, images, vocab
        self.captions_per_image = captions_per_image  # 0: all of them
        self.mean, self.std = mean, std
        self.casual_share, self.augment, self.rng = casual_share, augment, rng
        self.reading, self.flip = reading, flip
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
                flips[i] = self.flip and self.rng.random() < 0.5
                if flips[i]:
                    out[i] = out[i].flip(-1)
            x = out
        return x, flips

    def batch(self, ids: list[int]) -> Batch:
        images, flips = self.images_for(ids)
        readings = [self.reading(i, self.rng) for i in ids] if self.reading else None
        inputs, targets, index, styles, copies = [], [], [], [], []
        for row, (image, flipped) in enumerate(zip(ids, flips, strict=True)):
            pairs = list(zip(self.corpus.plain[image], self.corpus.casual[image],
                             self.corpus.references[image], self.corpus.casual_words[image],
                             strict=True))
            if 0 < self.captions_per_image < len(pairs):
                pairs = self.rng.sample(pairs, self.captions_per_image)
            for plain, casual, plain_words, casual_words in pairs:
                use_casual = self.rng.random() < self.casual_share
                seq = casual if use_casual else plain
                if flipped:
                    seq = [self.mirror.get(t, t) for t in seq]
                if readings is not None:
                    words = (casual_words if use_casual else plain_words)[: len(seq) - 1]
                    seq, matches = self._copies(seq, words, readings[row][0])
                    copies.append(matches)
                inputs.append([self.vocab.bos, *seq[:-1]])
                targets.append([t if t < len(self.vocab) else self.vocab.unk for t in seq])
                index.append(row)
                styles.append(self.casual_style if use_casual else self.plain_style)
        batch = Batch(
            images,
            pad(inputs),
            pad(targets),
            torch.tensor(index),
            torch.tensor(styles),
            self.corpus.bow[ids],
            list(ids),
        )
        if readings is not None:
            batch.ocr = ocr_batch(readings, self.vocab)
            batch.ocr_words = [words for words, _ in readings]
            batch.copies = _pad_copies(copies, batch.targets.shape[1], batch.ocr[2].shape[1])
        return batch

    def _copies(self, seq: list[int], words: list[str], ocr: list[OcrWord]):
        """The caption's ids with words only OCR knows fed back as copies (id V + m), and
        for each target the OCR tokens that spell it."""
        slots: dict[str, list[int]] = {}
        for m, word in enumerate(ocr):
            slots.setdefault(word.token, []).append(m)
        ids, matches = list(seq), []
        for t, word in enumerate(words):
            found = slots.get(word, [])
            matches.append(found)
            if found and seq[t] == self.vocab.unk:
                ids[t] = len(self.vocab) + found[0]
        return ids, matches


Reading = Callable[[int, random.Random], tuple[list[OcrWord], tuple[int, int]]]


def ocr_batch(readings, vocab: Vocab) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Per image (words, picture size) -> the decoder's OCR inputs, padded to the batch's M."""
    arrays = [ocr_inputs(words, size, vocab.index, vocab.unk) for words, size in readings]
    width = max(a["ocr_mask"].shape[1] for a in arrays)

    def stack(name: str) -> torch.Tensor:
        return torch.from_numpy(np.concatenate([
            np.pad(a[name], [(0, 0), (0, width - a[name].shape[1])] + [(0, 0)] * (a[name].ndim - 2))
            for a in arrays]))

    return stack("ocr"), stack("ocr_ids"), stack("ocr_mask")


def _pad_copies(matches: list[list[list[int]]], length: int, width: int) -> torch.Tensor:
    out = torch.zeros(len(matches), length, width, dtype=torch.bool)
    for row, per_target in enumerate(matches):
        for t, slots in enumerate(per_target):
            out[row, t, slots] = True
    return out

