"""train/loop.py end to end with the tiny recipe: every phase, a log, a plot, a bundle that
the engine accepts, and --resume picking up where a run stopped."""

from __future__ import annotations

import contextlib
import json
import math
import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch
from PIL import Image

from engine import describe
from engine.bundle import load_bundle
from engine.decode import beam_search
from engine.describe import Describer
from tests.train.fixtures import tiny_recipe
from train import export, loop
from train.batches import Batch, Corpus
from train.config import TrainConfig
from train.data import CaptionedImage, Vocab
from train.loop import Run, autocast_precision, policy_gradient, reward_scorers, train
from train.model import Generator


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("run")
    config = tiny_recipe(tmp)
    config.sample_temperature = 0.45  # not the engine's default: the bundles must carry it
    out = tmp / "out"
    return config, out, train(config, out)


def test_every_phase_runs_and_is_logged(run):
    _, out, _ = run
    log = json.loads((out / "train_log.json").read_text())
    phases = [entry["phase"] for entry in log["entries"]]
    assert phases == ["mle", "mle", "disc", "adv", "adv"]
    assert {e["precision"] for e in log["entries"] if e["phase"] == "mle"} == {"float32"}
    assert all("val_cider" in e for e in log["entries"] if e["phase"] != "disc")
    assert (out / "train_log.png").stat().st_size > 0
    assert log["data"]["images"] == {"train": 18, "validation": 6}


def test_bundles_load_in_the_engine(run):
    config, out, bundle_dir = run
    for folder in (bundle_dir, out / "bundle-mle"):
        bundle = load_bundle(folder)
        assert bundle.styles == ("casual", "plain")
        assert bundle.image_size == config.model.image_size
        assert bundle.sample_temperature == config.sample_temperature
        assert bundle.config["terms"].startswith("Trained on data supplied by the user")
        assert bundle.config["metrics"]["during_training"]["cider_d"] is not None


def test_a_bundle_is_re_exported_from_its_saved_generator(run, monkeypatch):
    _, out, bundle_dir = run
    before = json.loads((bundle_dir / "config.json").read_text())
    (bundle_dir / "reader.onnx").unlink()
    (bundle_dir / "decoder.onnx").write_bytes(b"made by older export code")
    monkeypatch.setattr(sys, "argv", ["export", "--run", str(out)])
    export.main()
    after = json.loads((bundle_dir / "config.json").read_text())
    assert after["metrics"] == before["metrics"] and after["training"] == before["training"]
    assert after["copy"] == before["copy"]
    assert Describer(bundle_dir, use_gpu=False).describe(Image.new("RGB", (64, 48))).text


def _decoders(out) -> tuple[dict, dict]:
    return tuple({k: v for k, v in torch.load(out / f"{name}.generator.pt", weights_only=False)[
        "generator"].items() if k.startswith("decoder.")} for name in ("bundle-mle", "bundle"))


@pytest.mark.parametrize("share", [0.0, 0.25])
def test_the_bundled_generator_mixes_the_gan_and_mle_weights(run, tmp_path, share):
    """adv_mix: the bundle holds that share of the GAN's weights, the rest the MLE's. The
    same seed gives the same GAN as the module's run, whose bundle is the GAN's alone."""
    config, out, _ = run
    mle, gan = _decoders(out)
    assert any(not torch.equal(mle[k], gan[k]) for k in mle)
    config = tiny_recipe(tmp_path)
    config.phases.adv_mix = share
    train(config, tmp_path / "out")
    same_mle, mixed = _decoders(tmp_path / "out")
    gan_alone = torch.load(tmp_path / "out" / "bundle-gan.generator.pt", weights_only=False)
    assert all(torch.equal(gan_alone["generator"][k], gan[k]) for k in gan)
    assert (tmp_path / "out" / "bundle-gan" / "decoder.onnx").is_file()
    last = json.loads((tmp_path / "out" / "train_log.json").read_text())["entries"][-1]
    assert last["phase"] == "mix" and last["adv_mix"] == share and "val_cider" in last
    for k in mle:
        assert torch.equal(same_mle[k], mle[k])
        assert torch.allclose(mixed[k], share * gan[k] + (1 - share) * mle[k], atol=1e-6)


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


