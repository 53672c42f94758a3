"""Training batches: how many of an image's captions a step trains on."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from train.batches import Batcher, Corpus
from train.data import CaptionedImage, Vocab

STYLES = ("casual", "plain")
CAPTIONS = (
    "a dog runs on grass",
    "a brown dog runs",
    "a dog plays outside",
    "the dog jumps on grass",
    "a dog runs outside on grass",
)


def batcher(captions_per_image: int) -> tuple[Batcher, Vocab]:
    vocab = Vocab.build([list(CAPTIONS)], min_count=1)
    items = [CaptionedImage(Path(f"photo{i}.jpg"), CAPTIONS) for i in range(2)]
    corpus = Corpus.build(items, [list(CAPTIONS)] * 2, vocab, 20)
    images = np.zeros((2, 8, 8, 3), np.uint8)
    return Batcher(corpus, images, vocab, STYLES, (0.5,) * 3, (0.5,) * 3, 0.0, augment=False,
                   rng=random.Random(0), captions_per_image=captions_per_image), vocab


def said(batch, vocab: Vocab, row: int) -> str:
    return " ".join(vocab.tokens[t] for t in batch.targets[row].tolist() if t > vocab.eos)


def test_every_caption_by_default():
    b, vocab = batcher(0)
    batch = b.batch([0, 1])
    assert batch.image_index.tolist() == [0] * 5 + [1] * 5
    assert [said(batch, vocab, row) for row in range(5)] == list(CAPTIONS)


def test_a_few_different_captions_per_image_drawn_afresh_each_step():
    b, vocab = batcher(3)
    drawn = []
    for _ in range(20):
        batch = b.batch([0, 1])
        assert batch.image_index.tolist() == [0, 0, 0, 1, 1, 1]
        first = [said(batch, vocab, row) for row in range(3)]
        assert len(set(first)) == 3 and set(first) <= set(CAPTIONS)
        drawn.append(frozenset(first))
        # the bag of words still holds every caption's words: "brown" is in one caption only
        assert batch.bow[0, vocab.index["brown"]] == 1.0
    assert len(set(drawn)) > 1  # a different three from step to step


def test_asking_for_more_captions_than_an_image_has_gives_them_all():
    b, _ = batcher(8)
    assert b.batch([0]).image_index.tolist() == [0] * 5
