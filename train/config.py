"""A training recipe: every setting of one run, read from a TOML file in train/configs/."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import tomllib

from train.model import ModelConfig


@dataclass
class DataConfig:
    source: str = "flickr8k"  # "flickr8k" | "coco" (caption JSON) | "csv" (image,caption)
    path: str = "../shared/data/flickr8k"  # folder, or the JSON/CSV file; relative to the repo
    image_root: str = ""  # images of a JSON/CSV source; default: beside the file
    validation_share: float = 0.1
    max_images: int = 0  # 0: all; a small number for tests and quick trials
    cache_dir: str = ""  # decoded images; default: .cache/images in the repository
    min_word_count: int = 5
    max_length: int = 20  # tokens, not counting <eos>
    casual_share: float = 0.3  # of the captions fed per step, the share in the casual register


@dataclass
class PhaseConfig:
    mle_epochs: int = 10
    # Wall-clock budgets in minutes (0: none). The learning rate follows whichever runs out
    # first, epochs or minutes, so a slow or busy machine still ends with an annealed model.
    mle_minutes: float = 0.0
    mle_lr: float = 2e-3
    # The MLE steps' products in bfloat16 (torch.autocast; the weights, the optimiser and the
    # losses stay float32): "auto" where the processor multiplies bfloat16 natively (AVX512-BF16
    # or AMX, or a GPU that does), "on", or "off".
    mle_bf16: str = "off"
    images_per_step: int = 64  # each image goes through the CNN once with its captions
    # How many of an image's captions an MLE step trains on, drawn afresh each time (0: all).
    # Fewer captions make a step cheaper, so a time-bounded phase shows the encoder more photos.
    captions_per_image: int = 0
    label_smoothing: float = 0.1
    bow_weight: float = 1.0  # the auxiliary "which words describe this image" loss
    disc_steps: int = 200
    disc_lr: float = 5e-4
    adv_steps: int = 300
    adv_minutes: float = 0.0
    adv_lr: float = 5e-5
    # The GAN's learning rate falls from adv_lr to zero on a half cosine over the phase (by
    # steps or by the clock, whichever is further along), as the MLE phase's does, so that
    # the phase ends on an annealed generator rather than one mid-stride. False: constant.
    adv_lr_decay: bool = False
    # The GAN's generator passes (its sampling, its forward and backward) in bfloat16, as
    # `mle_bf16` does for the MLE steps; the discriminator stays float32.
    adv_bf16: str = "off"
    adv_images_per_step: int = 32
    samples_per_image: int = 5  # K: the self-critical baseline is the mean of the other K-1
    reward_disc_weight: float = 0.3  # lambda in reward = lambda*D + (1-lambda)*CIDEr-D
    adv_ce_weight: float = 0.1
    # That cross-entropy takes, for each human caption, the best of this many noise draws
    # rather than one (conditional IMLE, Li et al. 2019): each caption pulls the noise that
    # already comes nearest to saying it, so that different noise learns to say different
    # true things of a photo rather than the noise being ignored. 1: one draw.
    adv_noise_candidates: int = 1
    # mu: a sample loses reward for the bigrams it shares with the other K-1 samples of its
    # image, so the policy gradient cannot collapse every noise vector onto one caption.
    reward_overlap_weight: float = 0.0
    # An entropy bonus on the policy gradient (per word, in nats), as reinforcement learning
    # keeps a policy from collapsing: the samples' vocabulary shrinks without it.
    entropy_weight: float = 0.0
    # What the CIDEr-D part of a casual sample's reward is measured against: "casual", the
    # casual rewrites of its image's captions, or "human", the captions themselves, so that
    # the reward is for the content alone and the discriminator judges the register.
    casual_reward_references: str = "casual"
    disc_every: int = 1  # a D step after every this many G steps
    # The bundled generator's weights: this share of the GAN's, the rest the MLE generator's it
    # started from (WiSE-FT, Wortsman et al. 2022). 1: the GAN's alone.
    adv_mix: float = 1.0
    # The share of images whose samples are in the casual register, in the discriminator's
    # pretraining and the GAN; None: the data's casual_share, as in the MLE phase.
    adv_casual_share: float | None = None
    validation_images: int = 500  # decoded greedily after each epoch for the log

    def __post_init__(self):
        for name in ("mle_bf16", "adv_bf16"):
            assert getattr(self, name) in ("auto", "on", "off"), (
                f"{name} must be auto, on or off, not {getattr(self, name)!r}")
        assert self.casual_reward_references in ("casual", "human"), (
            f"casual_reward_references must be casual or human, "
            f"not {self.casual_reward_references!r}")


@dataclass
class ScreenConfig:
    """Rendered screens learnt together with the photos (0 screens: photos only)."""

    count: int = 0  # rendered once into the cache; the last `validation` are held out
    validation: int = 100
    seed: int = 20261127  # the renderer's; the photos it shows come from the training split
    workers: int = 2  # rendering processes
    max_length: int = 56  # tokens: at most about 45 words, with their commas and full stops
    casual_share: float = 0.5
    per_step: int = 16  # screens joining each MLE step's photos
    loss_weight: float = 0.5  # of the screens' caption loss beside the photos' (whole batch: 1)
    min_word_screens: int = 20  # a screen word the vocabulary learns; rarer ones are copied
    adv_per_step: int = 8  # screens whose captions keep the GAN's decoder able to copy
    adv_loss_weight: float = 0.1  # of their caption loss in the GAN, beside the policy gradient
    photo_ocr_share: float = 0.3  # photos given a few stray OCR words, as real OCR finds
    noise: str = "train/configs/ocr_noise.json"  # the measured OCR noise model


@dataclass
class TrainConfig:
    name: str = "default"
    seed: int = 1234
    threads: int = 2
    # The temperature at which the bundle's "say it differently" samples are drawn (written
    # into its config.json for the engine). A generator whose noise carries the variety wants
    # it cool; one that ignores its noise needs a warmer one to vary at all.
    sample_temperature: float = 0.8
    model: ModelConfig = field(default_factory=ModelConfig)
    data: DataConfig = field(default_factory=DataConfig)
    phases: PhaseConfig = field(default_factory=PhaseConfig)
    screens: ScreenConfig = field(default_factory=ScreenConfig)

    @classmethod
    def load(cls, path: str | Path) -> TrainConfig:
        """A recipe; one that names a `base` recipe (beside it) changes only what it sets."""
        path = Path(path)
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        base = raw.pop("base", None)
        if base is not None:
            merged = cls.load(path.parent / base).to_dict()
            for key, value in raw.items():
                merged[key] = {**merged[key], **value} if isinstance(value, dict) else value
            raw = merged
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: dict) -> TrainConfig:
        sections = {"model": ModelConfig, "data": DataConfig, "phases": PhaseConfig,
                    "screens": ScreenConfig}
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        assert not unknown, f"unknown settings in the recipe: {sorted(unknown)}"
        kwargs = {}
        for key, value in raw.items():
            if key in sections:
                section_type = sections[key]
                names = {f.name for f in fields(section_type)}
                bad = set(value) - names
                assert not bad, f"unknown settings in [{key}]: {sorted(bad)}"
                kwargs[key] = section_type(**value)
            else:
                kwargs[key] = value
        return cls(**kwargs)

    def to_dict(self) -> dict:
        return asdict(self)
