"""Words in and out of the model: the tokenizer training uses and the detokenizer speech uses.

One home for both, so that the vocabulary in a model bundle always means the same thing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

PAD, BOS, EOS, UNK = "<pad>", "<bos>", "<eos>", "<unk>"
SPECIAL_TOKENS = (PAD, BOS, EOS, UNK)

# A sentence never ends on these; decoding forbids stopping after them (the "bad endings" of
# self-critical captioning, ruotianluo/self-critical.pytorch), which short beams otherwise do.
BAD_ENDINGS = frozenset(
    {"a", "an", "the", "in", "for", "at", "of", "with", "before", "after", "on", "upon",
     "near", "to", "is", "are", "am", "and", "or", "its", "their", "his", "her", "'s", ","}
)

# Words and numbers, kept whole across the marks inside what a screen shows ("well-known",
# "IMG_1559.jpg", "8:38", "ben@mail.org", "example.com/join", "C:\\Users"), with a currency
# sign before or a percent sign after ("$5.99", "45%"); the punctuation spoken text keeps; and
# the full stop between two sentences. Split, such a name could not be copied as it reads.
_TOKEN = re.compile(r"[$€£]?[^\W_]+(?:[-'._:@/\\]+[^\W_]+)*%?|[,!?.]")
# Contractions become their own tokens ("it's" -> "it", "'s") so the vocabulary stays small.
_CONTRACTION = re.compile(r"^(.+?)('s|'re|'ve|'ll|'d|'m|n't)$", re.IGNORECASE)
_ATTACHED = {",", "!", "?", ".", "'s", "'re", "'ve", "'ll", "'d", "'m", "n't"}
_SENTENCE_ENDS = (".", "!", "?")


def split_words(text: str) -> list[str]:
    """The tokenizer's tokens with their case kept: what a copied word is spoken as."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text.replace("\u2019", "'")):
        if token == "." and (not tokens or tokens[-1] in (*_SENTENCE_ENDS, ",")):
            continue  # no empty sentences: "...", "Really?." or a leading dot
        match = _CONTRACTION.match(token)
        if match and token.lower() != "'s":
            tokens.extend(part for part in match.groups() if part)
        else:
            tokens.append(token)
    if tokens and tokens[-1] == ".":
        tokens.pop()  # the last full stop is implied: every description ends with one
    return tokens


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens; full stops between sentences and commas are kept, the final
    full stop is dropped."""
    return [token.lower() for token in split_words(text)]


def detokenize(tokens: list[str]) -> str:
    """Join tokens into spoken sentences: capitalised, punctuation attached, a full stop."""
    words: list[str] = []
    for token in tokens:
        if token in SPECIAL_TOKENS:
            continue
        if token in _ATTACHED and words:
            if token in (",", ".") and words[-1][-1:] in (*_SENTENCE_ENDS, ","):
                continue
            words[-1] += token
        elif token not in _ATTACHED:
            if token == "i":  # the vocabulary is lower-case; the pronoun is not ("I think")
                token = "I"
            if words and words[-1].endswith(_SENTENCE_ENDS):
                token = token[:1].upper() + token[1:]
            words.append(token)
    while words and words[-1].endswith(","):
        words[-1] = words[-1][:-1]
    if not words:
        return ""
    sentence = " ".join(words)
    sentence = sentence[0].upper() + sentence[1:]
    if sentence[-1] not in ".!?":
        sentence += "."
    return sentence


def is_latin_letter(char: str) -> bool:
    """A letter of the Latin script, accents included ("Zoë", "café"): on an English screen,
    letters of other scripts are OCR misreadings of icons and strokes."""
    return unicodedata.category(char).startswith("L") and unicodedata.name(
        char, "").startswith("LATIN ")


def read_as_sentences(lines: Iterable[str]) -> str:
    """Text lines read one after another, each closed as a sentence unless it already is."""
    return " ".join(line if line[-1:] in ".!?:;," else line + "." for line in lines)
