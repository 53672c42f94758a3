"""The whole engine pipeline on the tiny hand-written bundle."""

from PIL import Image

from engine import Describer


def test_describes_with_beam_search_and_reports_timings(tiny_bundle, tmp_path):
    path = tmp_path / "photo.png"
    Image.new("RGB", (40, 30), "blue").save(path)
    description = Describer(tiny_bundle, use_gpu=False).describe_file(path)
    assert description.text == "A dog runs."
    assert description.provider == "CPUExecutionProvider"
    assert set(description.timings_ms) == {"load", "preprocess", "encoder", "decode"}


def test_samples_are_repeatable_by_seed_and_differ(tiny_bundle):
    describer = Describer(tiny_bundle, use_gpu=False)
    image = Image.new("RGB", (8, 8))
    first = describer.describe(image, samples=12, seed=3)
    again = describer.describe(image, samples=12, seed=3)
    assert first.alternatives == again.alternatives and len(first.alternatives) == 11
    assert first.text == "A dog runs."
    assert any(text.startswith("A cat") for text in first.alternatives)


def test_full_detail_reads_all_the_text_in_reading_order(tiny_bundle):
    from PIL import ImageDraw, ImageFont

    image = Image.new("RGB", (640, 240), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=36)
    draw.text((20, 30), "Delete this file?", fill="black", font=font)
    draw.text((20, 150), "Cancel", fill="black", font=font)
    draw.text((400, 150), "Delete", fill="black", font=font)
    description = Describer(tiny_bundle, use_gpu=False).describe(image, detail="full")
    assert description.text_lines == ["Delete this file?", "Cancel", "Delete"]
    assert description.details == (
        "A dog runs. All the text, in reading order: Delete this file? Cancel. Delete.")
    assert "ocr" in description.timings_ms


def test_a_picture_without_text_says_so_in_full_detail(tiny_bundle):
    description = Describer(tiny_bundle, use_gpu=False).describe(
        Image.new("RGB", (200, 100), "gray"), detail="full")
    assert description.text_lines == []
    assert description.details == "A dog runs. There is no text on it."


def test_a_screen_description_goes_on_with_the_text_it_left_out(monkeypatch):
    """The bundled model copies from what it reads; a line of the picture's text that none
    of its descriptions say is read after each of them."""
    from engine.ocr import TextBox

    line = TextBox("Quietly negotiate zebra umbrellas before lunch", (40, 200, 600, 230), 0.99)
    monkeypatch.setattr(Describer, "_read_text", lambda self, image: [line])
    describer = Describer(use_gpu=False)
    image = Image.new("RGB", (1280, 800), "white")
    casual = describer.describe(image, samples=3, seed=1)
    for text in (casual.text, *casual.alternatives):
        assert text.endswith(" It also says: Quietly negotiate zebra umbrellas before lunch.")
    plain = describer.describe(image, style="plain")
    assert plain.text.endswith(" Other text: Quietly negotiate zebra umbrellas before lunch.")


def test_a_screen_description_says_no_screen_word_that_its_text_lacks(monkeypatch):
    """Words that descriptions say only as the screen's text (the bundle's `shown_words`:
    "cancel", "password") are kept to those the text holds: a model that learnt "download
    complete" from rendered notifications said it of an X clock whose only text is its
    title. Here the words the bundled model says of such a picture are made screen words,
    so that the test does not hang on what one model happens to say."""
    import dataclasses

    from engine import describe
    from engine.bundle import load_bundle
    from engine.ocr import TextBox
    from engine.text import tokenize

    monkeypatch.setattr(Describer, "_read_text",
                        lambda self, image: [TextBox("xclock", (600, 10, 680, 30), 0.99)])
    image = Image.new("RGB", (1280, 800), "white")
    bundled = load_bundle()
    assert {"cancel", "password"} <= set(bundled.shown_words)
    free = dataclasses.replace(bundled, shown_words=())
    monkeypatch.setattr(describe, "load_bundle", lambda path: free)
    said = Describer(use_gpu=False).describe(image).text.split(" It also says")[0]
    words = {word for word in tokenize(said) if len(word) > 2 and word in bundled.vocab}
    assert words, said
    screen_words = dataclasses.replace(bundled, shown_words=tuple(sorted(words)))
    monkeypatch.setattr(describe, "load_bundle", lambda path: screen_words)
    description = Describer(use_gpu=False).describe(image, samples=4, seed=1)
    for text in (description.text, *description.alternatives):
        assert not set(tokenize(text)) & words, (text, words)


def test_alternatives_are_sampled_at_the_temperature_the_bundle_names(tiny_bundle, monkeypatch):
    """A bundle's config.json names the temperature its "say it differently" samples are
    drawn at; one that does not (bundles built before) gets the engine's default."""
    import json

    import engine.describe
    from engine.decode import TEMPERATURE

    used = []
    real_sample = engine.describe.sample

    def recording_sample(*args, temperature, **kwargs):
        used.append(temperature)
        return real_sample(*args, temperature=temperature, **kwargs)

    monkeypatch.setattr(engine.describe, "sample", recording_sample)
    image = Image.new("RGB", (8, 8))
    Describer(tiny_bundle, use_gpu=False).describe(image, samples=3, seed=1)
    config_file = tiny_bundle / "config.json"
    config = json.loads(config_file.read_text())
    config_file.write_text(json.dumps({**config, "sample_temperature": 0.3}))
    Describer(tiny_bundle, use_gpu=False).describe(image, samples=3, seed=1)
    assert used == [TEMPERATURE, 0.3]
