"""Putting back the spaces OCR dropped between words: "Lowdiskspace" -> "Low disk space".

PP-OCR reads whole lines of tight or bold type (title bars, headings) with no spaces about
once in twenty times, and drops single spaces now and then ("thebananas"). A speech engine
then spells out or slurs a word no one wrote. Each run-together word is split where the
English word frequencies of the `wordsegment` package (Norvig's counts from the Google
trillion-word corpus, shipped inside the package) make the split far likelier than the word.

Only plain words are touched: lower-case letters, or a capital and lower-case letters, with
at most punctuation around them. File names, addresses, numbers, CamelCase names
("CoffeeShop"), capitals ("NASDAQ") and words in the list are written as intended and kept.

    from engine.spacing import Respacer
    Respacer().line("Lowdiskspace")   # "Low disk space"
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

# A candidate: a run of letters, all lower-case after the first, with only punctuation that
# ends or opens a phrase around it. Shorter runs are nearly always real words or names.
_CANDIDATE = re.compile(r"^([(\"']?)([A-Za-z][a-z]{5,})([.,:;!?)\"']*)$")
# A split is kept only if each part is at least this common (per billion words): names and
# jargon missing from the counts would otherwise fall apart into rare fragments. Parts of one
# or two letters must be far commoner ("a", "of", "to"), or a name would lose its ending
# ("Zoltanek" is not "Zoltan ek").
MIN_PART_PER_BILLION = 100.0
MIN_SHORT_PART_PER_BILLION = 50_000.0


class Respacer:
    """wordsegment's word counts, loaded once (about a second and 90 MB) and kept."""

    def __init__(self) -> None:
        try:
            from wordsegment import Segmenter
        except ImportError:
            # Text run together is still text: read it as it came rather than not at all.
            log.warning("wordsegment is not installed: words that OCR reads run together "
                        "stay so. Reinstall Lookaloud with 'make run'.")
            self._segmenter = None
            return
        self._segmenter = Segmenter()
        self._segmenter.load()

    def line(self, text: str) -> str:
        """`text` with each run-together word of it split into its words."""
        if self._segmenter is None:
            return text
        return " ".join(self.word(chunk) for chunk in text.split(" "))

    def word(self, chunk: str) -> str:
        match = _CANDIDATE.match(chunk)
        if match is None:
            return chunk
        before, letters, after = match.groups()
        segmenter = self._segmenter
        if letters.lower() in segmenter.unigrams:
            return chunk
        parts = segmenter.segment(letters)
        if len(parts) < 2 or not all(self._common(part) for part in parts):
            return chunk
        # The parts are the letters lower-cased, in order: cut the original where they end.
        pieces, start = [], 0
        for part in parts:
            pieces.append(letters[start : start + len(part)])
            start += len(part)
        return before + " ".join(pieces) + after

    def _common(self, part: str) -> bool:
        segmenter = self._segmenter
        per_billion = segmenter.unigrams.get(part, 0.0) / segmenter.total * 1e9
        least = MIN_SHORT_PART_PER_BILLION if len(part) <= 2 else MIN_PART_PER_BILLION
        return per_billion >= least

