"""The words OCR found on a picture, as the decoder's copy head sees them.

Each word becomes one OCR token: a feature vector (its spelling, as hashed character n-grams,
and where it sits on the picture) and the vocabulary id of its lower-case form. The copy
head can say any of these words as written, the pointer idea of the M4C captioner (TextCaps).
Training (train/) builds the same tokens from the renderer's text through its OCR noise
model, and the engine from real OCR, so this module is the one definition of both.
"""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from engine.ocr import TextBox
from engine.text import split_words

MAX_TOKENS = 80  # in reading order: enough for a dialog or a form, and the start of a page
HASH_BUCKETS = 256
GEOMETRY = 8
FEATURES = HASH_BUCKETS + GEOMETRY


@dataclass(frozen=True)
class OcrWord:
    """One word of a text line: as read (case kept), as the tokenizer writes it, its box
    (its share of the line's width, the line's full height)."""

    text: str
    token: str
    box: tuple[float, float, float, float]


def _sayable(word: str) -> bool:
    """False for words in the CJK and full-width blocks: on the English screens the model
    learnt from, PP-OCR's Chinese alphabet only ever turns up reading icons. False too for
    numbers that are not digits ("①", "²"): PP-OCR reads a browser's site-information icon
    and list bullets so, and copied into a description they are glyphs, not words."""
    return not any("\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af"
                   or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef"
                   or unicodedata.category(c) == "No" for c in word)


def ocr_words(lines: Sequence[TextBox], limit: int = MAX_TOKENS) -> list[OcrWord]:
    """The words of `lines` (already in reading order), at most `limit`; each word's box is
    its share of the line's width, by characters."""
    words: list[OcrWord] = []
    for line in lines:
        x0, y0, x1, y1 = line.box
        width = max(1, len(line.text))
        start = 0
        for word in split_words(line.text):
            at = line.text.find(word, start)
            at = start if at < 0 else at
            start = at + len(word)
            if not _sayable(word):
                continue
            box = (x0 + (x1 - x0) * at / width, y0, x0 + (x1 - x0) * start / width, y1)
            words.append(OcrWord(word, word.lower(), box))
            if len(words) == limit:
                return words
    return words


def _spelling(token: str) -> np.ndarray:
    """Character 1- to 3-grams of the word, hashed into buckets, unit length: words that
    OCR misspells by a letter stay close to the right one."""
    marked = f"<{token}>"
    vector = np.zeros(HASH_BUCKETS, np.float32)
    for n in (1, 2, 3):
        for i in range(len(marked) - n + 1):
            vector[zlib.crc32(marked[i:i + n].encode()) % HASH_BUCKETS] += 1.0
    return vector / np.linalg.norm(vector)


def _geometry(word: OcrWord, size: tuple[int, int]) -> np.ndarray:
    w, h = max(1, size[0]), max(1, size[1])
    x0, y0, x1, y1 = word.box
    return np.array([
        x0 / w, y0 / h, x1 / w, y1 / h,
        20.0 * (y1 - y0) / h,  # text size: titles are big, status bars small
        float(any(c.isdigit() for c in word.text)),
        float(word.text[:1].isupper()),
        float(len(word.text) > 1 and word.text.isupper()),
    ], np.float32)


def ocr_inputs(words: Sequence[OcrWord], size: tuple[int, int],
               vocab_index: Mapping[str, int], unknown: int) -> dict[str, np.ndarray]:
    """The decoder's OCR inputs for one picture: `ocr` (1, M, FEATURES), `ocr_ids` (1, M) and
    `ocr_mask` (1, M). With no words there is one masked slot, so shapes are never empty."""
    count = max(1, len(words))
    features = np.zeros((1, count, FEATURES), np.float32)
    ids = np.zeros((1, count), np.int64)
    mask = np.zeros((1, count), np.float32)
    for j, word in enumerate(words):
        features[0, j, :HASH_BUCKETS] = _spelling(word.token)
        features[0, j, HASH_BUCKETS:] = _geometry(word, size)
        ids[0, j] = vocab_index.get(word.token, unknown)
        mask[0, j] = 1.0
    return {"ocr": features, "ocr_ids": ids, "ocr_mask": mask}
