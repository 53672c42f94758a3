"""Putting back the spaces OCR dropped between words: "Lowdiskspace" -> "Low disk space".

PP-OCR reads whole lines of tight or bold type (title bars, headings) with no spaces about
once in twenty times, and drops single spaces now and then ("thebananas"). A speech engine
then spells out or slurs a word no one wrote. Each run-together word is split where the
English word frequencies of the `wordsegment` package (Norvig's counts from the Google
trillion-word corpus, shipped inside the package) make the split far likelier than the word.

Only plain words are touched: lower-case letters, or a capital and lower-case letters, with
at most punctuation around them; a phrase's comma or full stop with no space after it
("side.Please"), or a middle dot between items ("15min·Serves8"); a number run onto the words
it counts ("3ripe", "2.Mash"); and a capitalised word run onto the number after it
("Serves8", "September27", "12March2026"). File names, addresses, ordinals ("1st"), units in
capitals ("128GB", "Neighbor5G"), lower-case names ending in digits ("python3"), CamelCase
names ("CoffeeShop"), capitals ("NASDAQ") and words the counts know well are written as
intended and kept.

    from engine.spacing import Respacer
    Respacer().line("Lowdiskspace")   # "Low disk space"
"""

from __future__ import annotations

import logging
import math
import re

log = logging.getLogger(__name__)

# A candidate: a run of letters, all lower-case after the first, with only punctuation that
# ends or opens a phrase around it. Shorter runs are nearly always real words or names; longer
# ones than a title's few words are not text run together but something else (an encoded
# string, a row of one letter), and the search's time grows with the square of the length.
_CANDIDATE = re.compile(r"^([(\"']?)([A-Za-z][a-z]{4,31})([.,:;!?)\"']*)$")
# A phrase's punctuation with no space after it, between words ("recipe,from", "side.Please");
# a full stop only before a capitalised word, so that "example.com" and "v2.1" are kept.
_JOINED_AT_PUNCTUATION = re.compile(r"(?<=[a-z][a-z])([,;:?!]|\.(?=[A-Z][a-z]))(?=[A-Za-z])")
# A middle dot or bullet between items with no space around it ("15min·Serves8"), as web
# pages set a line of facts: each item is its own word.
_JOINED_AT_SEPARATOR = re.compile(r"(?<=\w)([·•])(?=\w)")
# A web address, path or e-mail address, whose "?" and "," are part of it ("search?q=soup").
_ADDRESS = re.compile(r"[/@=&]|www\.")
# A number with a word run onto it ("3ripe", "1/3cupmeltedbutter", "35min"), and maybe a
# number after the word ("12March2026"): the amount and what it counts. Only letters after
# the number, lower-case after the first: units in capitals ("5G", "128GB", "7:35PM") are
# written so.
_NUMBER_THEN_WORD = re.compile(
    r"^([(\"']?\d+(?:[.,:/]\d+)*)([A-Za-z][a-z]+)(\d+(?:[.,:/]\d+)*)?([.,:;!?)\"']*)$")
