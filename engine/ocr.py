"""Reading the text on a screen: rapidocr's PP-OCR models, in reading order, junk dropped.

    from engine.ocr import read_text
    boxes = read_text(Image.open("screenshot.png"))   # [TextBox(text, box, score), ...]

Time is bounded: detection runs on a downscaled copy (the longest side at most `det_side`
pixels), the text direction classifier is skipped (screens are upright), onnxruntime gets
`threads` threads, and at most `max_boxes` lines are recognised. Words read run together get
their spaces back (engine.spacing). `python -m engine.ocr IMAGE...` prints the text of
screenshots; `make bench` times it.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from engine.errors import ImageError, OcrError
from engine.spacing import Respacer

log = logging.getLogger(__name__)

# Below this the recogniser is mostly guessing at icon strokes and textures.
MIN_SCORE = 0.65
# A lone letter is far more often an icon (the "i" of an information sign, the "x" of a close
# button) than a word; lone digits are kept, since calculators, calendars and clocks show them.
LONE_LETTER_MIN_SCORE = 0.98
# Detection's longest side. At 960 pixels a 1280x800 screen's small text went unseen (xeyes'
# title; 75% of one- and two-letter lines); at 1120 it reads what full size reads, for about
# 50 ms more than 960 and less than 1280 would cost. Wider screens are scaled down to it.
DET_SIDE = 1120


@dataclass(frozen=True)
class TextBox:
    """One line of text found on the image; `box` is (x0, y0, x1, y1) in image pixels."""

    text: str
    box: tuple[int, int, int, int]
    score: float

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]


class TextReader:
    """The OCR engine and the word counts that put back dropped spaces, loaded once (about
    a second and a half) and reused for every image."""

    def __init__(self, threads: int = 2, det_side: int = DET_SIDE, max_boxes: int = 150,
                 min_score: float = MIN_SCORE) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as error:
            raise OcrError("Reading text needs the rapidocr_onnxruntime package, which is not "
                           "installed. Reinstall Lookaloud with 'make run'.") from error
        try:
            self._ocr = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1,
                                 det_limit_type="max", det_limit_side_len=det_side,
                                 use_cls=False, rec_batch_num=8)
        except Exception as error:  # rapidocr raises its own untyped errors for bad models
            raise OcrError("The text-reading models could not be loaded; they may be damaged. "
                           "Reinstall Lookaloud with 'make run'.") from error
        self.respacer = Respacer()
        self.det_side = det_side
        self.max_boxes = max_boxes
        self.min_score = min_score

    def read(self, image: Image.Image) -> list[TextBox]:
        """Return the lines of text on `image`, junk dropped, in reading order."""
        if image.width < 8 or image.height < 8:
            raise ImageError(f"The picture is too small to read text from "
                             f"({image.width}x{image.height} pixels).")
        # PP-OCR was trained on OpenCV's BGR channel order.
        bgr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
        try:
            quads = self._detect(image, bgr)
            if len(quads) == 0:
                return []
            quads = _largest(quads, self.max_boxes)
            crops = self._ocr.get_crop_img_list(bgr, quads)
            results, _ = self._ocr.text_rec(crops)
        except Exception as error:  # onnxruntime and OpenCV failures surface untyped
            raise OcrError(f"Reading the text failed: {error}") from error
        found = []
        for quad, (text, score) in zip(quads, results, strict=True):
            xs, ys = quad[:, 0], quad[:, 1]
            box = (int(xs.min()), int(ys.min()), int(np.ceil(xs.max())), int(np.ceil(ys.max())))
            found.append(TextBox(self.respacer.line(clean_text(text)), box, round(float(score), 4)))
        return reading_order([b for b in found if not is_junk(b, self.min_score)])


    def _detect(self, image: Image.Image, bgr: np.ndarray) -> np.ndarray:
        """Find the text lines on a copy scaled down to `det_side`; return their corner points
        (N, 4, 2) in the coordinates of the full image, whose pixels the recogniser reads."""
        # rapidocr's own size limit only ever shrinks images over 1500 pixels, so we scale.
        scale = min(1.0, self.det_side / max(image.size))
        if scale < 1.0:
            size = (round(image.width * scale), round(image.height * scale))
            small = image.convert("RGB").resize(size, Image.Resampling.BILINEAR)
            bgr = np.ascontiguousarray(np.asarray(small)[:, :, ::-1])
        quads, _ = self._ocr.text_det(bgr)
        if quads is None or len(quads) == 0:
            return np.zeros((0, 4, 2), np.float32)
        return np.asarray(quads, np.float32) / np.float32(scale)


def _largest(quads: np.ndarray, limit: int) -> np.ndarray:
    """Keep the `limit` tallest boxes: on a crowded screen the big text matters most."""
    if len(quads) <= limit:
        return quads
    heights = quads[:, :, 1].max(axis=1) - quads[:, :, 1].min(axis=1)
    keep = np.sort(np.argsort(-heights, kind="stable")[:limit])
    return quads[keep]


_EDGE_CLUTTER = "|_~`'\"^*•·»«<>[](){}"


def clean_text(text: str) -> str:
    """Drop stray strokes at a line's ends (text cursors, borders, bullets) and extra spaces."""
    text = " ".join(text.split())
    return text.strip(_EDGE_CLUTTER + " ")


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def is_junk(box: TextBox, min_score: float = MIN_SCORE) -> bool:
    """True for boxes that are not text a person would read out: icons, strokes, noise."""
    text = box.text
    if box.score < min_score or not text:
        return True
    letters = sum(_is_word_char(c) for c in text)
    if letters == 0:
        return True
    visible = sum(not c.isspace() for c in text)
    if letters / visible < 0.5:  # "©®|" and the like: more symbols than letters
        return True
    # The PP-OCR models know Chinese; on an English screen a lone CJK glyph is an icon.
    if any("\u2e80" <= c <= "\u9fff" for c in text) and letters <= 2:
        return True
    return len(text) == 1 and not text.isdigit() and box.score < LONE_LETTER_MIN_SCORE


