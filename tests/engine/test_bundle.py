"""Model bundles: a good one loads; missing or damaged ones say so in words."""

import json

import pytest

from engine import Describer, ModelError, load_bundle


def test_tiny_bundle_loads(tiny_bundle):
    bundle = load_bundle(tiny_bundle)
    assert bundle.styles == ("casual", "plain") and bundle.vocab[:2] == ("<pad>", "<bos>")


def test_missing_bundle(tmp_path):
    with pytest.raises(ModelError, match="No model was found"):
        load_bundle(tmp_path / "nothing")


def test_corrupted_config(tiny_bundle):
    (tiny_bundle / "config.json").write_text("{not json")
    with pytest.raises(ModelError, match="damaged or incomplete"):
        load_bundle(tiny_bundle)


def test_newer_format_version(tiny_bundle):
    config = json.loads((tiny_bundle / "config.json").read_text())
    config["format_version"] = 99
    (tiny_bundle / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="format version 99"):
        load_bundle(tiny_bundle)


def test_missing_graph(tiny_bundle):
    (tiny_bundle / "decoder.onnx").unlink()
    with pytest.raises(ModelError, match=r"decoder\.onnx is missing"):
        load_bundle(tiny_bundle)


def test_corrupted_graph(tiny_bundle):
    (tiny_bundle / "encoder.onnx").write_bytes(b"\x00garbage" * 10)
    with pytest.raises(ModelError, match=r"encoder\.onnx could not be loaded"):
        Describer(tiny_bundle, use_gpu=False)


def test_unknown_style(tiny_bundle):
    from PIL import Image

    with pytest.raises(ModelError, match="styles casual, plain"):
        Describer(tiny_bundle, use_gpu=False).describe(Image.new("RGB", (8, 8)), style="pirate")
