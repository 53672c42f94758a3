"""A hand-written model bundle, built with onnx's helpers, whose captions are known exactly.

Its decoder ignores the picture, the style and the noise, and walks a fixed chain:
<bos> -> a -> dog -> runs -> <eos>, or, less likely, a -> cat -> <eos>. It lets the engine's
pipeline be tested without torch and without a trained model.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

VOCAB = ["<pad>", "<bos>", "<eos>", "<unk>", "a", "dog", "runs", "cat"]
CHAIN = {"<bos>": "a", "a": "dog", "dog": "runs", "runs": "<eos>", "cat": "<eos>"}
HIDDEN = 4
NOISE = 2
SIZE = 8


def _encoder() -> onnx.ModelProto:
    image = helper.make_tensor_value_info("image", TensorProto.FLOAT, ["B", 3, SIZE, SIZE])
    pooled = helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["B", 3])
    node = helper.make_node("ReduceMean", ["image"], ["pooled"], axes=[2, 3], keepdims=0)
    graph = helper.make_graph([node], "encoder", [image], [pooled])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def _decoder() -> onnx.ModelProto:
    table = np.full((len(VOCAB), len(VOCAB)), -10.0, dtype=np.float32)
    for source, target in CHAIN.items():
        table[VOCAB.index(source), VOCAB.index(target)] = 10.0
    table[VOCAB.index("a"), VOCAB.index("cat")] = 9.0  # the runner-up a sampler may pick
    inputs = [
        helper.make_tensor_value_info("token", TensorProto.INT64, ["B"]),
        helper.make_tensor_value_info("noise", TensorProto.FLOAT, ["B", NOISE]),
        helper.make_tensor_value_info("style", TensorProto.INT64, ["B"]),
        helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["B", 3]),
        helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["B", HIDDEN]),
    ]
    outputs = [
        helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["B", len(VOCAB)]),
        helper.make_tensor_value_info("hidden_out", TensorProto.FLOAT, ["B", HIDDEN]),
    ]
    nodes = [
        helper.make_node("Gather", ["table", "token"], ["logits"], axis=0),
        helper.make_node("Add", ["hidden", "one"], ["hidden_out"]),
    ]
    initializers = [
        numpy_helper.from_array(table, "table"),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one"),
    ]
    graph = helper.make_graph(nodes, "decoder", inputs, outputs, initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def write_tiny_bundle(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    onnx.save(_encoder(), path / "encoder.onnx")
    onnx.save(_decoder(), path / "decoder.onnx")
    (path / "vocab.json").write_text(json.dumps(VOCAB))
    config = {
        "format": "lookaloud-captioner",
        "format_version": 1,
        "image_size": SIZE,
        "mean": [0.5, 0.5, 0.5],
        "std": [0.25, 0.25, 0.25],
        "max_length": 8,
        "noise_dim": NOISE,
        "styles": ["casual", "plain"],
        "decoder_state": {"hidden": HIDDEN},
        "files": {"encoder": "encoder.onnx", "decoder": "decoder.onnx", "vocab": "vocab.json"},
    }
    (path / "config.json").write_text(json.dumps(config))
    return path
