"""A measured model of real OCR's mistakes, to make the renderer's perfect text look read.

    python -m train.ocrnoise --count 120 [--screens DIR] [--out train/configs/ocr_noise.json]

Training cannot afford real OCR (engine.ocr, about half a second a screen) on every rendered
screen, so it passes the renderer's exact text lines through `OcrNoise.apply`, which drops,
splits, merges and misreads them and adds junk boxes as often as real OCR does. `measure` gets
those rates by aligning real OCR with the drawn lines of rendered screens; the command renders
a sample (seed 4242) unless given a folder, measures it, writes the model with its report as
JSON and prints the statistics.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import math
import random
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from PIL import Image
from tqdm import tqdm

from engine.ocr import TextBox, TextReader, clean_text, is_junk, reading_order

Box = tuple[int, int, int, int]

DEFAULT_PATH = Path(__file__).parent / "configs" / "ocr_noise.json"
RENDER_SEED = 4242
# Lines of at most this many characters (calendar days, chart values, lone letters) are mostly
# missed: detection rarely finds a lone short word, and the engine drops lone letters.
SHORT_LENGTH = 2
# Drawn boxes under this height (in screen pixels) hold text that detection, which works on a
# copy scaled down to engine.ocr.DET_SIDE pixels, often cannot find at all.
SMALL_HEIGHT = 18
# An OCR box belongs to a drawn line when they share this much of the smaller box: drawn boxes
# of buttons and table cells are far wider than their text, OCR boxes a little taller.
MATCH = 0.3
# Lines on one row closer than this many line heights can come back as one box (menu bars,
# a label and its field, panel buttons).
NEAR = 2.0
SCORE = 0.9
# Most confusions kept: the characters OCR misreads far more often than the rest.
CONFUSIONS = 8
SPACELESS_WORDS = 3
JUNK_TEXTS = 20


@dataclass(frozen=True)
class OcrNoise:
    """How real OCR departs from the drawn text; each rate is measured by `measure`, and the
    defaults are only a prior for when no measurement file exists."""

    # Share of characters dropped, apart from the misreadings in `confusions`; with them it
    # adds up to the measured character error rate (edit distance / length) of matched lines.
    char_error: float = 0.015
    split: float = 0.005  # share of lines with a space that come back as two or more boxes
    # Share of lines with SPACELESS_WORDS words or more read with no space at all, one word
    # ("Lowdiskspace"): OCR does so with whole lines of tight or bold type (title bars), far
    # more often than dropping each space alone would.
    spaceless: float = 0.02
    merge: float = 0.06  # share of close same-row neighbour pairs that come back as one box
    junk_per_screen: float = 0.15  # boxes matching no drawn text, after the engine's filter
    miss_short: float = 0.75  # share of lines of SHORT_LENGTH characters or fewer missed
    miss_small: float = 0.3  # share of the other lines under SMALL_HEIGHT pixels missed
    miss_other: float = 0.1  # share of the remaining lines missed
    # character -> (what OCR reads instead, "" when it drops it; share of times it does)
    confusions: dict[str, tuple[str, float]] = field(
        default_factory=lambda: {" ": ("", 0.06), "\u2013": ("-", 0.85)})  # en dash
    junk_texts: tuple[str, ...] = ("Il", "ii", "1l", "oo")  # sampled for junk boxes

    def apply(self, texts: list[tuple[str, Box]], rng: random.Random) -> list[TextBox]:
        """Perfect drawn lines -> what OCR would plausibly return, in reading order."""
        miss = {"short": self.miss_short, "small": self.miss_small, "other": self.miss_other}
        readable = [(text, tuple(box)) for text, box in texts if _readable(text)]
        lines = [(text, box) for text, box in readable if rng.random() >= miss[_size(text, box)]]
        boxes = []
        for text, box in self._merged(lines, rng):
            for part, part_box in self._split(text, box, rng):
                boxes.append(TextBox(clean_text(self._misread(part, rng)), part_box, SCORE))
        boxes += self._junk([box for _, box in readable], rng)
        return reading_order([b for b in boxes if not is_junk(b)])

    def _merged(self, lines: list[tuple[str, Box]], rng: random.Random) -> list[tuple[str, Box]]:
        """Join close same-row neighbours, each pair with chance `merge` (chains make menus)."""
        boxes = [box for _, box in lines]
        group = list(range(len(lines)))

        def root(i: int) -> int:
            while group[i] != i:
                i = group[i]
            return i

        for left, right in _pairs(boxes):
            if rng.random() < self.merge:
                group[root(right)] = root(left)
        members: dict[int, list[int]] = {}
        for i in range(len(lines)):
            members.setdefault(root(i), []).append(i)
        joined = []
        for ids in members.values():
            ids.sort(key=lambda i: boxes[i][0])
            joined.append((" ".join(lines[i][0] for i in ids), _union([boxes[i] for i in ids])))
        return joined

    def _split(self, text: str, box: Box, rng: random.Random) -> list[tuple[str, Box]]:
        """With chance `split`, cut a line at one of its spaces into two boxes."""
        spaces = [i for i, char in enumerate(text) if char == " "]
        if not spaces or rng.random() >= self.split:
            return [(text, box)]
        cut = rng.choice(spaces)
        x = box[0] + round((box[2] - box[0]) * cut / len(text))
        return [(text[:cut], (box[0], box[1], x, box[3])),
                (text[cut + 1:], (x, box[1], box[2], box[3]))]

    def _misread(self, text: str, rng: random.Random) -> str:
        """The line read as one word (`spaceless`), then each character read right, read as
        its confusion, or dropped (`char_error`)."""
        if len(text.split()) >= SPACELESS_WORDS and rng.random() < self.spaceless:
            text = "".join(text.split())
        read = []
        for char in text:
            instead, rate = self.confusions.get(char, ("", 0.0))
            draw = rng.random()
            if draw < rate:
                read.append(instead)
            elif draw >= rate + self.char_error:
                read.append(char)
        return "".join(read)

    def _junk(self, boxes: list[Box], rng: random.Random) -> list[TextBox]:
        """A Poisson number of junk strings, placed somewhere among the lines."""
        if not boxes or not self.junk_texts:
            return []
        area = _union(boxes)
        heights = [b[3] - b[1] for b in boxes]
        junk = []
        for _ in range(_poisson(rng, self.junk_per_screen)):
            text = rng.choice(self.junk_texts)
            height = rng.choice(heights)
            x, y = rng.randint(area[0], area[2]), rng.randint(area[1], area[3])
            junk.append(TextBox(text, (x, y, x + round(0.6 * height * len(text)), y + height),
                                SCORE))
        return junk

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> OcrNoise:
        """The measured model in `path`, or the prior if nothing was measured yet."""
        if not Path(path).exists():
            return cls()
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        values["confusions"] = {char: (instead, rate)
                                for char, (instead, rate) in values["confusions"].items()}
        values["junk_texts"] = tuple(values["junk_texts"])
        return cls(**values)

    def to_dict(self) -> dict:
        return asdict(self)


def _readable(text: str) -> bool:
    """Text a person would read out, as the engine's junk filter judges a perfect reading."""
    return not is_junk(TextBox(clean_text(text), (0, 0, 0, 0), 1.0))


