"""train/loop.py end to end with the tiny recipe: every phase, a log, a plot, a bundle that
the engine accepts, and --resume picking up where a run stopped."""

from __future__ import annotations

import json

import pytest
import torch

from engine.bundle import load_bundle
from tests.train.fixtures import tiny_recipe
from train.loop import Run, train


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("run")
    config = tiny_recipe(tmp)
    out = tmp / "out"
    return config, out, train(config, out)


def test_every_phase_runs_and_is_logged(run):
    _, out, _ = run
    log = json.loads((out / "train_log.json").read_text())
    phases = [entry["phase"] for entry in log["entries"]]
    assert phases == ["mle", "mle", "disc", "adv", "adv"]
    assert all("val_cider" in e for e in log["entries"] if e["phase"] != "disc")
    assert (out / "train_log.png").stat().st_size > 0
    assert log["data"]["images"] == {"train": 18, "validation": 6}


def test_bundles_load_in_the_engine(run):
    config, out, bundle_dir = run
    for folder in (bundle_dir, out / "bundle-mle"):
        bundle = load_bundle(folder)
        assert bundle.styles == ("casual", "plain")
        assert bundle.image_size == config.model.image_size
        assert bundle.config["terms"].startswith("Trained on data supplied by the user")
        assert bundle.config["metrics"]["during_training"]["cider_d"] is not None


def test_resume_after_an_interruption(tmp_path, monkeypatch):
    config = tiny_recipe(tmp_path)
    out = tmp_path / "out"

    def interrupted(self):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(Run, "adversarial", interrupted)
        with pytest.raises(KeyboardInterrupt):
            train(config, out)
    progress = torch.load(out / "checkpoint.pt", weights_only=False)["progress"]
    assert progress["phase"] == "adv"
    train(config, out, resume=True)
    log = json.loads((out / "train_log.json").read_text())
    assert [e["phase"] for e in log["entries"]] == ["mle", "mle", "disc", "adv", "adv"]