def test_photos_and_rendered_screens_train_one_copying_model(tmp_path, monkeypatch):
    """With screens in the recipe: they are rendered, learnt with the photos, validated, and
    the bundle's decoder reads OCR tokens; the engine describes a rendered screen with it."""
    config = tiny_recipe(tmp_path)
    config.screens.count = 6
    config.screens.validation = 2
    config.screens.workers = 1
    config.screens.per_step = 2
    config.screens.adv_per_step = 2
    config.screens.max_length = 30
    config.screens.min_word_screens = 1
    out = tmp_path / "out"
    bundle_dir = train(config, out)
    log = json.loads((out / "train_log.json").read_text())
    assert all("val_screen_cider" in e for e in log["entries"] if e["phase"] != "disc")
    assert log["data"]["screens"]["train"] == 4
    mle = [e for e in log["entries"] if e["phase"] == "mle"]
    assert all("screen_ce" in e for e in mle)
    # Photos and screens share one encoder pass per step: BatchNorm's running statistics
    # see the same mixed batches as training does.
    generator = torch.load(out / "checkpoint.pt", weights_only=False)["generator"]
    assert generator["encoder.stem.1.num_batches_tracked"] == sum(e["steps"] for e in mle)
    bundle = load_bundle(bundle_dir)
    assert bundle.config["copy"]["max_tokens"] > 0
    # The words its screens' descriptions say only as their text travel with it.
    assert bundle.shown_words and set(bundle.shown_words) <= set(bundle.vocab)
    assert (bundle.max_length, bundle.text_max_length) == (config.data.max_length + 1, 31)
    screen = next(tmp_path.glob("screens-*/*.png"))
    describer = Describer(bundle_dir, use_gpu=False)
    assert describer.copies
    # Beam search is bounded by the length a description of such a picture may have: a
    # screen's with its text, a photo's without.
    limits = []
    monkeypatch.setattr(describe, "beam_search", lambda *args, **kwargs: limits.append(
        args[3]) or beam_search(*args, **kwargs))
    description = describer.describe_file(screen, style="plain")
    assert description.text and "ocr" in description.timings_ms
    assert describer.describe(Image.new("RGB", (320, 240), "gray")).text
    assert limits == [31, config.data.max_length + 1]


def test_the_entropy_bonus_keeps_the_policy_open():
    """A step on the policy gradient alone makes the rewarded word likelier and the policy
    sharper; with the entropy bonus subtracted, the same step leaves it less sharp."""
    torch.manual_seed(0)
    samples = torch.tensor([[4, 5, 2], [4, 2, 0], [5, 4, 2], [4, 5, 2]])
    start = torch.randn(int((samples != 0).sum()), 6)  # the logits of the words said
    advantage = torch.tensor([1.0, -0.5, 0.3, 0.2])

    def entropy_after(weight: float) -> float:
        logits = start.clone().requires_grad_(True)
        pg, entropy = policy_gradient(logits, samples, advantage)
        (pg - weight * entropy).backward()
        with torch.no_grad():
            return policy_gradient(logits - 1.0 * logits.grad, samples, advantage)[1].item()

    assert entropy_after(1.0) > entropy_after(0.0)


@pytest.mark.parametrize("candidates", [1, 4])
def test_each_human_caption_takes_the_noise_that_says_it_likeliest(candidates):
    """phases.adv_noise_candidates: of that many noise draws, each human caption of a GAN step
    gets the one under which the generator finds it likeliest (its words' summed NLL, padding
    left out); with one, the draw itself."""
    config = TrainConfig.load(Path(__file__).resolve().parents[2] / "train/configs/tiny.toml")
    config.model.vocab_size = 40
    config.phases.adv_noise_candidates = candidates
    torch.manual_seed(0)
    generator = Generator(config.model).eval()
    size = config.model.image_size
    features, pooled = generator.encoder(torch.randn(2, 3, size, size))
    targets = torch.randint(3, 40, (6, 7))
    targets[::2, 4:] = 0  # shorter captions, padded
    inputs = torch.cat([torch.ones(6, 1, dtype=torch.long), targets[:, :-1]], 1)
    batch = Batch(images=torch.zeros(2, 3, size, size), inputs=inputs, targets=targets,
                  image_index=torch.tensor([0, 0, 0, 1, 1, 1]), style=torch.tensor([0, 1] * 3),
                  bow=torch.zeros(2, 40), image_ids=[0, 1])
    run = SimpleNamespace(config=config, model_config=config.model, generator=generator,
                          dist=SimpleNamespace(device="cpu"))
    torch.manual_seed(5)
    with torch.no_grad():
        chosen = Run.closest_noise(run, batch, features, pooled, contextlib.nullcontext())
    torch.manual_seed(5)
    draws = torch.randn(candidates, 6, config.model.noise_dim)
    nll = []
    with torch.no_grad():
        for noise in draws:
            logits = generator.decoder(inputs, features[batch.image_index],
                                       pooled[batch.image_index], noise, batch.style)
            logp = torch.log_softmax(logits, -1).gather(-1, targets[..., None])[..., 0]
            nll.append(-(logp * (targets != 0)).sum(1))
    best = torch.stack(nll).argmin(0)
    assert torch.allclose(chosen, draws[best, torch.arange(6)])
    if candidates > 1:
        assert len(set(best.tolist())) > 1  # the captions did not all take one draw


