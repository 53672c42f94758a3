"""train/evaluate.py: every figure of the issue comes out, in range, for a tiny bundle."""

from __future__ import annotations

import torch

from tests.train.fixtures import tiny_recipe
from train.data import Vocab, load_source
from train.evaluate import evaluate, frontier, frontier_table, table
from train.export import export_bundle
from train.model import Generator


def _untrained_bundle(tmp_path):
    """The tiny recipe and a bundle of its generator as initialised (seed 0)."""
    config = tiny_recipe(tmp_path)
    captions = [c for item in load_source("csv", config.data.path) for c in item.captions]
    vocab = Vocab.build([captions], min_count=1)
    config.model.vocab_size = len(vocab)
    torch.manual_seed(0)
    folder = export_bundle(Generator(config.model), vocab, config, tmp_path / "b", {}, {})
    return config, folder


def test_figures_for_a_tiny_bundle(tmp_path):
    config, folder = _untrained_bundle(tmp_path)

    result = evaluate(folder, config, limit=4, seed=0)
    assert result["images"] == 4
    plain = result["plain"]
    for scores in (plain["greedy"], plain["beam3"], result["casual"]["beam3"]):
        assert set(scores) == {"bleu4", "cider_d"}
    samples = plain["samples"]
    assert 0.0 <= samples["div2"] <= 1.0 and 0.0 <= samples["mbleu4"] <= 1.0
    assert plain["samples_cider_d"] >= 0.0
    assert 0.0 <= result["casual"]["judged_casual_share"] <= 1.0
    assert len(result["examples"]["samples"]) == 5
    assert "| CIDEr-D, beam 3 |" in table([result, result])


def test_the_samples_along_sampling_temperatures(tmp_path):
    """--temperatures: a cooler temperature gives a bundle's samples fewer words, and the
    table has a row per temperature."""
    config, folder = _untrained_bundle(tmp_path)

    result = frontier(folder, config, limit=4, seed=0, temperatures=[0.05, 3.0])
    cool, hot = result["frontier"]
    assert (cool["temperature"], hot["temperature"]) == (0.05, 3.0)
    assert cool["vocabulary"] < hot["vocabulary"]
    assert cool["div2"] <= hot["div2"] and cool["samples_cider_d"] >= 0.0
    rows = frontier_table([result, result]).splitlines()
    assert len(rows) == 4 and rows[2].startswith("| 0.05 |") and rows[3].startswith("| 3 |")
