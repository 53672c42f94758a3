"""engine/ocrtokens.py: OCR lines become the copy head's tokens, the same way in training
and in the engine."""

from __future__ import annotations

import numpy as np

from engine.ocr import TextBox
from engine.ocrtokens import FEATURES, HASH_BUCKETS, MAX_TOKENS, ocr_inputs, ocr_words

VOCAB = {"<pad>": 0, "<bos>": 1, "<eos>": 2, "<unk>": 3, "delete": 4, "file": 5}


def test_words_keep_their_case_and_get_their_share_of_the_line():
    words = ocr_words([TextBox("Delete holiday-photos.zip?", (100, 10, 360, 30), 0.9),
                       TextBox("No", (100, 50, 130, 70), 0.9)])
    assert [w.text for w in words] == ["Delete", "holiday-photos.zip", "?", "No"]
    assert [w.token for w in words][:2] == ["delete", "holiday-photos.zip"]
    first, second = words[0].box, words[1].box
    assert first[0] == 100 and first[2] < second[0] < second[2] < 360
    assert words[3].box == (100, 50, 130, 70)


def test_icon_glyphs_in_chinese_are_never_copyable():
    words = ocr_words([TextBox("口 Save", (0, 0, 60, 20), 0.9)])
    assert [w.text for w in words] == ["Save"]


def test_numbers_that_are_not_digits_are_never_copyable():
    """A browser's site-information icon reads "①"; a copied "①" is a glyph in speech."""
    words = ocr_words([TextBox("① File/tmp/page.html", (0, 0, 200, 20), 0.9),
                       TextBox("Step 2 of 3", (0, 30, 100, 50), 0.9)])
    assert [w.text for w in words] == ["File/tmp/page.html", "Step", "2", "of", "3"]


def test_at_most_max_tokens_in_reading_order():
    lines = [TextBox(f"word{i} more{i}", (0, 20 * i, 100, 20 * i + 15), 0.9) for i in range(60)]
    words = ocr_words(lines)
    assert len(words) == MAX_TOKENS and words[0].text == "word0"


def test_inputs_carry_spelling_place_and_vocabulary_id():
    words = ocr_words([TextBox("Delete Flie", (0, 0, 100, 20), 0.9)])
    inputs = ocr_inputs(words, (200, 100), VOCAB, 3)
    assert inputs["ocr"].shape == (1, 2, FEATURES)
    assert inputs["ocr_ids"].tolist() == [[4, 3]]  # "flie" is not a word the model knows
    assert inputs["ocr_mask"].tolist() == [[1.0, 1.0]]
    spelling = inputs["ocr"][0, :, :HASH_BUCKETS]
    file = ocr_inputs(ocr_words([TextBox("File", (0, 0, 40, 20), 0.9)]), (200, 100), VOCAB, 3)
    # a misread word stays closer to the right one than to an unrelated word
    right = file["ocr"][0, 0, :HASH_BUCKETS]
    assert spelling[1] @ right > spelling[0] @ right
    assert np.allclose(np.linalg.norm(spelling, axis=1), 1.0)


def test_no_text_is_one_masked_slot():
    inputs = ocr_inputs([], (200, 100), VOCAB, 3)
    assert inputs["ocr"].shape == (1, 1, FEATURES) and inputs["ocr_mask"].sum() == 0