@pytest.mark.parametrize("decay", [False, True])
def test_the_gan_learning_rate_anneals_to_zero_by_steps_or_by_the_clock(decay):
    """phases.adv_lr_decay: the GAN's learning rate falls on a half cosine from adv_lr to zero,
    by whichever is further along, its steps or its minutes; without it, it stays adv_lr."""
    phases = TrainConfig().phases
    phases.adv_lr, phases.adv_lr_decay, phases.adv_steps, phases.adv_minutes = 1e-3, decay, 100, 10
    run = SimpleNamespace(config=SimpleNamespace(phases=phases), dist=SimpleNamespace(world=1))
    rates = {
        (step, minutes): Run.adv_lr_at(run, step, 60 * minutes)
        for step, minutes in ((0, 0), (50, 1), (10, 5), (100, 1), (10, 10), (120, 12))
    }
    if not decay:
        assert set(rates.values()) == {1e-3}
        return
    assert rates[0, 0] == pytest.approx(1e-3)
    assert rates[50, 1] == pytest.approx(5e-4)  # half the steps
    assert rates[10, 5] == pytest.approx(5e-4)  # half the minutes
    assert rates[100, 1] == rates[10, 10] == rates[120, 12] == pytest.approx(0.0)


@pytest.mark.parametrize("references", ["casual", "human"])
def test_casual_samples_are_rewarded_against_the_chosen_references(references):
    """With "human", a casual sample earns its CIDEr-D reward for saying what the human
    captions say; with "casual", for saying what their casual rewrites say."""
    human = ["a brown dog runs on the beach", "a dog runs along the sand"]
    rewrites = ["looks like a brown dog running on the beach",
                "seems like a dog running along the sand"]
    others = ["two children play in a fountain", "kids playing in the water"]
    vocab = Vocab.build([human + rewrites + others], min_count=1)
    items = [CaptionedImage(Path("dog.jpg"), tuple(human)),
             CaptionedImage(Path("kids.jpg"), tuple(others))]
    corpus = Corpus.build(items, [rewrites, others], vocab, 20)
    scorers = reward_scorers(corpus, vocab, plain=1, casual=0, casual_references=references)
    said = {"human": human[0].split(), "casual": rewrites[0].split()}
    scores = {name: scorers[0].score([words], [0])[0] for name, words in said.items()}
    assert scores[references] > scores["human" if references == "casual" else "casual"]
    plain = scorers[1].score([said["human"], said["casual"]], [0, 0])
    assert plain[0] > plain[1]  # plain samples: always against the human captions


@pytest.mark.parametrize("gan_share, casual_share", [(None, 0.3), (0.5, 0.5), (1.0, 1.0)])
def test_the_gan_samples_the_casual_register_for_its_share_of_images(gan_share, casual_share):
    """phases.adv_casual_share sets the register of the GAN's samples apart from the MLE
    phase's captions; unset, it follows data.casual_share."""
    config = TrainConfig()
    config.data.casual_share = 0.3
    config.phases.adv_casual_share = gan_share
    run = SimpleNamespace(config=config, rng=random.Random(0), casual=0, plain=1,
                          dist=SimpleNamespace(device="cpu"))
    styles = Run.image_styles(run, 4000)
    assert set(styles.tolist()) <= {0, 1}
    assert (styles == 0).float().mean().item() == pytest.approx(casual_share, abs=0.03)


