"""train/export.py: ONNX and PyTorch agree, caption for caption, on 20 images with OCR
tokens that the copy head may point at."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.bundle import load_bundle
from engine.decode import Tokens, sample
from engine.describe import Describer
from engine.errors import ModelError
from engine.ocr import TextBox
from engine.ocrtokens import ocr_inputs, ocr_words
from tests.train.fixtures import untrained_bundle
from train.export import max_logit_gap

IMAGES = 20


@pytest.mark.parametrize(("text_condition", "tie_words"),
                         [(True, False), (False, False), (True, True)])
def test_onnx_matches_pytorch(tmp_path, text_condition, tie_words):
    config, vocab, generator, folder = untrained_bundle(tmp_path, text_condition, tie_words)
    bundle = load_bundle(folder)
    assert bundle.decoder_state == {"h": config.model.hidden_dim}

    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (IMAGES, 32, 32, 3), dtype=np.uint8)
    describer = Describer(folder, use_gpu=False)
    assert describer.copies
    pixels = describer.normalise(images)
    lines = [TextBox("Save word3 Qwerty", (10, 10, 200, 30), 0.9),
             TextBox("OK", (5, 50, 30, 70), 0.9)]
    ocr = ocr_inputs(ocr_words(lines), (320, 200), vocab.index, vocab.unk)
    state = describer.start_state(describer.encoder.run({"image": pixels}),
                                  bundle.style_id("plain"),
                                  np.zeros((IMAGES, bundle.noise_dim), np.float32), ocr)
    assert state["ocr"].shape == (IMAGES, 4, ocr["ocr"].shape[2])
    # The reader graph reads the OCR tokens once; every step takes what it read.
    assert describer.reader is not None
    assert state["ocr_tokens"].shape == state["ocr_keys"].shape == (
        IMAGES, 4, config.model.feature_dim)
    # With the text condition it also sums up the text once, and every step takes that.
    assert ("ocr_text" in state) == ("ocr_text" in describer.decoder.input_names) == (
        text_condition)
    if text_condition:
        assert state["ocr_text"].shape == (IMAGES, config.model.feature_dim + 1)

    with torch.no_grad():
        features, pooled = generator.encoder(torch.from_numpy(pixels))

    def torch_step(previous, st):
        with torch.no_grad():
            logits, h = generator.decoder.step(
                torch.from_numpy(previous),
                torch.from_numpy(st["h"]),
                features[st["row"]],
                pooled[st["row"]],
                torch.from_numpy(st["noise"]),
                torch.from_numpy(st["style"]),
                *(torch.from_numpy(st[name]) for name in ("ocr", "ocr_ids", "ocr_mask")),
            )
        return logits.numpy(), {"h": h.numpy()}

    tokens = Tokens(bos=vocab.bos, eos=vocab.eos, banned=(vocab.pad, vocab.bos, vocab.unk))
    torch_state = {**state, "row": np.arange(IMAGES)}
    from_torch = sample(torch_step, torch_state, tokens, bundle.max_length)
    from_onnx = sample(describer.step, state, tokens, bundle.max_length)
    assert from_torch == from_onnx
    assert any(len(ids) > 0 for ids in from_onnx)
    # Untrained, the copy head points at OCR tokens now and then: they decode as read.
    copied = {i - len(vocab) for ids in from_onnx for i in ids if i >= len(vocab)}
    assert copied <= {0, 1, 2, 3}

    gap = max_logit_gap(generator, folder, torch.from_numpy(pixels))
    assert gap < 1e-4, f"ONNX logits differ from PyTorch's by {gap:.2e}"
    single = max_logit_gap(generator, folder, torch.from_numpy(pixels[:1]))
    assert single < 1e-4, "a batch of one (dynamic batch) must agree too"

    (folder / "reader.onnx").unlink()
    with pytest.raises(ModelError, match=r"reader\.onnx is missing"):
        load_bundle(folder)