# A capitalised word with a number run onto it ("Serves8", "September27", "Photos2023",
# "Prep15min"). Of the 9 such chunks in the OCR of 200 rendered screens, 8 had lost a space;
# the renderer wrote the ninth, "python3", in lower case, as program names are. Letters in
# capitals after the digits make a unit or a name ("Neighbor5G") and keep the chunk whole.
_WORD_THEN_NUMBER = re.compile(
    r"^([(\"']?)([A-Z][a-z]+)(\d+(?:[.,:/]\d+)*(?:[a-z]+)?[.,:;!?)\"']*)$")
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
# A list's number run onto its first word ("2.Mash the bananas").
_NUMBERED_ITEM = re.compile(r"(?<!\S)(\d{1,2}\.)(?=[A-Z][a-z])")
# A split is kept only if each part is at least this common (per billion words), by its
# length: names, jargon and misspellings missing from the counts would otherwise fall apart
# into fragments and suffixes ("Zoltanek" is not "Zoltan ek", nor "sledder" "sled der"). Of
# one letter, only "a" and "I" are words.
MIN_PER_BILLION = {2: 400_000.0, 3: 25_000.0}
MIN_LONGER_PER_BILLION = 100.0
# The counts' rarest words, under this many per billion (a quarter of their 333,000), are as
# often web text run together ("printererror", "skincareproducts") as words ("heartful"). Such
# a word is split when its likeliest split is at most this many times less likely than it:
# run-together text is about as likely as its words, a real word far likelier than its pieces
# ("heartful" 38 times "he artful").
MIN_KNOWN_PER_BILLION = 20.0
SPLIT_LESS_LIKELY_AT_MOST = 3.0


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
        text = _JOINED_AT_SEPARATOR.sub(r" \1 ", text)
        text = " ".join(self._at_punctuation(chunk) for chunk in text.split(" "))
        text = _NUMBERED_ITEM.sub(r"\1 ", text)
        return " ".join(self.word(chunk) for chunk in text.split(" "))

    @staticmethod
    def _at_punctuation(chunk: str) -> str:
        return chunk if _ADDRESS.search(chunk) else _JOINED_AT_PUNCTUATION.sub(r"\1 ", chunk)

    def word(self, chunk: str) -> str:
        number = _NUMBER_THEN_WORD.match(chunk)
        if number is not None:
            return self._number_then_words(*number.groups()) or chunk
        word = _WORD_THEN_NUMBER.match(chunk)
        if word is not None:
            before, letters, rest = word.groups()
            parts = self._common_words(letters)
            return chunk if parts is None else f"{before}{_cut(letters, parts)} {self.word(rest)}"
        match = _CANDIDATE.match(chunk)
        if match is None:
            return chunk
        before, letters, after = match.groups()
        parts = self._common_words(letters)
        if parts is None or len(parts) < 2:
            return chunk
        return before + _cut(letters, parts) + after

    def _number_then_words(self, amount: str, letters: str, number: str | None,
                           after: str) -> str | None:
        """"3 ripe", "1/3 cup melted butter", "12 March 2026"; None where the letters are not
        common words."""
        if letters.lower() in _ORDINAL_ENDINGS:
            return None
        parts = self._common_words(letters)
        if parts is None:
            return None
        return f"{amount} {_cut(letters, parts)}" + (f" {number}" if number else "") + after

    def _common_words(self, letters: str) -> list[str] | None:
        """The likeliest words of `letters`, lower-cased; None unless each is common."""
        parts = self._split(letters.lower())
        return parts if all(self._common(part) for part in parts) else None

    def _split(self, letters: str) -> list[str]:
        """The likeliest words of `letters`, in two or more where it is a rare known word."""
        segmenter = self._segmenter
        if letters not in segmenter.unigrams:
            return segmenter.segment(letters)
        if self._per_billion(letters) >= MIN_KNOWN_PER_BILLION:
            return [letters]
        splits = ([letters[:cut], *segmenter.segment(letters[cut:])]
                  for cut in range(1, len(letters)))
        best = max(splits, key=self._log_likelihood)
        margin = self._log_likelihood([letters]) - self._log_likelihood(best)
        return best if margin <= math.log10(SPLIT_LESS_LIKELY_AT_MOST) else [letters]

    def _log_likelihood(self, words: list[str]) -> float:
        # wordsegment's own score: bigram counts where it has them, a unigram's otherwise.
        previous = ["<s>", *words[:-1]]
        return sum(math.log10(self._segmenter.score(word, before))
                   for word, before in zip(words, previous, strict=True))

    def _common(self, part: str) -> bool:
        if len(part) == 1:
            return part in "ai"
        return self._per_billion(part) >= MIN_PER_BILLION.get(len(part), MIN_LONGER_PER_BILLION)

    def _per_billion(self, word: str) -> float:
        segmenter = self._segmenter
        return segmenter.unigrams.get(word, 0.0) / segmenter.total * 1e9


def _cut(letters: str, parts: list[str]) -> str:
    """`letters` with a space where each of `parts` (its letters lower-cased, in order) ends."""
    pieces, start = [], 0
    for part in parts:
        pieces.append(letters[start : start + len(part)])
        start += len(part)
    return " ".join(pieces)
