"""train/shownwords.py: the words a screen's description says only as the screen's text."""

import json
import sys

from train import shownwords
from train.shownwords import MIN_SAID, shown_words

VOCAB = ["<pad>", "<bos>", "<eos>", "<unk>", "a", "dialog", "cancel", "password", "dog",
         "downloads", "street"]


def _screens(count: int, lines: list[str], description: str):
    return [lines] * count, [[description, description]] * count


def test_a_word_said_only_where_the_screen_shows_it_is_listed():
    lines, descriptions = _screens(MIN_SAID, ["Cancel", "Password:"],
                                   "A dialog with a Password field and a Cancel button.")
    assert shown_words(lines, descriptions, [], VOCAB) == ["cancel", "password"]


def test_a_word_said_of_screens_that_do_not_show_it_is_not():
    # "downloads" is on the screen of three descriptions in four, under the 95% it needs.
    shows, says = _screens(3 * MIN_SAID, ["Downloads"], "A downloads window.")
    hides, said_anyway = _screens(MIN_SAID, ["Files"], "A downloads window.")
    assert shown_words(shows + hides, says + said_anyway, [], VOCAB) == []


def test_words_people_use_for_photos_and_rare_words_stay_free():
    lines, descriptions = _screens(MIN_SAID, ["Street", "Cancel"], "A street and a cancel.")
    photos = ["A dog runs down the street."] * shownwords.MAX_PHOTO_COUNT
    assert shown_words(lines, descriptions, photos, VOCAB) == ["cancel"]
    # Said twice a screen, on too few screens to know.
    few_lines, few = _screens(MIN_SAID // 2, ["Cancel"], "A cancel.")
    assert MIN_SAID // 2 * 2 < MIN_SAID
    assert shown_words(few_lines, few, [], VOCAB) == []


def test_a_bundle_trained_before_the_list_gets_it_from_its_screens(tmp_path, monkeypatch):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "vocab.json").write_text(json.dumps(VOCAB))
    config = {"copy": {"max_tokens": 80}, "training": {"data": {"screens": {"train": MIN_SAID}}}}
    (bundle / "config.json").write_text(json.dumps(config))
    screens = tmp_path / "screens"
    screens.mkdir()
    record = {"texts": [{"text": "Cancel"}],
              "descriptions": {"plain": "A dialog, Cancel.", "casual": "A dialog with Cancel."}}
    held_out = {"texts": [], "descriptions": {"plain": "password", "casual": "password"}}
    (screens / "screens.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in [record] * MIN_SAID + [held_out] * 9))
    monkeypatch.setattr(shownwords, "_training_captions", lambda config: ["A dog."])
    monkeypatch.setattr(sys, "argv", ["shownwords", "--bundle", str(bundle),
                                      "--screens", str(screens)])
    shownwords.main()
    written = json.loads((bundle / "config.json").read_text())
    # The held-out screens say "password" with nothing on screen; they were not read.
    assert written["copy"] == {"max_tokens": 80, "shown_words": ["cancel"]}
