"""The OCR noise model: `apply` drops, splits, merges and misreads lines at its rates, and
`measure` counts a real reader's splits, merges, misses and junk against the drawn lines
(here a fake reader on a one-screen folder; no OCR, no rendering)."""

import json
import random
from collections import Counter

import pytest
from PIL import Image

from engine.ocr import TextBox, is_junk, reading_order
from train.ocrnoise import DEFAULT_PATH, OcrNoise, edits, measure

QUIET = dict(char_error=0.0, split=0.0, merge=0.0, junk_per_screen=0.0, miss_short=0.0,
             miss_small=0.0, miss_other=0.0, spaceless=0.0, confusions={})

# A small screen's worth of lines: a menu bar (close neighbours), small and big body lines.
SCREEN = [
    ("File", (10, 10, 40, 30)), ("Edit", (46, 10, 80, 30)), ("View", (86, 10, 124, 30)),
    ("Remember to back up your files", (10, 50, 300, 62)),
    ("Our office will reopen on Monday", (10, 80, 330, 110)),
    ("Copying photos to Downloads", (400, 80, 650, 110)),
    ("About 4 minutes left", (10, 130, 200, 142)),
    ("The train leaves at seven", (10, 160, 280, 190)),
]


def _trials(noise: OcrNoise, lines, count: int = 400) -> list[list[TextBox]]:
    rng = random.Random(7)
    return [noise.apply(lines, rng) for _ in range(count)]


def test_apply_is_deterministic_for_a_seed():
    noise = OcrNoise(char_error=0.1, split=0.3, merge=0.5, junk_per_screen=2.0)
    assert noise.apply(SCREEN, random.Random(3)) == noise.apply(SCREEN, random.Random(3))
    assert noise.apply(SCREEN, random.Random(3)) != noise.apply(SCREEN, random.Random(4))


def test_quiet_model_returns_the_lines_in_reading_order():
    boxes = OcrNoise(**QUIET).apply(SCREEN, random.Random(0))
    assert sorted(b.text for b in boxes) == sorted(text for text, _ in SCREEN)
    assert boxes == reading_order(boxes)


def test_output_is_in_reading_order_and_passes_the_junk_filter():
    noise = OcrNoise(char_error=0.2, split=0.3, merge=0.5, junk_per_screen=3.0,
                     junk_texts=("Il", "ii", "#", "5"))
    for boxes in _trials(noise, SCREEN, 100):
        assert boxes == reading_order(boxes)
        assert not any(is_junk(b) for b in boxes), boxes


def test_small_lines_are_missed_more_often():
    small = [(f"Small line number {i}", (10, 30 * i, 200, 30 * i + 12)) for i in range(5)]
    big = [(f"Big line number {i}", (400, 30 * i, 600, 30 * i + 26)) for i in range(5)]
    noise = OcrNoise(**{**QUIET, "miss_small": 0.8, "miss_other": 0.1})
    kept = Counter(b.text.split()[0] for boxes in _trials(noise, small + big) for b in boxes)
    assert kept["Small"] / 2000 == pytest.approx(0.2, abs=0.04)
    assert kept["Big"] / 2000 == pytest.approx(0.9, abs=0.04)


def test_short_lines_use_their_own_miss_rate():
    lines = [("42", (10, 10, 40, 40)), ("Settings", (100, 10, 200, 40))]
    noise = OcrNoise(**{**QUIET, "miss_short": 1.0})
    assert [b.text for b in noise.apply(lines, random.Random(0))] == ["Settings"]


def test_splits_happen_at_the_configured_rate():
    lines = [(f"Line {i} has several words", (10, 40 * i, 300, 40 * i + 30)) for i in range(5)]
    noise = OcrNoise(**{**QUIET, "split": 0.3})
    trials = _trials(noise, lines)
    splits = sum(len(boxes) - 5 for boxes in trials)
    assert splits / (5 * len(trials)) == pytest.approx(0.3, abs=0.04)
    # A split cuts at a space and keeps every word, in two boxes side by side.
    for boxes in trials:
        assert " ".join(b.text for b in boxes).split() == " ".join(t for t, _ in lines).split()


def test_merges_happen_at_the_configured_rate():
    # Five rows of two close words; rows far apart, so only the pairs can merge.
    lines = [line for i in range(5) for line in (
        (f"Left{i}", (10, 50 * i, 60, 50 * i + 20)), (f"Right{i}", (66, 50 * i, 120, 50 * i + 20)))]
    noise = OcrNoise(**{**QUIET, "merge": 0.4})
    trials = _trials(noise, lines)
    merged = [b for boxes in trials for b in boxes if " " in b.text]
    assert len(merged) / (5 * len(trials)) == pytest.approx(0.4, abs=0.04)
    assert all(b.text.startswith("Left") and b.box[0] == 10 and b.box[2] >= 114 for b in merged)


def test_misreadings_and_dropped_characters():
    noise = OcrNoise(**{**QUIET, "confusions": {"\u2013": ("-", 1.0)}})
    line = [("Report \u2013 Editor", (10, 10, 200, 40))]
    assert noise.apply(line, random.Random(0))[0].text == "Report - Editor"
    text = "abcdefghij" * 20
    noise = OcrNoise(**{**QUIET, "char_error": 0.1})
    read = [noise.apply([(text, (0, 0, 900, 30))], random.Random(seed))[0].text
            for seed in range(20)]
    dropped = sum(len(text) - len(r) for r in read) / (20 * len(text))
    assert dropped == pytest.approx(0.1, abs=0.02)


