"""The screen renderer: every kind renders, the same seed gives the same screen, and the
record says what is really drawn (checked with the engine's OCR on message boxes)."""

import colorsys
import io
import json
import random
import statistics

import pytest
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice

from engine.ocr import TextReader
from train.screens import Renderer, write_screens
from train.screens.__main__ import main
from train.screens.describe import MAX_WORDS, describe
from train.screens.icons import DESIGNS, KINDS, icon_pixmap
from train.screens.look import DECORATIONS, Look
from train.screens.messages import message
from train.screens.record import Screen, Window
from train.screenscore import mentions, rendered_facts

DECORATIONS_DRAWN = sorted(set(DECORATIONS))


@pytest.fixture(scope="module")
def renderer():
    return Renderer(seed=11)


@pytest.fixture(scope="module")
def reader():
    return TextReader()


def _png(image) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def _pil(image) -> Image.Image:
    return Image.open(io.BytesIO(_png(image))).convert("RGB")


def test_there_are_at_least_twenty_kinds(renderer):
    assert len(renderer.kinds) >= 20, renderer.kinds


def _check_boxes(record):
    width, height = record["size"]
    for item in record["texts"] + record["controls"] + record["windows"]:
        x0, y0, x1, y1 = item["box"]
        assert 0 <= x0 <= x1 <= width and 0 <= y0 <= y1 <= height, (record["name"], item)


def test_random_screens_keep_every_box_on_screen(renderer):
    for index in range(30):
        _check_boxes(json.loads(renderer.render(1000 + index)[1].to_json()))


def test_every_kind_renders_with_a_consistent_record(renderer):
    for index, kind in enumerate(renderer.kinds):
        image, screen = renderer.render(index, kind=kind)
        record = json.loads(screen.to_json())
        _check_boxes(record)
        width, height = record["size"]
        assert (image.width(), image.height()) == (width, height), kind
        assert record["kind"] == kind
        for text in record["texts"]:
            x0, y0, x1, y1 = text["box"]
            assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, (kind, text)
            assert text["text"].strip(), (kind, text)
        descriptions = record["descriptions"]
        for register in ("casual", "plain"):
            words = descriptions[register].split()
            assert 3 <= len(words) <= MAX_WORDS, (kind, descriptions[register])
        assert descriptions["casual"] != descriptions["plain"], kind
        if kind not in ("empty desktop", "notification"):
            titles = [t["text"] for t in record["texts"] if t["role"] == "title"]
            assert record["title"] in titles or any(
                t.endswith("…") for t in titles), (kind, titles)


def test_the_same_seed_gives_the_same_screens(tmp_path):
    first = write_screens(tmp_path / "a", 4, seed=3, progress=False)
    second = write_screens(tmp_path / "b", 4, seed=3, progress=False)
    assert first.read_text() == second.read_text()
    for png in sorted((tmp_path / "a").glob("*.png")):
        assert png.read_bytes() == (tmp_path / "b" / png.name).read_bytes(), png.name
    other = write_screens(tmp_path / "c", 1, seed=4, progress=False)
    assert other.read_text().splitlines()[0] != first.read_text().splitlines()[0]


def test_rendering_other_screens_between_does_not_change_a_screen(renderer):
    image, screen = renderer.render(5, kind="settings")
    renderer.render(6, kind="terminal")
    again, screen_again = renderer.render(5, kind="settings")
    assert _png(image) == _png(again)
    assert screen.to_json() == screen_again.to_json()


