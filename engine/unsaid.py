"""The picture's own text that its description left out, read after it within a word budget.

The generator says what a picture is and copies the words it judges most telling; what a
dialog says beyond that (the message under its title, a list's other items, a label it
skipped) is often what the user wanted to hear, and the model makes up text where it could
not read ("a notification from downloads download complete" of a backup dialog). So after
the description come the text lines it did not say, as OCR read them: sentences first
(a message, a status), then single labels (a button, a column heading), each whole, until
the description reaches its budget; spoken in reading order. Lines that are no help to
hear in a short description (a lone number, a path or web address, glyphs no English voice
reads) are left to the full detail, which reads all the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from engine.ocr import TextBox
from engine.text import is_latin_letter, read_as_sentences, tokenize

WORD_BUDGET = 45  # words of a short description, as the screens issue asks
# More single labels than this are a keypad, a calendar's days or a toolbar: a list of keys
# is no help in a short description, and the full detail reads them.
MOST_LABELS = 6
INTRODUCTIONS = {"casual": "It also says:", "plain": "Other text:"}

# With the at sign and underscore of e-mail addresses and names ("sam.lee@example.org",
# "CoffeeShop_Guest"); the dashes are en and em.
_PUNCTUATION = set(".,:;!?'\"()[]$€£%&#+-\u2013\u2014/\\@_")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _speakable(line: str) -> bool:
    """Latin letters, digits and everyday punctuation only: other scripts and symbols in an
    English screen's OCR are icons read as glyphs."""
    for char in line:
        if char.isspace() or char.isdigit() or char in _PUNCTUATION:
            continue
        if not is_latin_letter(char):
            return False
    return True


def _address(piece: str) -> bool:
    """A path or web address ("File/tmp/cart.html", "https://example.org/licenses/"): long
    to hear and rarely what a screen is about."""
    return "://" in piece or piece.lower().startswith("www.") or (
        len(piece) >= 12 and ("/" in piece or "\\" in piece))


def _cleaned(text: str) -> str:
    """The line without pieces that hold no letter or digit (a stray "@" or "|" read from an
    icon or a separator)."""
    return " ".join(piece for piece in text.split() if any(c.isalnum() for c in piece))


def _rank(text: str) -> int | None:
    """0 for a sentence-like line (two words or more), 1 for a single label, None for a line
    not worth its words here."""
    if not text or not _speakable(text) or any(_address(p) for p in text.split()):
        return None
    words = _WORD.findall(text)
    if len(words) >= 2 and len(text.split()) >= 2:
        return 0
    if words and max(len(w) for w in words) >= 3:
        return 1
    return None


def _repeated(text: str, others: list[str]) -> bool:
    """Whether a longer line starts as `text` does: a heading again in a tab's title, cut
    short ("Council approves new bik" beside "Council approves new bike lanes")."""
    words = text.lower().split()
    start = " ".join(words[:-1] if len(words) > 2 else words)
    return any(len(other) > len(text) and other.lower().startswith(start) for other in others)


def unsaid_lines(description: str, lines: Sequence[TextBox],
                 budget: int = WORD_BUDGET, introduction_words: int = 3) -> list[str]:
    """The lines of `lines` (in reading order) that `description` did not say, chosen
    sentences first within `budget` words in all, returned in reading order."""
    said = set(tokenize(description))
    room = budget - len(description.split()) - introduction_words
    candidates, seen = [], set()
    for index, line in enumerate(lines):
        text = _cleaned(line.text)
        tokens = [t for t in tokenize(text) if t not in {",", ".", "!", "?"}]
        # Said already: three quarters of its words are in the description (a title the
        # model copied), or the same line came before (a page's heading in its tab).
        if (not tokens or sum(t in said for t in tokens) * 4 >= len(tokens) * 3
                or text.lower() in seen):
            continue
        seen.add(text.lower())
        rank = _rank(text)
        if rank is not None:
            candidates.append((rank, index, text))
    candidates = [c for c in candidates if not _repeated(c[2], [d[2] for d in candidates])]
    if sum(rank == 1 for rank, _, _ in candidates) > MOST_LABELS:
        candidates = [c for c in candidates if c[0] == 0]
    chosen = []
    for _, index, text in sorted(candidates):
        words = len(text.split())
        if words <= room:
            chosen.append((index, text))
            room -= words
    return [text for _, text in sorted(chosen)]


def with_unsaid_text(description: str, lines: Sequence[TextBox], style: str,
                     budget: int = WORD_BUDGET) -> str:
    """`description`, then the text it left out (see `unsaid_lines`), introduced in `style`."""
    introduction = INTRODUCTIONS.get(style, INTRODUCTIONS["plain"])
    extra = unsaid_lines(description, lines, budget, len(introduction.split()))
    if not extra:
        return description
    return f"{description} {introduction} {read_as_sentences(extra)}"
