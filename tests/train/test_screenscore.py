"""train/screenscore.py: fact and kind matching, junk glyphs, the real-screens scorer on a
made-up set, facts taken from really rendered screens, and the evaluation's screen options."""

from __future__ import annotations

import json
import sys

import pytest
from PIL import Image

from train import evaluate
from train.screens import Renderer
from train.screenscore import (
    fact_recall,
    junk_glyphs,
    mentions,
    rendered_facts,
    score_real,
    score_rendered,
)


def test_mentions_any_alternative_in_any_case():
    assert mentions("There's an OK button.", ["ok"])
    assert mentions("It says three files", ["3", "three"])
    assert mentions("Wi-Fi  networks", ["wi-fi networks"])  # runs of spaces count as one
    assert not mentions("A picture of a cat.", ["dog", "puppy"])


def test_fact_recall_is_the_share_of_facts_mentioned():
    must = [["quit"], ["unsaved"], ["3", "three"], ["yes"], ["no"]]
    assert fact_recall("QUIT? You have THREE unsaved documents. Yes or No.", must) == 1.0
    assert fact_recall("Quit: 3 unsaved documents.", must) == pytest.approx(0.6)
    assert fact_recall("A cat.", must) == 0.0
    assert fact_recall("Anything.", []) == 1.0


def test_ordinary_spoken_text_has_no_junk():
    assert junk_glyphs("It's 3:45 pm, 20% off \u2014 $5.99!") == []
    assert junk_glyphs("Zoë's café: \u201cdone\u201d \u2013 a@b.com #1 (1/2) + 2 = 3 \u2026") == []


@pytest.mark.parametrize("glyph", ["□", "©", "|", "•", "口", "_", "~", "^", "°", "─", "\x07",
                                   "\ue000", "\uff21"])
def test_symbols_other_scripts_and_control_characters_are_junk(glyph):
    assert junk_glyphs(f"An OK {glyph} button") == [glyph]


def test_an_underscore_is_junk_alone_but_not_inside_a_name():
    assert junk_glyphs("budget_2024.csv and CoffeeShop__Guest are open") == []
    assert junk_glyphs("A _ button, and _Save") == ["_"]


def test_junk_glyphs_are_listed_once_in_order():
    assert junk_glyphs("•a | b • c |") == ["•", "|"]


def test_score_real_on_a_made_up_set(tmp_path):
    refs = {
        "_about": "not an image",
        "quit": {"ref": "...", "must": [["quit"], ["yes"], ["no"]], "kind": ["question"]},
        "clock": {"ref": "...", "must": [["clock"], ["5", "five"]], "kind": ["clock"]},
    }
    (tmp_path / "refs.json").write_text(json.dumps(refs), encoding="utf-8")
    said = {"quit": "A Quit question: yes or no?", "clock": "It is 5 \u25a1 now"}
    asked = []

    def describe(path):
        asked.append(path)
        return said[path.stem]

    result = score_real(describe, tmp_path)
    assert sorted(p.name for p in asked) == ["clock.png", "quit.png"]
    assert all(p.parent == tmp_path / "images" for p in asked)
    assert result["count"] == 2
    assert result["fact_recall"] == pytest.approx((1.0 + 0.5) / 2)
    assert result["kind_recall"] == 0.5
    by_name = {i["name"]: i for i in result["images"]}
    assert by_name["quit"]["kind_hit"] and by_name["quit"]["junk"] == []
    assert by_name["clock"]["junk"] == ["\u25a1"]
    assert result["images_with_junk"] == 1
    assert result["median_words"] == 5.5


@pytest.fixture(scope="module")
def renderer():
    return Renderer(seed=5)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, renderer):
    """A folder as python -m train.screens writes it, with a question and a list dialog."""
    folder = tmp_path_factory.mktemp("rendered")
    records = []
    for index, kind in enumerate(["question", "list dialog"]):
        image, screen = renderer.render(index, kind=kind)
        assert image.save(str(folder / f"{screen.name}.png"), "PNG")
        records.append(json.loads(screen.to_json()))
    (folder / "screens.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder, records


def test_rendered_facts_hold_the_title_the_buttons_and_the_kind(rendered):
    _, records = rendered
    for record in records:
        must, kinds = rendered_facts(record)
        front = record["windows"][-1]
        assert any(record["title"] in fact for fact in must)
        for button in front["facts"]["buttons"]:
            assert [button] in must
        assert all(0 < len(a.split()) <= 4 for fact in must[1:] for a in fact)
        # The record's own short descriptions say what the window is.
        assert mentions(record["descriptions"]["casual"], kinds)
        assert mentions(record["descriptions"]["plain"], kinds)
    assert "question" in rendered_facts(records[0])[1]
    assert rendered_facts(records[1])[1] == ["list"]


def test_every_kind_drawn_is_described_with_words_the_score_counts(renderer):
    """The kind recall of rendered screens is only as good as KIND_WORDS: a kind whose
    descriptions never say one of its words would count as missed however well it is
    described (the web sign-up, recipe, product and search pages did)."""
    for kind in renderer.kinds:
        if kind == "overlapping windows":  # scored by its front window's kind
            continue
        for index in range(3):
            _, screen = renderer.render(index, kind=kind)
            record = json.loads(screen.to_json())
            kinds = rendered_facts(record)[1]
            for register in ("casual", "plain"):
                text = record["descriptions"][register]
                assert mentions(text, kinds), (kind, register, text)


def test_score_rendered_rewards_the_reference_and_not_silence(rendered):
    folder, records = rendered
    casual = {r["name"]: r["descriptions"]["casual"] for r in records}
    good = score_rendered(lambda path: casual[path.stem], folder)
    assert good["count"] == 2
    assert good["fact_recall"] >= 0.75 and good["kind_recall"] == 1.0
    assert good["cider_d"] > 1.0
    silent = score_rendered(lambda path: "", folder, count=1)
    assert silent["count"] == 1
    assert silent["fact_recall"] == 0.0 and silent["kind_recall"] == 0.0
    assert silent["cider_d"] == 0.0


def test_evaluate_screen_options_score_a_bundle_without_photo_data(
        tiny_bundle, tmp_path, monkeypatch, capsys):
    (tmp_path / "real" / "images").mkdir(parents=True)
    Image.new("RGB", (64, 40), (200, 200, 200)).save(tmp_path / "real" / "images" / "pet.png")
    refs = {"pet": {"ref": "A dog runs.", "must": [["dog"], ["cat"]], "kind": ["runs"]}}
    (tmp_path / "real" / "refs.json").write_text(json.dumps(refs), encoding="utf-8")
    out = tmp_path / "screens.json"
    monkeypatch.setattr(sys, "argv", [
        "evaluate", "--model", str(tiny_bundle), "--real-screens", str(tmp_path / "real"),
        "--config", str(tmp_path / "no-such-recipe.toml"), "--out", str(out)])
    evaluate.main()
    [result] = json.loads(out.read_text(encoding="utf-8"))
    real = result["real_screens"]
    assert real["images"][0]["text"] == "A dog runs."  # the tiny bundle's fixed caption
    assert real["fact_recall"] == 0.5 and real["kind_recall"] == 1.0
    assert "| real screens (1) | fact recall |" in capsys.readouterr().out
