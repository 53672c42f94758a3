"""Recipes: a recipe that names a base recipe changes only the settings it gives."""

from pathlib import Path

import pytest

from train.config import TrainConfig

CONFIGS = Path(__file__).resolve().parents[2] / "train" / "configs"


def test_a_recipe_on_a_base_keeps_the_rest_of_the_base(tmp_path):
    (tmp_path / "base.toml").write_text('name = "base"\nseed = 7\n[model]\nhidden_dim = 48\n'
                                        'noise_dim = 5\n[phases]\nmle_epochs = 9\n')
    (tmp_path / "short.toml").write_text('base = "base.toml"\nname = "short"\n'
                                         '[phases]\nmle_epochs = 1\n')
    short = TrainConfig.load(tmp_path / "short.toml")
    assert (short.name, short.seed) == ("short", 7)
    assert (short.model.hidden_dim, short.model.noise_dim) == (48, 5)
    assert short.phases.mle_epochs == 1


def test_the_cuda_check_trains_the_bundled_models_size_on_photos_alone():
    default = TrainConfig.load(CONFIGS / "default.toml")
    check = TrainConfig.load(CONFIGS / "cuda-check.toml")
    assert check.model == default.model
    assert check.screens.count == 0 and check.data.max_images == 2000
    assert check.phases.adv_mix == default.phases.adv_mix


def test_a_misspelt_choice_of_reward_references_is_refused():
    raw = TrainConfig().to_dict()
    raw["phases"]["casual_reward_references"] = "humans"
    with pytest.raises(AssertionError, match="casual or human"):
        TrainConfig.from_dict(raw)
