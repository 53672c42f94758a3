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
