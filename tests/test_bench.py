"""bench/caption.py: the eager PyTorch side of the caption benchmark decodes what the ONNX side
does, so that the ratio it prints compares one model run two ways; without the bundle's
PyTorch generator, it runs the bundle's architecture for as many steps as the ONNX side; the
two sides are timed in alternating passes over the photos."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from bench import session
from bench.caption import _captioner, _counting, _eager_parts, _untrained
from bench.timing import paired_median_ms
from engine.describe import Describer
from tests.train.fixtures import untrained_bundle
from train.export import load_generator


@pytest.mark.parametrize("text_condition", [True, False])
def test_eager_and_onnx_give_the_same_caption(tmp_path, text_condition):
    untrained_bundle(tmp_path, text_condition)
    describer = Describer(tmp_path / "bundle", use_gpu=False)
    onnx = _captioner(describer, lambda pixels: describer.encoder.run({"image": pixels}),
                      describer.step)
    eager = _captioner(describer, *_eager_parts(load_generator(tmp_path / "bundle.generator.pt")))
    rng = np.random.default_rng(0)
    for _ in range(3):
        image = Image.fromarray(rng.integers(0, 256, (40, 48, 3), dtype=np.uint8))
        assert eager(image) == onnx(image)


def test_without_the_bundles_generator_its_architecture_runs_as_many_steps(tmp_path):
    untrained_bundle(tmp_path, text_condition=True)
    describer = Describer(tmp_path / "bundle", use_gpu=False)
    generator = _untrained(describer.bundle.config)
    # The architecture the bundle's config records is the one its weights were trained in.
    generator.load_state_dict(load_generator(tmp_path / "bundle.generator.pt").state_dict())
    onnx_step, onnx_steps = _counting(describer.step)
    onnx = _captioner(describer, lambda pixels: describer.encoder.run({"image": pixels}),
                      onnx_step)
    encode, step = _eager_parts(generator)
    eager_step, eager_steps = _counting(step)
    eager = _captioner(describer, encode, eager_step)
    image = Image.fromarray(np.random.default_rng(1).integers(0, 256, (40, 48, 3), np.uint8))
    onnx(image)
    eager(image, onnx_steps[-1])
    assert eager_steps[-1] == onnx_steps[-1] > 0


def test_two_ways_are_timed_in_alternating_passes():
    """A machine whose speed wanders then slows both sides alike: after one warm-up run of
    each, whole passes over the inputs alternate between the first and the second."""
    calls = []
    first_ms, second_ms = paired_median_ms(lambda x: calls.append(("first", x)),
                                           lambda x: calls.append(("second", x)), [1, 2],
                                           rounds=2)
    one_pass = [("first", 1), ("first", 2), ("second", 1), ("second", 2)]
    assert calls == [("first", 1), ("second", 1), *one_pass, *one_pass]
    assert first_ms >= 0 and second_ms >= 0


def test_a_session_describes_every_picture_and_measures_both_processes(tiny_bundle, tmp_path,
                                                                       monkeypatch, qapp):
    monkeypatch.setenv("LOOKALOUD_SPEECH_WAV_DIR", str(tmp_path / "speech"))
    photos = []
    for colour in ("red", "green"):
        photos.append(tmp_path / f"{colour}.png")
        Image.new("RGB", (32, 32), colour).save(photos[-1])
    figures = session.run(photos, 3, str(tiny_bundle))
    assert figures.descriptions == 3
    assert len(figures.window_mb) == len(figures.engine_mb) == 2
    assert all(mb > 20 for mb in (*figures.window_mb, *figures.engine_mb))
