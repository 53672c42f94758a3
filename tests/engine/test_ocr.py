"""OCR: drawn text comes back in reading order, junk is dropped, failures are clear errors."""

import pytest
from PIL import Image, ImageDraw, ImageFont

from engine.errors import ImageError, OcrError
from engine.ocr import TextBox, TextReader, clean_text, is_junk, read_text, reading_order


@pytest.fixture(scope="module")
def reader():
    return TextReader()


def _draw(size, texts, font_size=30):
    """A white picture with each (x, y, text) drawn in black."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=font_size)
    for x, y, text in texts:
        draw.text((x, y), text, fill="black", font=font)
    return image


def _words(boxes):
    return [box.text.lower().replace(" ", "") for box in boxes]


def test_lines_come_top_to_bottom_and_blocks_one_after_another(reader):
    # A sidebar on the left, a message on the right whose lines do not line up with it.
    image = _draw((1000, 500), [
        (40, 40, "Inbox"), (40, 120, "Drafts"), (40, 200, "Archive"),
        (400, 70, "Meeting moved"), (400, 160, "to Friday at noon"), (400, 250, "Thanks Maria"),
    ])
    assert _words(reader.read(image)) == [
        "inbox", "drafts", "archive", "meetingmoved", "tofridayatnoon", "thanksmaria"]


def test_a_form_reads_row_by_row_left_to_right(reader):
    image = _draw((900, 300), [
        (40, 40, "Name"), (400, 40, "Alice"),
        (40, 140, "Email"), (400, 140, "alice@example.org"),
    ])
    assert _words(reader.read(image)) == ["name", "alice", "email", "alice@example.org"]


def test_boxes_cover_the_drawn_text(reader):
    image = _draw((800, 300), [(300, 120, "Download finished")], font_size=40)
    (box,) = reader.read(image)
    assert box.text.lower().replace(" ", "") == "downloadfinished"
    x0, y0, x1, y1 = box.box
    assert 280 <= x0 <= 310 and 100 <= y0 <= 135 and x1 > 500 and y1 < 190
    assert 0.5 <= box.score <= 1


def test_icons_and_strokes_are_dropped(reader):
    image = _draw((900, 300), [(200, 120, "Printer error")], font_size=40)
    draw = ImageDraw.Draw(image)
    draw.ellipse((40, 110, 110, 180), fill="red")  # an error icon
    draw.rectangle((700, 20, 730, 50), outline="black", width=3)  # a window button
    draw.line((760, 20, 790, 50), fill="black", width=3)
    assert _words(reader.read(image)) == ["printererror"]


def test_a_picture_without_text_gives_nothing():
    assert read_text(Image.new("RGB", (640, 400), (40, 90, 160))) == []


def test_junk_rules():
    def box(text, score=0.99):
        return TextBox(text, (0, 0, 10, 10), score)

    assert is_junk(box("©|®"))
    assert is_junk(box("- -"))
    assert is_junk(box("口口"))
    assert is_junk(box("x", 0.9))
    assert is_junk(box("Cancel", 0.3))
    assert not is_junk(box("7"))  # a calculator key
    assert not is_junk(box("OK", 0.8))
    assert not is_junk(box("report-2026.pdf"))
    assert clean_text("|  Save  as_ ") == "Save as"


def test_reading_order_of_known_boxes():
    def box(text, x0, y0, x1, y1):
        return TextBox(text, (x0, y0, x1, y1), 1.0)

    title = box("Settings", 100, 10, 300, 30)
    row1 = [box("Volume", 20, 50, 90, 66), box("80%", 200, 51, 240, 67)]
    row2 = [box("Theme", 20, 80, 80, 96), box("Dark", 200, 80, 240, 96)]
    shuffled = [row2[1], title, row1[1], row2[0], row1[0]]
    assert reading_order(shuffled) == [title, *row1, *row2]


def test_a_tiny_picture_is_an_image_error(reader):
    with pytest.raises(ImageError, match="too small"):
        reader.read(Image.new("RGB", (4, 4)))


def test_an_engine_failure_is_an_ocr_error(reader, monkeypatch):
    def broken(_):
        raise RuntimeError("session crashed")

    monkeypatch.setattr(reader._ocr, "text_det", broken)
    with pytest.raises(OcrError, match="session crashed"):
        reader.read(Image.new("RGB", (100, 100), "white"))


def test_desktop_icons_are_read_apart_from_the_dialog_beside_them():
    def box(text, x0, y0, x1, y1):
        return TextBox(text, (x0, y0, x1, y1), 1.0)

    panel = [box("Mail", 10, 5, 60, 30), box("12:15", 1200, 5, 1260, 30)]
    icons = [box("Home", 40, 140, 100, 164), box("Trash", 40, 270, 100, 294),
             box("Projects", 30, 520, 120, 554)]
    dialog = [box("Quit", 600, 440, 660, 474), box("Quit anyway?", 600, 478, 900, 512),
              box("No", 640, 522, 680, 556), box("Yes", 900, 524, 950, 554)]
    assert reading_order([*dialog[::-1], *icons, *panel[::-1]]) == [*panel, *icons, *dialog]


def test_words_drawn_run_together_are_read_with_their_spaces(reader):
    # What OCR returns for a tight bold title bar, drawn as it reads it.
    image = _draw((700, 120), [(40, 40, "Lowdiskspace")], font_size=40)
    assert [box.text for box in reader.read(image)] == ["Low disk space"]
