"""Scoring descriptions of screens: does a description carry the facts a listener needs?

Two sets of screenshots, scored the same way:
- real screens (`/work/shared/data/real-screens`: images/NAME.png and refs.json, whose `must`
  facts and `kind` words are written by hand). This set only measures: never train on it or
  tune anything to its wording;
- rendered screens (`python -m train.screens --count N --out DIR --seed S --workers 2`), whose
  facts come from each record (`rendered_facts`) and which also get CIDEr-D against the
  record's casual and plain descriptions.

A fact is a list of acceptable spellings, found case-insensitively as substrings; fact recall
is the share of an image's facts a description mentions, kind recall the share of images
whose description says what the thing is. Junk glyphs are characters a spoken description
should never hold. `describe` is any callable path -> text, so a model, a template or the OCR
readout (`ocr_readout`) are scored alike. From the command line, through the evaluation:

    python -m train.evaluate --real-screens /work/shared/data/real-screens --baseline-ocr
    python -m train.evaluate --model DIR --rendered-screens DIR --screens-count 200
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable
from pathlib import Path

from engine.images import load_image
from engine.text import is_latin_letter
from train.metrics import caption_scores
from train.screens.words import DASH

# Beyond letters, digits and whitespace: the punctuation of ordinary prose, with its
# typographic forms (curly quotes, en and em dashes, the ellipsis), which speech synthesis
# reads or pauses on. Anything else (box drawing, bullets, "|", "_", "~", "°", "÷") is either
# read out as a symbol name or skipped, so a description should spell it out or leave it out.
PUNCTUATION = frozenset(".,;:!?'\"-()/&%$€£@#+=*…\u2018\u2019\u201c\u201d\u2013\u2014")
WHITESPACE = frozenset(" \t\n\r\u00a0")
DIGITS = frozenset("0123456789")

# What a description may call each window kind, after the words train/screens/describe.py
# uses for it and the way people say it; any other kind is matched by its own name.
KIND_WORDS = {
    "info message": ["message", "popup", "notice", "info", "dialog"],
    "warning": ["warning"],
    "error message": ["error"],
    "question": ["question", "asking", "asks", "wants to know"],
    "text input": ["text box", "text field", "input", "type"],
    "password input": ["password box", "password field", "input"],
    "number input": ["number box", "number field", "input"],
    "progress": ["progress"],
    "login form": ["login", "log in", "sign-in", "sign in", "form"],
    "sign-up form": ["sign-up", "sign up", "registration", "form"],
    "settings": ["settings", "preferences"],
    "file dialog": ["file dialog", "file picker", "choosing a file", "which file"],
    "list dialog": ["list"],
    "slider dialog": ["slider"],
    "form dialog": ["form"],
    "notification": ["notification"],
    "text editor": ["editor", "writing"],
    "terminal": ["terminal", "command line", "command prompt"],
    "table": ["spreadsheet", "table"],
    "email inbox": ["inbox", "mail"],
    "web article": ["article", "news", "headline"],
    "shopping cart": ["cart", "basket"],
    "error page": ["error"],
    "recipe page": ["recipe"],
    "web sign-up page": ["sign-up", "sign up", "registration", "create an account",
                         "make an account", "form"],
    "product page": ["product", "shop"],
    "search results": ["search"],
    "media player": ["player"],
    "image viewer": ["photo", "image", "picture"],
    "bar chart": ["chart", "graph"],
    "line chart": ["chart", "graph"],
    "pie chart": ["chart", "graph"],
    "empty desktop": ["desktop"],
}
SHORT_FACT_WORDS = 4  # longer fact values are sentences, which a description may rephrase


def mentions(text: str, alternatives: list[str]) -> bool:
    """Whether `text` contains one of `alternatives`, ignoring case and runs of spaces."""
    text = " ".join(text.split()).casefold()
    return any(" ".join(a.split()).casefold() in text for a in alternatives)


def fact_recall(text: str, must: list[list[str]]) -> float:
    """The share of the facts in `must` (each a list of alternatives) that `text` mentions;
    1.0 when there is nothing to mention."""
    if not must:
        return 1.0
    return sum(mentions(text, fact) for fact in must) / len(must)


def _allowed(char: str) -> bool:
    if char in PUNCTUATION or char in WHITESPACE or char in DIGITS:
        return True
    # Other scripts (CJK, Greek, fullwidth forms) in an English description are OCR
    # misreadings of icons and strokes.
    return is_latin_letter(char)


# An underscore inside a name ("budget_2024.csv", "CoffeeShop_Guest") is part of what the
# screen says; on its own it is a stroke that OCR read as a glyph.
_NAME_UNDERSCORE = re.compile(r"(?<=[^\W_])_+(?=[^\W_])")


def junk_glyphs(text: str) -> list[str]:
    """The characters of `text` that a spoken description should not contain, each once, in
    the order they first appear."""
    text = _NAME_UNDERSCORE.sub("", text)
    return list(dict.fromkeys(char for char in text if not _allowed(char)))


def _scored(name: str, text: str, must: list[list[str]], kinds: list[str]) -> dict:
    return {"name": name, "text": text, "words": len(text.split()),
            "fact_recall": fact_recall(text, must), "kind_hit": mentions(text, kinds),
            "junk": junk_glyphs(text)}


def _summary(images: list[dict]) -> dict:
    count = len(images)
    return {
        "images": images,
        "fact_recall": sum(i["fact_recall"] for i in images) / count if count else 0.0,
        "kind_recall": sum(i["kind_hit"] for i in images) / count if count else 0.0,
        "median_words": statistics.median(i["words"] for i in images) if count else 0,
        "images_with_junk": sum(bool(i["junk"]) for i in images),
        "count": count,
    }


def score_real(describe: Callable[[Path], str], folder: Path) -> dict:
    """Describe every image that `folder`/refs.json lists and score it against its facts."""
    refs = json.loads((folder / "refs.json").read_text(encoding="utf-8"))
    images = []
    for name, ref in sorted(refs.items()):
        if name.startswith("_"):  # "_about" explains the file
            continue
        text = describe(folder / "images" / f"{name}.png")
        images.append(_scored(name, text, ref["must"], ref["kind"]))
    return _summary(images)


def _title_fact(title: str) -> list[str]:
    """The title, or the part before its first en dash, which names the document rather than
    the program ("report.txt", not "Writer"). A leading "*" marks unsaved changes."""
    title = title.lstrip("*").strip()
    head = title.split(f" {DASH} ")[0]
    return [title] if head == title else [title, head]


def rendered_facts(record: dict) -> tuple[list[list[str]], list[str]]:
    """(facts, kind words) that a description of the rendered screen `record` (a line of
    screens.jsonl) must carry: the front window's title, the buttons its facts list, and
    its other facts that are numbers or short strings; the kind words say what it is."""
    if not record["windows"]:
        return [], KIND_WORDS["empty desktop"]
    front = record["windows"][-1]
    facts = front["facts"]
    must = [_title_fact(front["title"])] if front["title"] else []
    # The buttons are those the window's facts name (a dialog's own OK, Cancel, Replace...),
    # not every button control: a browser's Back and Reload, a player's Next, a calculator's
    # keys are the program's chrome, which a description need not read out.
    values = [str(v) for v in facts.get("buttons", [])]
    values += [" ".join(str(v).split()) for v in facts.values()
               if isinstance(v, int | str) and not isinstance(v, bool)]
    for value in values:
        said = {a.casefold() for fact in must for a in fact}
        if 0 < len(value.split()) <= SHORT_FACT_WORDS and value.casefold() not in said:
            must.append([value])
    return must, KIND_WORDS.get(front["kind"], [front["kind"]])


def score_rendered(describe: Callable[[Path], str], folder: Path,
                   count: int | None = None) -> dict:
    """Describe the first `count` screens (all if None or 0) of `folder`/screens.jsonl; score
    facts, kind and junk as for real screens, and CIDEr-D against the casual and plain
    descriptions of each record."""
    with open(folder / "screens.jsonl", encoding="utf-8") as file:
        records = [json.loads(line) for line in file if line.strip()]
    records = records[:count] if count else records
    images, refs, texts = [], {}, {}
    for record in records:
        name = record["name"]
        text = describe(folder / f"{name}.png")
        images.append(_scored(name, text, *rendered_facts(record)))
        refs[name] = [record["descriptions"]["casual"], record["descriptions"]["plain"]]
        texts[name] = text
    summary = _summary(images)
    summary["cider_d"] = caption_scores(refs, texts)["cider_d"] if records else 0.0
    return summary


def ocr_readout(reader) -> Callable[[Path], str]:
    """The baseline a describer has to beat: every line that `reader` (an
    engine.ocr.TextReader) finds on the picture, in reading order, joined with ". "."""
    def describe(path: Path) -> str:
        return ". ".join(box.text for box in reader.read(load_image(path)))
    return describe