@pytest.mark.parametrize("setting, native, precision", [
    ("off", True, torch.float32), ("on", False, torch.bfloat16),
    ("auto", True, torch.bfloat16), ("auto", False, torch.float32)])
def test_autocast_precision_is_bfloat16_where_the_recipe_and_the_processor_allow(
        monkeypatch, setting, native, precision):
    """"auto" takes bfloat16 only where the processor multiplies it natively: emulated, it
    would be slower than float32."""
    monkeypatch.setattr(loop, "native_bf16", lambda device: native)
    assert autocast_precision(setting, torch.device("cpu")) == precision


def test_both_phases_learn_in_bfloat16(tmp_path):
    """With phases.mle_bf16 and adv_bf16 on, the MLE and GAN steps run under autocast, the
    losses fall and stay finite, and the bundle, exported in float32, describes a picture in
    the engine."""
    config = tiny_recipe(tmp_path)
    config.phases.mle_bf16 = config.phases.adv_bf16 = "on"
    config.phases.mle_epochs = 3
    bundle_dir = train(config, tmp_path / "out")
    log = json.loads((tmp_path / "out" / "train_log.json").read_text())
    mle = [e for e in log["entries"] if e["phase"] == "mle"]
    assert [e["precision"] for e in mle] == ["bfloat16"] * 3
    assert all(math.isfinite(e["ce"]) for e in mle) and mle[-1]["ce"] < mle[0]["ce"]
    adv = [e for e in log["entries"] if e["phase"] == "adv"]
    assert adv and all(e["precision"] == "bfloat16" for e in adv)
    assert all(math.isfinite(e[key]) for e in adv for key in ("pg", "ce", "entropy"))
    assert Describer(bundle_dir, use_gpu=False).describe(Image.new("RGB", (64, 48))).text


def test_a_discriminator_with_set_features_plays(tmp_path):
    """model.disc_set_features: D pretrains on whole sets of samples and the GAN runs with it;
    its reward and its steps are logged."""
    config = tiny_recipe(tmp_path)
    config.model.disc_set_features = True
    out = tmp_path / "out"
    train(config, out)
    entries = json.loads((out / "train_log.json").read_text())["entries"]
    adv = [e for e in entries if e["phase"] == "adv"]
    assert adv and all(0.0 <= e["d_prob"] <= 1.0 and "d_loss" in e for e in adv)
    state = torch.load(out / "checkpoint.pt", weights_only=False)
    assert "likeness.weight" in state["discriminator"]


def test_the_gan_starts_with_a_fresh_optimizer(tmp_path, monkeypatch):
    """The MLE phase's Adam moments do not carry into the GAN, as with --from-mle."""
    config = tiny_recipe(tmp_path)
    moments = {}

    def recorded(self):
        moments["gan"] = len(self.g_opt.state_dict()["state"])

    monkeypatch.setattr(Run, "adversarial", recorded)
    original = Run.pretrain_disc

    def after_mle(self):
        moments["mle"] = len(self.g_opt.state_dict()["state"])
        original(self)

    monkeypatch.setattr(Run, "pretrain_disc", after_mle)
    train(config, tmp_path / "out")
    assert moments["mle"] > 0 and moments["gan"] == 0


def test_the_gan_from_another_runs_mle_generator(run, tmp_path):
    """--from-mle: no MLE phase; D and the GAN start from that generator, which becomes the
    run's bundle-mle. Another vocabulary is refused."""
    config, out, _ = run
    again = tmp_path / "again"
    train(config, again, from_mle=out / "bundle-mle.generator.pt")
    phases = [e["phase"] for e in json.loads((again / "train_log.json").read_text())["entries"]]
    assert phases[0] == "from_mle" and "mle" not in phases and phases[-1] == "adv"
    source, copied = (torch.load(f / "bundle-mle.generator.pt", weights_only=False)["generator"]
                      for f in (out, again))
    assert all(torch.equal(source[k], copied[k]) for k in source)
    (again / "bundle-mle" / "vocab.json").write_text('["<pad>", "other"]')
    with pytest.raises(ValueError, match="another vocabulary"):
        train(config, tmp_path / "refused", from_mle=again / "bundle-mle.generator.pt")