def _size(text: str, box: Box) -> str:
    """The class of a line that sets how often OCR misses it: short, small or other."""
    if len(clean_text(text)) <= SHORT_LENGTH:
        return "short"
    return "small" if box[3] - box[1] < SMALL_HEIGHT else "other"


def _poisson(rng: random.Random, mean: float) -> int:
    count, product, limit = 0, rng.random(), math.exp(-mean)
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _union(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _area(box: Box) -> int:
    return max(0, box[2] - box[0]) * max(0, box[3] - box[1])


def _overlap(a: Box, b: Box) -> float:
    """The share of the smaller box that the two have in common."""
    common = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return _area(common) / max(1, min(_area(a), _area(b)))


def _same_row(a: Box, b: Box) -> bool:
    return abs(a[1] + a[3] - b[1] - b[3]) / 2 <= 0.5 * min(a[3] - a[1], b[3] - b[1])


def _pairs(boxes: list[Box]) -> list[tuple[int, int]]:
    """(left, right) for each line and its nearest left neighbour on its row, when they are
    close enough for OCR to read them as one line; cells of a table may touch or overlap."""
    pairs = []
    for j, b in enumerate(boxes):
        near = [i for i, a in enumerate(boxes) if i != j and _same_row(a, b)
                and -0.25 * (a[3] - a[1]) <= b[0] - a[2] <= NEAR * min(a[3] - a[1], b[3] - b[1])]
        if near:
            pairs.append((max(near, key=lambda i: boxes[i][2]), j))
    return pairs


def edits(truth: str, read: str) -> list[tuple[str, str]]:
    """The character edits of one cheapest way (Levenshtein) to turn `truth` into `read`:
    (a, b) reads b for a, (a, "") drops a, ("", b) adds b."""
    rows = [list(range(len(read) + 1))]
    for i, a in enumerate(truth, 1):
        row = [i]
        for j, b in enumerate(read, 1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a != b)))
        rows.append(row)
    found, i, j = [], len(truth), len(read)
    while i or j:
        if i and j and rows[i][j] == rows[i - 1][j - 1] + (truth[i - 1] != read[j - 1]):
            if truth[i - 1] != read[j - 1]:
                found.append((truth[i - 1], read[j - 1]))
            i, j = i - 1, j - 1
        elif i and rows[i][j] == rows[i - 1][j] + 1:
            found.append((truth[i - 1], ""))
            i -= 1
        else:
            found.append(("", read[j - 1]))
            j -= 1
    return found[::-1]