def _same_row(a: TextBox, b: TextBox) -> bool:
    """True when two boxes sit on one text row: their middles within a quarter line."""
    middle_a, middle_b = (a.box[1] + a.box[3]) / 2, (b.box[1] + b.box[3]) / 2
    return abs(middle_a - middle_b) <= 0.25 * max(1, min(a.height, b.height))


def _gaps(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The empty stretches between overlapping 1-D spans, as (start, end), in order."""
    spans = sorted(spans)
    gaps, reach = [], spans[0][1]
    for start, end in spans[1:]:
        if start > reach:
            gaps.append((reach, start))
        reach = max(reach, end)
    return gaps


def _row_split(boxes: list[TextBox]) -> tuple[list[TextBox], list[TextBox]] | None:
    """Split off the top band of lines at the first empty row, if there is one (what is below
    gets its own chance to part into columns); boxes are trimmed by a quarter of their height
    first, since detection boxes of neighbouring lines often touch."""
    def trimmed(b: TextBox) -> tuple[float, float]:
        pad = b.height / 4
        return b.box[1] + pad, b.box[3] - pad

    gaps = _gaps([trimmed(b) for b in boxes])
    if not gaps:
        return None
    cut = gaps[0][0]
    above = [b for b in boxes if sum(trimmed(b)) / 2 <= cut]
    return above, [b for b in boxes if sum(trimmed(b)) / 2 > cut]


def _column_split(boxes: list[TextBox]) -> tuple[list[TextBox], list[TextBox]] | None:
    """Split at the widest empty column, if it is wide and the two sides are separate blocks
    (a sidebar beside a list, two windows) rather than the cells of one form or table."""
    line = statistics.median(b.height for b in boxes)
    gaps = [g for g in _gaps([(b.box[0], b.box[2]) for b in boxes]) if g[1] - g[0] >= 1.5 * line]
    if not gaps:
        return None
    cut = max(gaps, key=lambda g: g[1] - g[0])[0]
    left = [b for b in boxes if b.box[2] <= cut]
    right = [b for b in boxes if b.box[2] > cut]
    # In a form or table, most lines on one side have a partner on the same row on the other;
    # a sidebar or a second window lines up with its neighbour only here and there.
    paired = sum(any(_same_row(a, b) for b in right) for a in left)
    if paired >= 0.5 * min(len(left), len(right)):
        return None
    return left, right


def reading_order(boxes: Sequence[TextBox]) -> list[TextBox]:
    """Order boxes as a person reads a screen: separate blocks (columns, windows side by side)
    one after another, and within a block line by line, left to right. A recursive XY cut:
    each step cuts at the widest empty column that parts two blocks, else below the top
    band of lines; a single row is read left to right."""
    boxes = list(boxes)
    if len(boxes) <= 1:
        return boxes
    split = _column_split(boxes) or _row_split(boxes)
    if split is not None:
        return reading_order(split[0]) + reading_order(split[1])
    return sorted(boxes, key=lambda b: b.box[0])


_reader: TextReader | None = None


def read_text(image: Image.Image, reader: TextReader | None = None) -> list[TextBox]:
    """Return the text lines on `image` in reading order; the default reader is made once."""
    global _reader
    if reader is None:
        if _reader is None:
            _reader = TextReader()
        reader = _reader
    return reader.read(image)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m engine.ocr", description=__doc__)
    parser.add_argument("images", nargs="*", type=Path)
    parser.add_argument("--det-side", type=int, default=DET_SIDE)
    args = parser.parse_args(argv)
    reader = TextReader(det_side=args.det_side)
    for path in args.images:
        print(f"{path.name}:")
        for box in reader.read(Image.open(path)):
            print(f"  {box.text}  {box.box} {box.score:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
