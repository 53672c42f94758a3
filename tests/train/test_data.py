"""train/data.py: the loaders on small fixtures, the split, the vocabulary."""

from __future__ import annotations

import pytest

from engine.text import SPECIAL_TOKENS
from tests.train.fixtures import make_images, write_coco, write_csv
from train.data import Vocab, load_coco, load_csv, load_source, split


@pytest.fixture
def rows(tmp_path):
    return make_images(tmp_path / "data", count=6)


def test_csv_groups_captions_by_image(tmp_path, rows):
    items = load_csv(write_csv(tmp_path / "data", rows))
    assert len(items) == 6
    assert all(len(item.captions) == 5 for item in items)
    assert items[0].path == tmp_path / "data" / "shape000.png"
    assert items[0].path.is_file()
    assert items[0].captions[1] == "A red square ."


def test_coco_and_csv_agree(tmp_path, rows):
    from_csv = load_csv(write_csv(tmp_path / "data", rows))
    from_coco = load_coco(write_coco(tmp_path / "data", rows))
    assert from_coco == from_csv


def test_image_root_is_honoured(tmp_path, rows):
    file = write_csv(tmp_path, rows)  # the CSV beside, the pictures elsewhere
    items = load_source("csv", file, str(tmp_path / "data"))
    assert all(item.path.is_file() for item in items)


def test_csv_without_caption_column_is_refused(tmp_path):
    file = tmp_path / "bad.csv"
    file.write_text("image,text\na.png,hello\n", encoding="utf-8")
    with pytest.raises(ValueError, match="caption"):
        load_csv(file)


def test_coco_caption_of_unknown_image_is_refused(tmp_path):
    file = tmp_path / "bad.json"
    file.write_text('{"images": [], "annotations": [{"image_id": 1, "caption": "x"}]}')
    with pytest.raises(ValueError, match="image id 1"):
        load_coco(file)


def test_split_is_by_image_fixed_and_disjoint(tmp_path, rows):
    items = load_csv(write_csv(tmp_path / "data", rows))
    train, validation = split(items, 0.34, seed=3)
    assert len(validation) == 2 and len(train) == 4
    assert not {i.path for i in train} & {i.path for i in validation}
    assert split(items, 0.34, seed=3) == (train, validation)
    assert split(items, 0.34, seed=4) != (train, validation)


def test_vocab_puts_specials_first_and_drops_rare_words():
    vocab = Vocab.build([["a dog runs", "a dog sits", "a cat"]], min_count=2)
    assert tuple(vocab.tokens[:4]) == SPECIAL_TOKENS
    assert vocab.tokens[4:] == ["a", "dog"]
    ids = vocab.encode("A dog flies", max_length=10)
    assert ids == [vocab.index["a"], vocab.index["dog"], vocab.unk, vocab.eos]
    assert vocab.decode(ids) == ["a", "dog", "<unk>"]
    assert len(vocab.encode("a a a a", max_length=2)) == 3


def test_screen_words_join_the_vocabulary_by_how_many_screens_use_them():
    # A template word recurs across screens; a file name said three times on one screen
    # stays out (the copy head reads it off the screen).
    screens = [("a save dialog", "looks like a save dialog"),
               ("a save dialog for notes.txt notes.txt notes.txt", "a dialog")]
    vocab = Vocab.build([["a dog"]], 1, screens, min_groups=2)
    assert {"save", "dialog", "a", "dog"} <= set(vocab.index)
    assert "notes.txt" not in vocab.index and "looks" not in vocab.index


def test_vocab_counts_each_register_apart():
    # A casual rewrite repeats its caption's words: that must not make a rare word common.
    vocab = Vocab.build([["a zebra"], ["looks like a zebra"]], min_count=2)
    assert "zebra" not in vocab.index