def test_junk_boxes_come_from_the_measured_strings():
    noise = OcrNoise(**{**QUIET, "junk_per_screen": 2.0, "junk_texts": ("Il", "ii")})
    trials = _trials(noise, SCREEN)
    junk = [b for boxes in trials for b in boxes if b.text in ("Il", "ii")]
    assert len(junk) / len(trials) == pytest.approx(2.0, abs=0.2)


def test_edits():
    assert edits("kitten", "sitting") == [("k", "s"), ("e", "i"), ("", "g")]
    assert edits("Connection failed", "Connectionfailed") == [(" ", "")]
    assert edits("same", "same") == []


def test_load_falls_back_to_the_prior_and_reads_what_main_writes(tmp_path):
    assert OcrNoise.load(tmp_path / "missing.json") == OcrNoise()
    noise = OcrNoise(char_error=0.02, confusions={"O": ("0", 0.1)}, junk_texts=("5",))
    path = tmp_path / "noise.json"
    path.write_text(json.dumps({**noise.to_dict(), "report": {"screens": 1}}))
    assert OcrNoise.load(path) == noise


def test_the_measured_file_loads():
    if not DEFAULT_PATH.exists():
        pytest.skip("no measurement yet: run python -m train.ocrnoise")
    noise = OcrNoise.load()
    assert 0 <= noise.char_error < 0.2 and 0 <= noise.miss_other < 0.5


class FakeReader:
    """Reads what a real one might: the menu as one box, a sentence in two, one line missed,
    one line with a typo, and a junk box where nothing was drawn."""

    def read(self, image):
        return [TextBox("File Edit", (8, 8, 84, 30), 0.95),
                TextBox("Are you sure", (10, 50, 120, 70), 0.95),
                TextBox("you want to quit?", (126, 50, 300, 70), 0.95),
                TextBox("Helo world", (10, 130, 122, 150), 0.95),
                TextBox("Il1", (400, 400, 420, 420), 0.9)]


def test_measure_counts_split_merge_miss_and_junk(tmp_path):
    texts = [("File", [10, 10, 40, 28], "menu"), ("Edit", [46, 10, 80, 28], "menu"),
             ("Are you sure you want to quit?", [10, 50, 300, 70], "body"),
             ("Settings", [10, 90, 90, 110], "button"),
             ("Hello world", [10, 130, 120, 150], "body"),
             ("\u2190", [200, 90, 230, 110], "button"),  # an arrow glyph: not text to read
             ("Home", [320, 320, 360, 334], "icon")]  # a desktop icon under the window
    record = {"name": "0-000000", "seed": 0, "size": [500, 500],
              "windows": [{"box": [300, 300, 480, 480]}],
              "texts": [{"text": t, "box": b, "role": r} for t, b, r in texts]}
    (tmp_path / "screens.jsonl").write_text(json.dumps(record) + "\n")
    Image.new("RGB", (500, 500), "white").save(tmp_path / "0-000000.png")
    noise, report = measure(tmp_path, 1, FakeReader())
    assert report["lines"] == 5
    assert (report["merged"], report["split"], report["matched"]) == (2, 1, 1)
    assert report["missed other"] == 1 and report["missed small"] == report["missed short"] == 0
    assert (report["unreadable"], report["icons under windows"]) == (1, 1)
    assert report["junk boxes"] == 1 and noise.junk_texts == ("Il1",)
    assert (report["edits"], report["chars"]) == (1, len("Hello world"))
    assert noise.merge == 1.0 and noise.split == 0.5  # of the two lines read with a space
    assert noise.miss_other == pytest.approx(1 / 5)


def test_whole_lines_lose_their_spaces_at_the_configured_rate():
    noise = OcrNoise(**{**QUIET, "spaceless": 0.3})
    read = Counter(b.text for boxes in _trials(noise, SCREEN) for b in boxes)
    long = "Our office will reopen on Monday"
    assert read[long.replace(" ", "")] / (read[long] + read[long.replace(" ", "")]) == (
        pytest.approx(0.3, abs=0.06))
    assert read["About4minutesleft"] > 0
    assert read["File"] == 400  # one word: nothing to lose


def test_measure_counts_lines_read_as_one_word(tmp_path):
    texts = [("Low disk space", [10, 10, 200, 30], "title"),
             ("Only two gigabytes left", [10, 50, 300, 70], "body"),
             ("OK", [10, 90, 40, 110], "button")]
    record = {"name": "0-000000", "seed": 0, "size": [500, 500], "windows": [],
              "texts": [{"text": t, "box": b, "role": r} for t, b, r in texts]}
    (tmp_path / "screens.jsonl").write_text(json.dumps(record) + "\n")
    Image.new("RGB", (500, 500), "white").save(tmp_path / "0-000000.png")

    class Reader:
        def read(self, image):
            return [TextBox("Lowdiskspace", (10, 10, 200, 30), 0.9),
                    TextBox("Only two gigabytes left", (10, 50, 300, 70), 0.9),
                    TextBox("OK", (10, 90, 40, 110), 0.9)]

    noise, report = measure(tmp_path, 1, Reader())
    assert (report["read as one word"], report["lines of several words"]) == (1, 2)
    assert noise.spaceless == 0.5
    assert " " not in noise.confusions and report["edits"] == 0  # not counted as dropped spaces
