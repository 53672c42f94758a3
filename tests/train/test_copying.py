"""Learning to copy OCR words: copy targets and inputs in batches, the loss that accepts
either way of saying a word."""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
import torch

from engine.ocr import TextBox
from engine.ocrtokens import ocr_words
from train.batches import Batcher, Corpus
from train.data import CaptionedImage, Vocab
from train.loop import caption_loss
from train.model import UNK_ID

STYLES = ("casual", "plain")


def corpus_and_vocab():
    captions = ["a popup asks to delete notes", "a popup asks to delete it"]
    vocab = Vocab.build([captions], min_count=2)  # "notes" and "it" stay unknown
    items = [CaptionedImage(Path("shot.png"), (captions[0],))]
    return Corpus.build(items, [[captions[0]]], vocab, 20), vocab


def reading(index, rng):
    lines = [TextBox("Delete notes?", (10, 10, 120, 30), 0.9),
             TextBox("Yes", (10, 40, 40, 60), 0.9)]
    return ocr_words(lines), (320, 200)


def batcher(corpus, vocab, read):
    images = np.zeros((1, 8, 8, 3), np.uint8)
    return Batcher(corpus, images, vocab, STYLES, (0.5,) * 3, (0.5,) * 3, 0.0, augment=False,
                   rng=random.Random(0), reading=read, flip=False)


def test_words_only_ocr_knows_are_fed_as_copies_and_targets_mark_every_spelling():
    corpus, vocab = corpus_and_vocab()
    b = batcher(corpus, vocab, reading).batch([0])
    v = len(vocab)
    words = ["a", "popup", "asks", "to", "delete", "notes"]
    assert vocab.index.get("notes") is None
    # targets: known words by id, "notes" as <unk>; the copy mask says OCR token 1 spells it
    assert b.targets[0, :6].tolist() == [vocab.index.get(w, vocab.unk) for w in words]
    # OCR tokens: "Delete", "notes", "?", "Yes"
    assert b.copies[0, 4].tolist() == [True, False, False, False]
    assert b.copies[0, 5].tolist() == [False, True, False, False]
    # the next input after "notes" is the copy of OCR token 1, not <unk>
    assert b.inputs[0, 6].item() == v + 1
    assert b.ocr[0].shape == (1, 4, b.ocr[0].shape[2]) and b.ocr[2].sum() == 4
    assert [w.text for w in b.ocr_words[0]] == ["Delete", "notes", "?", "Yes"]


def test_caption_loss_accepts_the_word_said_either_way():
    v = 6
    targets = torch.tensor([3])  # <unk>: only a copy can say it
    copies = torch.tensor([[False, True]])
    by_copy = torch.full((1, v + 2), -10.0)
    by_copy[0, v + 1] = 10.0
    by_unknown = torch.full((1, v + 2), -10.0)
    by_unknown[0, 3] = 10.0
    assert caption_loss(by_copy, targets, copies, 0.0, v) < 1e-3
    assert caption_loss(by_unknown, targets, copies, 0.0, v) > 10
    # a known word spelt by OCR: the vocabulary id and the copy are both right
    known = torch.tensor([5])
    both = torch.full((1, v + 2), -10.0)
    both[0, 5] = both[0, v + 1] = 10.0
    assert caption_loss(both, known, copies, 0.0, v) < 1e-3
    # no OCR at all: plain cross-entropy, smoothing only over the vocabulary
    plain = torch.full((1, v + 1), -10.0)
    plain[0, 5] = 10.0
    plain[0, v] = -1e4  # the masked slot must not blow up the smoothing term
    assert caption_loss(plain, known, None, 0.1, v) < 2.5
    # a target that points at an OCR slot itself
    pointed = torch.full((1, v + 2), -10.0)
    pointed[0, v] = 10.0
    assert caption_loss(pointed, torch.tensor([v]), copies, 0.0, v) < 1e-3


def test_caption_loss_is_the_log_of_the_summed_probability_of_every_right_answer():
    """Against the definition written densely: one mask over all V+M columns."""
    torch.manual_seed(0)
    v, m, k = 30, 5, 64
    logits = torch.randn(k, v + m, requires_grad=True)
    targets = torch.randint(0, v + m, (k,))
    targets[:8] = UNK_ID
    copies = torch.rand(k, m) < 0.3
    right = torch.nn.functional.one_hot(targets, v + m).bool()
    right[:, v:] |= copies
    right[:, UNK_ID] &= ~copies.any(-1)
    logp = torch.log_softmax(logits, -1)
    nll = -torch.logsumexp(logp.masked_fill(~right, -math.inf), -1)
    dense = (0.9 * nll - 0.1 * logp[:, :v].mean(-1)).mean()
    loss = caption_loss(logits, targets, copies, 0.1, v)
    assert torch.allclose(loss, dense)
    assert torch.allclose(*(torch.autograd.grad(x, logits)[0] for x in (loss, dense)))

