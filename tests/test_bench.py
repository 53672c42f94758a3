"""bench/caption.py: the eager PyTorch side of the caption benchmark decodes what the ONNX side
does, so that the ratio it prints compares one model run two ways."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from bench.caption import _captioner, _eager_parts
from engine.describe import Describer
from tests.train.fixtures import untrained_bundle


@pytest.mark.parametrize("text_condition", [True, False])
def test_eager_and_onnx_give_the_same_caption(tmp_path, text_condition):
    untrained_bundle(tmp_path, text_condition)
    describer = Describer(tmp_path / "bundle", use_gpu=False)
    onnx = _captioner(describer, lambda pixels: describer.encoder.run({"image": pixels}),
                      describer.step)
    eager = _captioner(describer, *_eager_parts(tmp_path / "bundle.generator.pt"))
    rng = np.random.default_rng(0)
    for _ in range(3):
        image = Image.fromarray(rng.integers(0, 256, (40, 48, 3), dtype=np.uint8))
        assert eager(image) == onnx(image)