def _cer(truth: str, read: str) -> float:
    return len(edits(truth, read)) / max(1, len(truth))


class _Tally:
    """Counts over screens of how real OCR's boxes line up with the drawn lines."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.ops: Counter[tuple[str, str]] = Counter()  # edits on lines read as one box
        self.chars: Counter[str] = Counter()  # the true characters of those lines
        self.junk: Counter[str] = Counter()
        self.roles: Counter[str] = Counter()
        self.missed_roles: Counter[str] = Counter()
        self.widths: Counter[int] = Counter()  # lines by the width of their screen
        self.missed_widths: Counter[int] = Counter()

    def add(self, record: dict, found: list[TextBox]) -> None:
        lines = self._lines(record)
        truths = [clean_text(text) for text, _, _ in lines]
        owners: list[list[str]] = [[] for _ in lines]  # OCR texts that belong to one line alone
        merged: dict[int, int] = {}  # line -> the OCR box that holds it with its neighbours
        for k, box in enumerate(found):
            hits = [i for i, line in enumerate(lines) if _overlap(box.box, line[1]) >= MATCH]
            if not hits:
                self.junk[box.text] += 1
                continue
            best = max(hits, key=lambda i: _overlap(box.box, lines[i][1]))
            row = sorted((i for i in hits if _same_row(lines[i][1], lines[best][1])),
                         key=lambda i: lines[i][1][0])
            # Geometry alone cannot tell a merge from a box that grazes a neighbour: the text can.
            single = min(hits, key=lambda i: _cer(truths[i], box.text))
            if len(row) > 1 and (_cer(" ".join(truths[i] for i in row), box.text)
                                 < _cer(truths[single], box.text)):
                merged.update(dict.fromkeys(row, k))
            else:
                owners[single].append(box.text)
        width = record["size"][0]
        for i, (text, box, role) in enumerate(lines):
            size = _size(text, box)
            self.counts[f"{size} lines"] += 1
            self.roles[role] += 1
            self.widths[width] += 1
            if i in merged:
                self.counts["merged"] += 1
            elif not owners[i]:
                self.counts[f"missed {size}"] += 1
                self.missed_roles[role] += 1
                self.missed_widths[width] += 1
            else:
                spaced = " " in truths[i]
                self.counts["read with a space"] += spaced
                if len(owners[i]) > 1:
                    self.counts["split"] += 1
                    self.counts["split with a space"] += spaced
                else:
                    self._read(truths[i], owners[i][0])
        for left, right in _pairs([box for _, box, _ in lines]):
            if all(i in merged or owners[i] for i in (left, right)):
                self.counts["pairs read"] += 1
                self.counts["pairs merged"] += merged.get(left, -1) == merged.get(right, -2)

    def _lines(self, record: dict) -> list[tuple[str, Box, str]]:
        """The drawn lines OCR could see: (text, box, role)."""
        self.counts["screens"] += 1
        windows = [w["box"] for w in record["windows"]]
        lines = []
        for line in record["texts"]:
            box = tuple(line["box"])
            x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            # The renderer drops what a window covers, except the desktop icons under them.
            if line["role"] == "icon" and any(w[0] <= x < w[2] and w[1] <= y < w[3]
                                              for w in windows):
                self.counts["icons under windows"] += 1
            elif not _readable(line["text"]):
                self.counts["unreadable"] += 1
            else:
                lines.append((line["text"], box, line["role"]))
        return lines

    def _read(self, truth: str, read: str) -> None:
        found = edits(truth, read)
        if len(truth.split()) >= SPACELESS_WORDS:
            self.counts["lines of several words"] += 1
            if " " not in read:
                # Counted as a line read as one word, not as that many dropped spaces.
                self.counts["read as one word"] += 1
                found = [op for op in found if op[0] != " "]
                truth = truth.replace(" ", "")
        self.ops.update(found)
        self.chars.update(truth)
        self.counts["matched"] += 1
        self.counts["edits"] += len(found)
        self.counts["chars"] += len(truth)

    def model(self) -> OcrNoise:
        c = self.counts
        cer = c["edits"] / max(1, c["chars"])
        confusions = {}
        for (char, instead), times in self.ops.most_common():
            rate = times / self.chars[char] if char else 0.0
            if (char and char not in confusions and times >= 3 and rate > cer
                    and len(confusions) < CONFUSIONS):
                confusions[char] = (instead, round(rate, 4))
        explained = sum(self.ops[char, instead] for char, (instead, _) in confusions.items())
        return OcrNoise(
            char_error=round((c["edits"] - explained) / max(1, c["chars"]), 4),
            split=round(c["split with a space"] / max(1, c["read with a space"]), 4),
            spaceless=round(c["read as one word"] / max(1, c["lines of several words"]), 4),
            merge=round(c["pairs merged"] / max(1, c["pairs read"]), 4),
            junk_per_screen=round(self.junk.total() / max(1, c["screens"]), 4),
            miss_short=round(c["missed short"] / max(1, c["short lines"]), 4),
            miss_small=round(c["missed small"] / max(1, c["small lines"]), 4),
            miss_other=round(c["missed other"] / max(1, c["other lines"]), 4),
            confusions=confusions,
            junk_texts=tuple(text for text, _ in self.junk.most_common(JUNK_TEXTS)))

    def report(self) -> dict:
        c = self.counts
        return {
            **{key: c[key] for key in (
                "screens", "short lines", "small lines", "other lines", "matched", "split",
                "merged", "missed short", "missed small", "missed other", "pairs read",
                "pairs merged", "read with a space", "split with a space",
                "lines of several words", "read as one word", "edits", "chars",
                "unreadable", "icons under windows")},
            "lines": c["short lines"] + c["small lines"] + c["other lines"],
            "junk boxes": self.junk.total(),
            "cer": round(c["edits"] / max(1, c["chars"]), 4),
            "short length": SHORT_LENGTH,
            "small height px": SMALL_HEIGHT,
            "missed by role": {role: [self.missed_roles[role], lines]
                               for role, lines in self.roles.most_common()},
            "missed by screen width": {str(width): [self.missed_widths[width], lines]
                                       for width, lines in sorted(self.widths.items())},
            "top edits": [[char, instead, times] for (char, instead), times
                          in self.ops.most_common(15)],
        }


def measure(folder: Path, count: int, reader) -> tuple[OcrNoise, dict]:
    """Align real OCR (`reader.read`) with the drawn lines of the first `count` screens of a
    rendered `folder`; return the model and a report of the counts behind it."""
    with open(Path(folder) / "screens.jsonl", encoding="utf-8") as file:
        records = [json.loads(line) for line in itertools.islice(file, count)]
    assert len(records) == count, f"{folder} has {len(records)} screens, not {count}"
    tally = _Tally()
    for record in tqdm(records, desc="ocr", unit="screen"):
        with Image.open(Path(folder) / f"{record['name']}.png") as image:
            tally.add(record, reader.read(image))
    return tally.model(), {**tally.report(), "seeds": sorted({r["seed"] for r in records})}


def table(noise: OcrNoise, report: dict) -> str:
    """The statistics as a few readable lines."""
    def share(part: str, whole: str) -> str:
        return f"{report[part] / max(1, report[whole]):6.1%}  ({report[part]} of {report[whole]})"

    missed = sorted(((m / n, role, m, n) for role, (m, n) in report["missed by role"].items()
                     if n >= 10), reverse=True)[:6]
    rows = [
        ("character error rate", f"{report['cer']:6.1%}  ({report['edits']} edits in "
         f"{report['chars']} characters of the {report['matched']} lines read as one box)"),
        ("  misreadings", ", ".join(f"{char!r}->{instead!r} {rate:.0%}"
                                    for char, (instead, rate) in noise.confusions.items())),
        ("  other characters dropped", f"{noise.char_error:6.1%}"),
        (f"missed, {SHORT_LENGTH} characters or fewer", share("missed short", "short lines")),
        (f"missed, others under {SMALL_HEIGHT} px", share("missed small", "small lines")),
        ("missed, all other lines", share("missed other", "other lines")),
        ("split, lines with a space", share("split with a space", "read with a space")),
        (f"read as one word, {SPACELESS_WORDS}+ words", share("read as one word",
                                                             "lines of several words")),
        ("merged, close same-row pairs", share("pairs merged", "pairs read")),
        ("junk boxes per screen", f"{noise.junk_per_screen:6.2f}  ({report['junk boxes']} boxes)"),
        ("most missed roles", ", ".join(f"{role} {rate:.0%} ({m}/{n})"
                                        for rate, role, m, n in missed)),
        ("missed by screen width", ", ".join(f"{width} {m / max(1, n):.0%}" for width, (m, n)
                                             in report["missed by screen width"].items())),
    ]
    return "\n".join([f"Real OCR on {report['screens']} rendered screens, "
                      f"{report['lines']} readable lines:",
                      *(f"  {label:<32}{value}" for label, value in rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m train.ocrnoise", description=__doc__)
    parser.add_argument("--count", type=int, default=120, help="screens to measure on")
    parser.add_argument("--screens", type=Path,
                        help="a folder from `python -m train.screens`; rendered if left out")
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--threads", type=int, default=2, help="OCR threads")
    args = parser.parse_args(argv)
    reader = TextReader(threads=args.threads)
    if args.screens:
        noise, report = measure(args.screens, args.count, reader)
    else:
        from train.screens import write_screens  # loads Qt: only when rendering

        with tempfile.TemporaryDirectory() as folder:
            write_screens(Path(folder), args.count, RENDER_SEED, workers=2)
            noise, report = measure(Path(folder), args.count, reader)
    measured = {"count": args.count, "seeds": report.pop("seeds"),
                "screens": str(args.screens) if args.screens else "rendered by this command",
                "date": datetime.date.today().isoformat(),
                "ocr": f"engine.ocr.TextReader(threads={args.threads})"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({**noise.to_dict(), "report": report, "measured": measured},
                                   ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(noise, report))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