def _squash(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


@pytest.mark.parametrize("kind", ["question", "error message", "info message"])
def test_the_recorded_title_and_buttons_are_what_ocr_reads_there(renderer, reader, kind):
    for index in range(3):
        image, screen = renderer.render(100 + index, kind=kind)
        window = screen.windows[-1]
        x0, y0, x1, y1 = window.box
        found = reader.read(_pil(image).crop((x0, y0, x1, y1)))
        read = [(_squash(b.text), (b.box[0] + x0, b.box[1] + y0, b.box[2] + x0, b.box[3] + y0))
                for b in found]
        joined = "".join(text for text, _ in read)
        assert _squash(window.title) in joined, (window.title, read)
        buttons = [c for c in window.controls if c.type == "button"]
        assert [c.label for c in buttons] == window.facts["buttons"]
        for button in buttons:
            bx0, by0, bx1, by1 = button.box
            inside = [box for text, box in read if text == _squash(button.label)
                      and bx0 <= (box[0] + box[2]) / 2 <= bx1
                      and by0 <= (box[1] + box[3]) / 2 <= by1]
            assert inside, (button, read)
        # Reading order: the title bar first, then the message, the buttons last.
        order = [text for text, _ in read]
        title_at = next(i for i, t in enumerate(order) if t and t in _squash(window.title))
        last_button = _squash(window.facts["buttons"][-1])
        assert title_at == 0 and last_button in order[-2:], order


def test_the_command_line_writes_pngs_and_records(tmp_path, capsys):
    assert main(["--count", "2", "--out", str(tmp_path), "--seed", "9"]) == 0
    lines = (tmp_path / "screens.jsonl").read_text().splitlines()
    assert len(lines) == 2
    for line in lines:
        record = json.loads(line)
        with Image.open(tmp_path / f"{record['name']}.png") as image:
            assert list(image.size) == record["size"]
    assert "2 screens" in capsys.readouterr().out


def _key_facts(kind: str, facts: dict) -> list[str]:
    """The facts of a web page kind that its descriptions say, so must be on screen."""
    if kind == "recipe page":
        return [facts["dish"], facts["prep"], facts["cook"], facts["servings"],
                *facts["ingredients"][:3]]
    if kind == "web sign-up page":
        filled = [f.split(": ", 1)[1] for f in facts["filled"]]
        return [facts["org"], facts["heading"], *facts["fields"], *filled, facts["checkbox"],
                facts["button"]]
    if kind == "product page":
        return [facts["product"], facts["price"], facts["rating"], facts["blurb"],
                *facts["buttons"]]
    return [facts["query"], facts["results"][0], facts["urls"][0], facts["snippets"][0]]


@pytest.mark.parametrize("kind", ["product page", "recipe page", "search results",
                                  "web sign-up page"])
def test_web_pages_show_their_facts_and_are_described_by_name(renderer, kind):
    for index in range(8):
        _, screen = renderer.render(300 + index, kind=kind)
        record = json.loads(screen.to_json())
        window = record["windows"][-1]
        assert record["kind"] == window["kind"] == kind
        shown = _squash(" ".join(t["text"] for t in record["texts"]))
        for fact in _key_facts(kind, window["facts"]):
            assert _squash(fact) in shown, (kind, index, fact, shown)
        for register in ("casual", "plain"):
            text = record["descriptions"][register]
            assert mentions(text, rendered_facts(record)[1]), (kind, text)
            assert len(text.split()) <= 50, (kind, text)


@pytest.mark.parametrize("kind", ["sign-up form", "web sign-up page"])
def test_sign_up_forms_ask_for_many_sets_of_details_and_their_descriptions_name_them(
        renderer, kind):
    """A form with the same four boxes every time teaches a describer to recite them; each
    form draws its own, and both registers say which they are."""
    asked = set()
    for index in range(12):
        _, screen = renderer.render(500 + index, kind=kind)
        record = json.loads(screen.to_json())
        fields = record["windows"][-1]["facts"]["fields"]
        asked.add(tuple(fields))
        shown = _squash(" ".join(t["text"] for t in record["texts"]))
        for field in fields:
            assert _squash(field) in shown, (index, field)
        for register in ("casual", "plain"):
            said = record["descriptions"][register].lower()
            assert all(field.lower() in said for field in fields), (register, said)
    assert len(asked) >= 6


def test_an_ampersand_is_recorded_where_it_is_drawn(renderer):
    """A label without a buddy draws "&"; a button's "&" marks its shortcut letter."""
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from train.screens.probe import probe

    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Marrow & Mint"))
    layout.addWidget(QPushButton("&Save"))
    window.resize(300, 120)
    window.show()
    texts, controls, _ = probe(window, lambda rect: rect)
    assert "Marrow & Mint" in [t.text for t in texts]
    assert [c.label for c in controls] == ["Save"]


def _first(renderer, kind: str, test) -> tuple:
    return next((image, screen) for index in range(200)
                for image, screen in [renderer.render(index, kind=kind)] if test(screen))


@pytest.mark.parametrize("decoration", DECORATIONS_DRAWN)
def test_each_window_managers_title_bar_shows_the_title_where_recorded(renderer, reader,
                                                                         decoration):
    image, screen = _first(renderer, "question",
                           lambda s: s.look["decoration"] == decoration)
    title = next(t for t in screen.windows[-1].texts if t.role == "title")
    x0, y0, x1, y1 = title.box
    pad = (y1 - y0) // 2
    found = reader.read(_pil(image).crop((x0 - pad, y0 - pad, x1 + pad, y1 + pad)))
    assert _squash(title.text) in _squash(" ".join(b.text for b in found)), (title, found)


def test_windows_that_are_only_a_drawing_record_no_text_but_their_title(renderer):
    analog = _first(renderer, "clock", lambda s: not s.windows[-1].facts["time"])[1]
    eyes = renderer.render(0, kind="eyes")[1]
    for screen in (analog, eyes):
        window = screen.windows[-1]
        assert [t.role for t in window.texts] == ["title"], window.texts
        assert window.title in screen.descriptions["plain"]
    assert "analog" in analog.descriptions["plain"] and "eyes" in eyes.descriptions["plain"]


@pytest.mark.parametrize("kind", ["info message", "warning", "error message", "question"])
def test_message_boxes_say_many_things_under_many_titles(kind):
    """A few fixed sentences per kind let the model name a kind from its words (a real
    warning about a 'volume' was called a Volume slider); the texts must be composed."""
    rng = random.Random(0)
    drawn = [message(rng, kind) for _ in range(400)]
    titles, texts = {d[0] for d in drawn}, {d[1] for d in drawn}
    assert len(texts) >= 150 and len(titles) >= 20
    default = {"info message": "Information", "warning": "Warning", "error message": "Error",
               "question": "Question"}[kind]
    assert default in titles


def test_notifications_come_from_many_programs_saying_many_things(renderer):
    """Six programs with one notice each taught the model to recite "a notification from
    Downloads, Download complete" for any small window it could not read."""
    notices = set()
    for index in range(60):
        _, screen = renderer.render(700 + index, kind="notification")
        front = json.loads(screen.to_json())["windows"][-1]
        notices.add((front["facts"]["app"], front["title"]))
    assert len({app for app, _ in notices}) >= 8
    assert len({title for _, title in notices}) >= 20


def test_a_default_title_is_not_said_twice_with_the_kind():
    win = Window(kind="warning", title="Warning", box=(0, 0, 300, 120),
                 facts={"message": "Caps Lock is on.", "gist": "Caps Lock is on",
                        "buttons": ["OK"]})
    screen = Screen(name="s", seed=0, kind="warning", size=(1280, 800), look={}, windows=[win])
    for seed in range(20):
        said = describe(screen, random.Random(seed))
        for register in ("casual", "plain"):
            assert "warning warning" not in said[register].lower(), said[register]
            assert "Caps Lock is on" in said[register]


@pytest.mark.parametrize("kind", ["info message", "question"])
def test_a_message_is_never_called_just_a_box(kind):
    """'Box' is what descriptions call text boxes and check boxes; a message called 'an info
    box' does not tell the listener that a message is what popped up."""
    win = Window(kind=kind, title="Download finished", box=(0, 0, 300, 120),
                 facts={"message": "report.pdf has finished downloading.",
                        "gist": "report.pdf has finished downloading", "buttons": ["OK"]})
    screen = Screen(name="s", seed=0, kind=kind, size=(1280, 800), look={}, windows=[win])
    for seed in range(40):
        casual = describe(screen, random.Random(seed))["casual"].lower()
        assert " box" not in casual.replace("dialog box", ""), casual


def test_a_calculators_sum_is_said_in_words():
    win = Window(kind="calculator", title="Calculator", box=(0, 0, 300, 400),
                 facts={"display": "7269 \u00f7 13"})
    screen = Screen(name="s", seed=0, kind="calculator", size=(1280, 800), look={},
                    windows=[win])
    for seed in range(10):
        said = describe(screen, random.Random(seed))
        for register in ("casual", "plain"):
            assert "7269 divided by 13" in said[register], said[register]
            assert "\u00f7" not in said[register]


def test_calendars_come_as_windows_and_as_date_pickers(renderer):
    """A date picker (a prompt, a calendar, buttons) is how programs ask for a date; its
    description names the calendar, the prompt and the buttons it draws."""
    pickers = 0
    for index in range(12):
        screen = renderer.render(400 + index, kind="calendar")[1]
        window = screen.windows[-1]
        said = screen.descriptions["casual"] + " " + screen.descriptions["plain"]
        assert "calendar" in said.lower(), said
        if window.facts["prompt"]:
            pickers += 1
            drawn = {t.text for t in window.texts}
            assert any(text.startswith(window.facts["prompt"]) for text in drawn), drawn
            assert set(window.facts["buttons"]) <= drawn
            assert all(b in screen.descriptions["plain"] for b in window.facts["buttons"])
    assert 0 < pickers < 12


# Hues of each kind's colour, in degrees (red wraps round 0).
_ICON_HUES = {"info message": (190, 240), "question": (190, 240), "warning": (20, 60),
              "error message": (-20, 15)}


@pytest.mark.parametrize("kind", KINDS)
def test_message_icons_come_in_several_themes_in_each_kinds_colour(renderer, kind):
    """Qt's own icons are one theme of several; each theme's icon keeps its kind's colour,
    which is what tells a warning from an error at a glance."""
    assert len(set(DESIGNS)) >= 4
    look = Look.draw(random.Random(5))
    for design in sorted(set(DESIGNS)):
        for seed in range(3):
            pixmap = icon_pixmap(design, look, kind, 48, random.Random(seed))
            assert not pixmap.isNull()
            if design == "badge" or (design == "gnome" and kind != "info message"):
                image = Image.open(io.BytesIO(_png(pixmap.toImage()))).convert("RGBA")
                hues = []
                for r, g, b, a in image.get_flattened_data():
                    h, s, v = colorsys.rgb_to_hsv(r / 255, g / 255, b / 255)
                    if a > 200 and s > 0.4 and v > 0.3:
                        hues.append(h * 360 - (360 if h > 5 / 6 else 0))
                low, high = _ICON_HUES[kind]
                assert len(hues) > 200 and low <= statistics.median(hues) <= high, design
