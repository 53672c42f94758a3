"""The training run, top to bottom: data, MLE pretraining of G, pretraining of D, the GAN
(policy gradient with a self-critical baseline), then the bundle. `python -m train` runs it."""

from __future__ import annotations

import itertools
import json
import logging
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from tqdm import tqdm

from train import distributed
from train.batches import Batch, Batcher, Corpus, to_tensor
from train.casual import to_casual
from train.config import TrainConfig
from train.data import CaptionedImage, Vocab, load_source, split
from train.export import export_bundle
from train.imagecache import CACHE_DIR, cached_images
from train.metrics import CiderD, caption_scores
from train.model import UNK_ID, Discriminator, Generator
from train.plot import plot_log
from train.screendata import (
    RenderedScreens,
    ScreenReading,
    load_screens,
    photo_reading,
    render_folder,
)
from train.shownwords import shown_words

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Screens:
    """Rendered screens split into training and held-out ones, as corpora."""

    train: Corpus
    validation: Corpus
    train_screens: RenderedScreens
    validation_screens: RenderedScreens


@dataclass
class Data:
    vocab: Vocab
    train: Corpus
    validation: Corpus
    train_images: np.ndarray
    validation_images: np.ndarray
    description: dict  # what the bundle says about its training data
    screens: Screens | None = None
    shown_words: tuple[str, ...] = ()  # train.shownwords: said of a screen only as its text


def casual_versions(captions: list[tuple[str, ...]], seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [[to_casual(c, rng) for c in caps] for caps in captions]


def load_split(config: TrainConfig) -> tuple[list, list]:
    """The recipe's captioned images, split by image into train and validation."""
    d = config.data
    path = Path(d.path) if Path(d.path).is_absolute() else REPO / d.path
    items = load_source(d.source, path, d.image_root)
    if d.max_images:
        items = items[: d.max_images]
    return split(items, d.validation_share, config.seed)


def prepare_data(config: TrainConfig) -> Data:
    d, sc = config.data, config.screens
    train_items, val_items = load_split(config)
    train_casual = casual_versions([i.captions for i in train_items], config.seed)
    val_casual = casual_versions([i.captions for i in val_items], config.seed + 1)
    plain = [c for i in train_items for c in i.captions]
    corpora = [plain, [c for cs in train_casual for c in cs]]
    size = config.model.image_size
    cache = Path(d.cache_dir) if d.cache_dir else CACHE_DIR
    screen_split = None  # (training screens, held-out screens)
    descriptions = []  # each training screen's two descriptions
    if sc.count:
        # The image viewer shows training photos only: validation photos stay unseen.
        folder = render_folder(cache.parent, sc.count, sc.seed,
                               frozenset(i.path.name for i in train_items), sc.workers)
        rendered = load_screens(folder, size, cache)
        held = min(sc.validation, sc.count // 2)
        screen_split = (rendered.subset(0, sc.count - held),
                        rendered.subset(sc.count - held, sc.count))
        descriptions = list(zip(screen_split[0].plain, screen_split[0].casual, strict=True))
    vocab = Vocab.build(corpora, d.min_word_count, descriptions, sc.min_word_screens)
    description = {
        "source": d.source,
        "path": str(d.path),
        "images": {"train": len(train_items), "validation": len(val_items)},
        "captions": {"train": sum(len(i.captions) for i in train_items)},
        "split_seed": config.seed,
    }
    screens, shown = None, ()
    if screen_split is not None:
        screens = Screens(*(_screen_corpus(r, vocab, sc.max_length) for r in screen_split),
                          *screen_split)
        shown = tuple(shown_words([[text for text, _ in lines] for lines in screen_split[0].lines],
                                  descriptions, plain, vocab.tokens))
        description["screens"] = {
            "rendered_by": "train.screens", "seed": sc.seed,
            "train": len(screen_split[0].names), "held_out": len(screen_split[1].names),
        }
    return Data(
        vocab,
        Corpus.build(train_items, train_casual, vocab, d.max_length),
        Corpus.build(val_items, val_casual, vocab, d.max_length),
        cached_images([i.path for i in train_items], size, cache),
        cached_images([i.path for i in val_items], size, cache),
        description,
        screens,
        shown,
    )


def _screen_corpus(screens: RenderedScreens, vocab: Vocab, max_length: int) -> Corpus:
    items = [CaptionedImage(Path(name), (text,)) for name, text in zip(
        screens.names, screens.plain, strict=True)]
    return Corpus.build(items, [[text] for text in screens.casual], vocab, max_length)


def native_bf16(device: torch.device) -> bool:
    """Whether `device` multiplies bfloat16 in hardware; emulated, it is slower than float32."""
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    return torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()


def autocast_precision(setting: str, device: torch.device) -> torch.dtype:
    """The autocast type of a phase's steps for the recipe's `phases.mle_bf16` or
    `phases.adv_bf16`."""
    if setting == "on" or (setting == "auto" and native_bf16(device)):
        return torch.bfloat16
    return torch.float32


def phase_autocast(setting: str, device: torch.device) -> tuple[torch.dtype, torch.autocast]:
    """A phase's precision for its `phases.*_bf16` setting, and the autocast context its
    steps run in (disabled in float32)."""
    precision = autocast_precision(setting, device)
    return precision, torch.autocast(device.type, dtype=precision,
                                     enabled=precision != torch.float32)


def caption_loss(logits, targets, copies, smoothing: float, vocab_size: int) -> torch.Tensor:
    """Negative log-likelihood of saying the target word either way: from the vocabulary or
    by copying any OCR token that spells it (M4C's loss, as a sum over the right answers);
    label smoothing over the vocabulary. logits (K,V+M), targets (K,), copies (K,M) or None."""
    logp = torch.log_softmax(logits, -1)
    # The right answers are the target's own column and the copy columns, so the sum runs
    # over those alone: masking all V+M columns made this loss a fifth of an MLE step.
    said = logp.gather(1, targets[:, None])
    if copies is not None:
        copied = targets >= vocab_size
        right = copies.clone()
        right[copied, targets[copied] - vocab_size] = True
        # An unknown word that OCR spells is said by copying it, never as <unk>.
        by_word = ~copied & ~((targets == UNK_ID) & copies.any(-1))
        said = torch.cat([said.masked_fill(~by_word[:, None], -math.inf),
                          logp[:, vocab_size:].masked_fill(~right, -math.inf)], -1)
    nll = -torch.logsumexp(said, -1)
    smooth = -logp[:, :vocab_size].mean(-1)
    return ((1 - smoothing) * nll + smoothing * smooth).mean()


def policy_gradient(logits, samples, advantage) -> tuple[torch.Tensor, torch.Tensor]:
    """REINFORCE over sampled captions: logits (S,V+M) of the S words the samples said
    (samples (N,T) != 0, row after row; 0 after <eos>) and each sample's advantage (N,) ->
    (the loss, the policy's mean entropy per word said). The entropy is the GAN's bonus: the
    CIDEr reward sharpens every step onto the words the references share, and the bonus holds
    the other words open."""
    logp = torch.log_softmax(logits, -1)
    entropy = -(logp.exp() * logp).sum(-1).mean()
    return -(advantage * said_logp(logp, samples)).mean(), entropy


def said_logp(logp, tokens) -> torch.Tensor:
    """Each row's log-probability of the words it said: logp (S,V+M) at the S positions where
    tokens (N,T) != 0, row after row -> (N,)."""
    said = tokens != 0
    taken = logp.gather(-1, tokens[said][:, None])[:, 0]
    return taken.new_zeros(len(tokens)).index_add(0, said.nonzero()[:, 0], taken)


class Run:
    """One training run's models, optimisers, progress and log; checkpointed as a whole."""

    def __init__(self, config: TrainConfig, data: Data, out: Path, dist: distributed.Dist):
        self.config, self.data, self.out, self.dist = config, data, out, dist
        self.model_config = config.model
        self.model_config.vocab_size = len(data.vocab)
        torch.manual_seed(config.seed)  # the same initial weights on every rank
        self.generator = Generator(self.model_config).to(dist.device)
        # Channels-last weights let oneDNN's convolutions keep the images in the layout they
        # compute in rather than reorder them at every layer: an MLE step 0.40 to 0.44 s rather
        # than 0.44 to 0.51 on 2 cores of an AMD EPYC, level on an Intel Xeon.
        self.generator.encoder.to(memory_format=torch.channels_last)
        self.discriminator = Discriminator(self.model_config).to(dist.device)
        p = config.phases
        self.g_opt = self.generator_optimizer()
        self.d_opt = torch.optim.Adam(self.discriminator.parameters(), lr=p.disc_lr)
        self.progress = {"phase": "mle", "epoch": 0, "step": 0}
        self.entries: list[dict] = []
        self.rng = random.Random(config.seed + 7919 * dist.rank)
        torch.manual_seed(config.seed + 7919 * dist.rank)  # then different samples per rank
        m = self.model_config
        sc = config.screens
        self.batcher, self.plain_batcher = (
            Batcher(data.train, data.train_images, data.vocab, m.styles, m.mean, m.std,
                    config.data.casual_share, augment=augment, rng=self.rng, reading=reading,
                    captions_per_image=captions)
            for augment, reading, captions in (
                (True, photo_reading(sc.photo_ocr_share, 500) if data.screens else None,
                 p.captions_per_image),
                (False, None, 0),
            )
        )
        self.screen_batcher = self.screen_validation = None
        if data.screens is not None:
            from train.ocrnoise import OcrNoise

            noise = OcrNoise.load(REPO / sc.noise)
            s = data.screens
            # Screens are never mirrored: their text would read backwards.
            self.screen_batcher = Batcher(
                s.train, s.train_screens.images, data.vocab, m.styles, m.mean, m.std,
                sc.casual_share, augment=True, rng=self.rng,
                reading=ScreenReading(s.train_screens, noise), flip=False)
            self.screen_validation = Batcher(
                s.validation, s.validation_screens.images, data.vocab, m.styles, m.mean, m.std,
                0.0, augment=False, rng=random.Random(config.seed),
                reading=ScreenReading(s.validation_screens, noise), flip=False)
        self.banned = (data.vocab.pad, data.vocab.bos, data.vocab.unk)
        self.plain = m.styles.index("plain")
        self.casual = m.styles.index("casual")

    # ---------------------------------------------------------------- checkpoints
    @property
    def checkpoint_file(self) -> Path:
        return self.out / "checkpoint.pt"

    def save(self) -> None:
        if not self.dist.main:
            return
        state = {
            "config": self.config.to_dict(),
            "vocab": self.data.vocab.tokens,
            "generator": self.generator.state_dict(),
            "discriminator": self.discriminator.state_dict(),
            "g_opt": self.g_opt.state_dict(),
            "d_opt": self.d_opt.state_dict(),
            "progress": self.progress,
            "entries": self.entries,
            "rng": self.rng.getstate(),
        }
        partial = self.checkpoint_file.with_suffix(".partial")
        torch.save(state, partial)
        partial.replace(self.checkpoint_file)
        self.write_log()

    def load(self) -> None:
        state = torch.load(self.checkpoint_file, map_location=self.dist.device, weights_only=False)
        assert state["vocab"] == self.data.vocab.tokens, "the checkpoint's vocabulary differs"
        self.generator.load_state_dict(state["generator"])
        self.discriminator.load_state_dict(state["discriminator"])
        self.g_opt.load_state_dict(state["g_opt"])
        self.d_opt.load_state_dict(state["d_opt"])
        self.progress = state["progress"]
        self.entries = state["entries"]
        self.rng.setstate(state["rng"])
        log.info("resumed at %s", self.progress)

    def start_from_mle(self, file: Path) -> None:
        """Skip the MLE phase: the generator's weights from another run's MLE generator (its
        `bundle-mle.generator.pt`, beside its `bundle-mle/`), trained on this run's data and
        vocabulary; it is exported here as this run's `bundle-mle`, which the mix reads."""
        vocab = json.loads((file.parent / file.name.removesuffix(".generator.pt")
                            / "vocab.json").read_text(encoding="utf-8"))
        if vocab != self.data.vocab.tokens:
            raise ValueError(f"{file} was trained on another vocabulary than this recipe's")
        state = torch.load(file, map_location=self.dist.device, weights_only=False)
        self.generator.load_state_dict(state["generator"])
        self.progress = {"phase": "disc", "epoch": 0, "step": 0}
        self.entries.append({"phase": "from_mle", "epoch": 1, "generator": str(file)})
        if self.dist.main:
            self.export("bundle-mle")
        distributed.barrier(self.dist)  # every rank's mix reads it
        self.save()

    def write_log(self) -> None:
        record = {
            "config": self.config.to_dict(),
            "data": self.data.description,
            "vocab_size": len(self.data.vocab),
            "entries": self.entries,
        }
        (self.out / "train_log.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
        plot_log(self.entries, self.out / "train_log.png")

    # ---------------------------------------------------------------- validation
    @torch.no_grad()
    def validate(self) -> dict:
        """Greedy plain captions (noise 0) of the first validation images: BLEU-4, CIDEr-D."""
        g, v = self.generator, self.data.validation
        was_training = g.training
        g.eval()
        count = min(self.config.phases.validation_images, len(v.plain))
        captions = []
        for start in range(0, count, 100):
            ids = list(range(start, min(count, start + 100)))
            m = self.model_config
            x = to_tensor(self.data.validation_images[ids], m.mean, m.std).to(self.dist.device)
            features, pooled = g.encoder(x)
            noise = features.new_zeros(len(ids), self.model_config.noise_dim)
            style = torch.full((len(ids),), self.plain, dtype=torch.long, device=x.device)
            out = g.sample(
                features,
                pooled,
                noise,
                style,
                self.config.data.max_length + 1,
                self.data.vocab.bos,
                self.data.vocab.eos,
                self.banned,
                greedy=True,
            )
            captions += [" ".join(self.data.vocab.decode(row.tolist())) for row in out]
        g.train(was_training)
        refs = {str(i): [" ".join(r) for r in v.references[i]] for i in range(count)}
        scores = caption_scores(refs, {str(i): c or "a" for i, c in enumerate(captions)})
        words = {w for c in captions for w in c.split()}
        log.info(
            "validation: BLEU-4 %.3f CIDEr-D %.3f, e.g. '%s'",
            scores["bleu4"],
            scores["cider_d"],
            captions[0],
        )
        result = {
            "val_bleu4": scores["bleu4"],
            "val_cider": scores["cider_d"],
            "val_vocab": len(words),
            "val_distinct": len(set(captions)) / max(1, count),
            "val_example": captions[0],
        }
        if self.screen_validation is not None:
            result.update(self.validate_screens())
        return result

    @torch.no_grad()
    def validate_screens(self, count: int = 100) -> dict:
        """Greedy plain descriptions of held-out rendered screens, read through the OCR noise
        model (the same noise every time): CIDEr-D against the renderer's two descriptions."""
        g, v, screens = self.generator, self.data.vocab, self.data.screens.validation
        was_training = g.training
        g.eval()
        self.screen_validation.rng = random.Random(self.config.seed)
        ids = list(range(min(count, len(screens.plain))))
        b = self.screen_validation.batch(ids)
        features, pooled = g.encoder(b.images.to(self.dist.device))
        out = g.sample(
            features, pooled, features.new_zeros(len(ids), self.model_config.noise_dim),
            torch.full((len(ids),), self.plain, dtype=torch.long, device=features.device),
            self.config.screens.max_length + 1, v.bos, v.eos, self.banned, greedy=True,
            ocr=b.ocr_args(self.dist.device),
        )
        g.train(was_training)
        texts = [" ".join(v.decode(row.tolist(), words))
                 for row, words in zip(out, b.ocr_words, strict=True)]
        refs = {str(i): [" ".join(screens.references[i][0]), " ".join(screens.casual_words[i][0])]
                for i in ids}
        spoken = {str(i): t.lower() or "a" for i, t in zip(ids, texts, strict=True)}
        scores = caption_scores(refs, spoken)
        log.info("held-out screens: CIDEr-D %.3f, e.g. '%s'", scores["cider_d"], texts[0])
        return {"val_screen_cider": scores["cider_d"], "val_screen_example": texts[0]}

    def record(self, entry: dict) -> None:
        if self.dist.main:
            entry.update(self.validate())
        self.entries.append(entry)
        self.save()
        distributed.barrier(self.dist)

    # ---------------------------------------------------------------- phase 1: MLE
    def mle(self) -> None:
        p, d = self.config.phases, self.dist
        model = distributed.wrap(self.generator, d)
        steps_per_epoch = len(
            distributed.shard(len(self.data.train.plain), d, 0, 0, p.images_per_step)
        )
        total = max(1, p.mle_epochs * steps_per_epoch)
        warmup = min(300, total // 10 + 1)

        def done_share(step: int) -> float:
            """How much of the phase is behind us: by steps, or by the clock if it is faster."""
            share = step / total
            if p.mle_minutes:
                spent = self.progress.get("mle_seconds", 0.0) + time.time() - started
                share = max(share, spent / (60 * p.mle_minutes))
            return distributed.agreed_max(share, d)

        def lr_at(step: int, share: float) -> float:
            if step < warmup:
                return p.mle_lr * (step + 1) / warmup
            return p.mle_lr * 0.5 * (1 + math.cos(math.pi * min(1.0, share)))

        precision, autocast = phase_autocast(p.mle_bf16, d.device)
        log.info("MLE steps in %s", precision)
        self.generator.train()
        finished = False
        while self.progress["epoch"] < p.mle_epochs and not finished:
            epoch = self.progress["epoch"]
            started = time.time()
            sums: dict[str, float] = {}
            batches = distributed.shard(
                len(self.data.train.plain), d, self.config.seed, epoch, p.images_per_step
            )
            bar = tqdm(batches, desc=f"MLE epoch {epoch + 1}/{p.mle_epochs}", disable=not d.main)
            steps = 0
            for i, ids in enumerate(bar):
                share = done_share(epoch * steps_per_epoch + i)
                if share >= 1.0:
                    finished = True  # out of time: the learning rate has reached zero
                    break
                for group in self.g_opt.param_groups:
                    group["lr"] = lr_at(epoch * steps_per_epoch + i, share)
                steps += 1
                self.g_opt.zero_grad(set_to_none=True)
                with autocast:
                    losses = self._mle_losses(model, ids)
                (sum(weight * loss for loss, weight in losses.values())).backward()
                for key, (loss, _) in losses.items():
                    sums[key] = sums.get(key, 0.0) + loss.item()
                torch.nn.utils.clip_grad_norm_(self.generator.parameters(), 5.0)
                self.g_opt.step()
                bar.set_postfix(ce=f"{losses['ce'][0].item():.3f}")
            bar.close()
            self.progress["epoch"] = epoch + 1
            spent = time.time() - started
            self.progress["mle_seconds"] = self.progress.get("mle_seconds", 0.0) + spent
            n = max(1, steps)
            self.record(
                {
                    "phase": "mle",
                    "epoch": epoch + 1,
                    "steps": steps,
                    **{key: total / n for key, total in sums.items()},
                    "lr": self.g_opt.param_groups[0]["lr"],
                    "precision": str(precision).removeprefix("torch."),
                    "seconds": time.time() - started,
                }
            )
        self.progress.update(phase="disc", step=0)
        if d.main:
            self.export("bundle-mle")
        self.save()

    def _screen_ids(self, count: int | None = None) -> list[int]:
        total = len(self.data.screens.train.plain)
        count = count or self.config.screens.per_step
        return self.rng.sample(range(total), min(count, total))

    def _screen_captions(self, parts: dict) -> Batch:
        """Add a batch of screens' descriptions to a GAN step's decoder call (their features
        from the frozen encoder), every row with OCR inputs; returns the screens' batch."""
        dev = self.dist.device
        sb = self.screen_batcher.batch(self._screen_ids(self.config.screens.adv_per_step))
        with torch.no_grad():
            features, pooled = self.generator.encoder(sb.images.to(dev))
        rows = sum(len(t) for t in parts["tokens"])
        ocr, ids, mask = (t.to(dev)[sb.image_index] for t in sb.ocr)
        parts["tokens"].append(sb.inputs.to(dev))
        parts["features"].append(features[sb.image_index])
        parts["pooled"].append(pooled[sb.image_index])
        parts["noise"].append(torch.randn(len(sb.inputs), self.model_config.noise_dim,
                                          device=dev))
        parts["style"].append(sb.style.to(dev))
        parts["ocr"] = (F.pad(ocr, (0, 0, 0, 0, rows, 0)), F.pad(ids, (0, 0, rows, 0)),
                        F.pad(mask, (0, 0, rows, 0)))
        return sb

    def _mle_losses(self, model, ids: list[int]) -> dict[str, tuple[torch.Tensor, float]]:
        """One MLE step's losses and their weights: the photos' captions and bag of words,
        and with screens, the screens' descriptions, all from one encoder pass. The screens'
        loss is a mean over a few screens' long descriptions; at full weight those 16 screens
        pulled on the shared model as hard as the 320 photo captions beside them."""
        p, sc = self.config.phases, self.config.screens
        batches = [self.batcher.batch(ids)]
        if self.screen_batcher is not None:
            batches.append(self.screen_batcher.batch(self._screen_ids()))
        images = torch.cat([b.images for b in batches]).to(self.dist.device)
        groups, first = [], 0
        for b in batches:
            groups.append(self._teacher_inputs(b, first))
            first += len(b.image_ids)
        logits, bow = model(images, groups)
        photos = batches[0]
        losses = {
            "ce": (self._caption_loss(logits[0], photos, p.label_smoothing), 1.0),
            "bow": (F.binary_cross_entropy_with_logits(
                bow[: len(photos.image_ids)], photos.bow.to(self.dist.device), reduction="sum"
            ) / len(photos.image_ids), p.bow_weight),
        }
        if len(batches) > 1:
            losses["screen_ce"] = (
                self._caption_loss(logits[1], batches[1], p.label_smoothing), sc.loss_weight)
        return losses

    def _teacher_inputs(self, b: Batch, first: int = 0) -> tuple:
        """The generator's caption group for teacher forcing on `b`, whose images start at
        row `first` of the step's images; noise drawn fresh."""
        dev = self.dist.device
        noise = torch.randn(len(b.style), self.model_config.noise_dim)
        ocr = tuple(t.to(dev)[b.image_index] for t in b.ocr) if b.ocr is not None else ()
        return (b.inputs.to(dev), (b.image_index + first).to(dev), noise.to(dev),
                b.style.to(dev), b.targets.to(dev) != 0, *ocr)

    def _caption_loss(self, logits, b: Batch, smoothing: float) -> torch.Tensor:
        targets = b.targets.to(self.dist.device)
        keep = targets != 0
        copies = b.copies.to(self.dist.device)[keep] if b.copies is not None else None
        return caption_loss(logits, targets[keep], copies, smoothing, len(self.data.vocab))

    # ---------------------------------------------------------------- GAN helpers
    def frozen_features(self, ids: list[int]):
        with torch.no_grad():
            b = self.plain_batcher.batch(ids)
            features, pooled = self.generator.encoder(b.images.to(self.dist.device))
        return b, features, pooled

    def generate(self, features, pooled, styles, k: int):
        """K sampled captions per image, each with its own noise: ids (B*K,T)."""
        rep = torch.arange(features.shape[0], device=features.device).repeat_interleave(k)
        noise = torch.randn(len(rep), self.model_config.noise_dim, device=features.device)
        style = styles.repeat_interleave(k)
        out = self.generator.sample(
            features[rep],
            pooled[rep],
            noise,
            style,
            self.config.data.max_length + 1,
            self.data.vocab.bos,
            self.data.vocab.eos,
            self.banned,
        )
        return out, rep, noise, style

    def closest_noise(self, b: Batch, features, pooled, autocast) -> torch.Tensor:
        """For each human caption of `b`, the one of `adv_noise_candidates` noise draws under
        which the generator finds it likeliest (conditional IMLE): (captions, noise_dim)."""
        dev, m = self.dist.device, self.config.phases.adv_noise_candidates
        h = len(b.inputs)
        noise = torch.randn(m, h, self.model_config.noise_dim, device=dev)
        if m == 1:
            return noise[0]
        targets = b.targets.to(dev).repeat(m, 1)
        said = targets != 0
        index = b.image_index.to(dev).repeat(m)
        with torch.no_grad(), autocast:
            logits = self.generator.decoder(b.inputs.to(dev).repeat(m, 1), features[index],
                                            pooled[index], noise.flatten(0, 1),
                                            b.style.to(dev).repeat(m), said)
        likelihood = said_logp(torch.log_softmax(logits.float(), -1), targets).view(m, h)
        return noise[likelihood.argmax(0), torch.arange(h, device=dev)]

    def disc_loss(self, disc, b, pooled, fakes, fake_rep, fake_style):
        """Human (matched, right register) vs generated, mismatched and wrong-register human."""
        dev = self.dist.device
        human, index, style = b.targets.to(dev), b.image_index.to(dev), b.style.to(dev)
        shift = (index + 1) % pooled.shape[0]  # another image of the batch for each caption
        wrong = 1 - style  # two registers: the other one
        width = max(human.shape[1], fakes.shape[1])
        human = F.pad(human, (0, width - human.shape[1]))
        fakes = F.pad(fakes, (0, width - fakes.shape[1]))
        tokens = torch.cat([human, fakes, human, human])
        images = torch.cat([pooled[index], pooled[fake_rep], pooled[shift], pooled[index]])
        styles = torch.cat([style, fake_style, style, wrong])
        m, f = len(human), len(fakes)
        # Judged in four sets (with set features): the human captions, the samples, and the
        # human captions again against other images and in the other register.
        sets = torch.repeat_interleave(torch.arange(4), torch.tensor([m, f, m, m])).to(dev)
        described = torch.cat([index, fake_rep, index, index])
        logits = disc(images, tokens, styles, sets, described)
        labels = torch.cat([torch.ones(m), torch.zeros(f + 2 * m)]).to(dev)
        weights = torch.cat(
            [
                torch.full((m,), 1.0 / m),
                torch.full((f,), 1.0 / (3 * f)),
                torch.full((2 * m,), 1.0 / (3 * m)),
            ]
        ).to(dev)
        loss = F.binary_cross_entropy_with_logits(logits, labels, reduction="none") * weights
        accuracy = ((logits > 0).float() == labels).float().mean()
        return loss.sum() / 2, accuracy.item()

    def image_styles(self, count: int) -> torch.Tensor:
        """The register of each image's samples, in the discriminator's pretraining and the GAN."""
        share = self.config.phases.adv_casual_share
        if share is None:
            share = self.config.data.casual_share
        return torch.tensor(
            [self.casual if self.rng.random() < share else self.plain for _ in range(count)],
            device=self.dist.device,
        )

    @property
    def disc_samples_per_image(self) -> int:
        """How many of an image's samples D learns from: a discriminator with set features
        judges an image's K samples together, as the GAN's reward asks it to; the other one
        judges a caption alone, and learns from one sample of each image."""
        return self.config.phases.samples_per_image if self.model_config.disc_set_features else 1

    # ---------------------------------------------------------------- phase 2: D
    def pretrain_disc(self) -> None:
        p, d = self.config.phases, self.dist
        disc = distributed.wrap(self.discriminator, d)
        self.generator.eval()
        started, losses, accs = time.time(), [], []
        bar = tqdm(
            range(self.progress["step"], p.disc_steps), desc="D pretraining", disable=not d.main
        )
        for step in bar:
            ids = self._step_ids(step, p.adv_images_per_step)
            b, features, pooled = self.frozen_features(ids)
            fakes, rep, _, style = self.generate(features, pooled, self.image_styles(len(ids)),
                                                 self.disc_samples_per_image)
            loss, acc = self.disc_loss(disc, b, pooled, fakes, rep, style)
            self.d_opt.zero_grad(set_to_none=True)
            loss.backward()
            self.d_opt.step()
            losses.append(loss.item())
            accs.append(acc)
            bar.set_postfix(loss=f"{loss.item():.3f}", acc=f"{acc:.2f}")
            self.progress["step"] = step + 1
        # The GAN's Adam starts without the MLE gradients' moments, so that make train's GAN
        # is the one a rerun from a saved MLE generator (--from-mle) trains, where the
        # recipe's GAN settings are chosen.
        self.g_opt = self.generator_optimizer()
        self.progress.update(phase="adv", step=0)
        self.entries.append(
            {
                "phase": "disc",
                "epoch": len(self.entries) + 1,
                "d_loss": float(np.mean(losses or [0])),
                "d_accuracy": float(np.mean(accs or [0])),
                "seconds": time.time() - started,
            }
        )
        self.save()

    def generator_optimizer(self) -> torch.optim.Optimizer:
        """A fresh AdamW over the generator; each phase sets its learning rate step by step."""
        return torch.optim.AdamW(self.generator.parameters(), lr=self.config.phases.mle_lr,
                                 weight_decay=1e-4)

    def _step_ids(self, step: int, count: int) -> list[int]:
        """Images for a GAN step: the same shuffle on every rank, each rank its own share."""
        per_epoch = distributed.shard(
            len(self.data.train.plain), self.dist, self.config.seed, 10_000 + step // 1000, count
        )
        return per_epoch[step % len(per_epoch)]

    # ---------------------------------------------------------------- phase 3: GAN
    def adversarial(self) -> None:
        p, d, v = self.config.phases, self.dist, self.data.vocab
        decoder = distributed.wrap(self.generator.decoder, d)
        disc = distributed.wrap(self.discriminator, d)
        for param in [*self.generator.encoder.parameters(), *self.generator.bow.parameters()]:
            param.requires_grad_(False)
        scorers = reward_scorers(self.data.train, v, self.plain, self.casual,
                                 p.casual_reward_references)
        precision, autocast = phase_autocast(p.adv_bf16, d.device)
        log.info("GAN steps in %s", precision)
        # Dropout off: the log-probabilities must be those of the policy that sampled.
        self.generator.eval()
        self.discriminator.train()
        k = p.samples_per_image
        rounds = max(1, min(5, p.adv_steps))  # log entries (with validation) during the GAN
        every = max(1, p.adv_steps // rounds)
        sums: dict[str, float] = {}
        started = time.time()
        spent_before = self.progress.get("adv_seconds", 0.0)
        phase_started = time.time()
        bar = tqdm(range(self.progress["step"], p.adv_steps), desc="GAN", disable=not d.main)
        for step in bar:
            for group in self.g_opt.param_groups:
                group["lr"] = self.adv_lr_at(step, spent_before + time.time() - phase_started)
            ids = self._step_ids(step, p.adv_images_per_step)
            b, features, pooled = self.frozen_features(ids)
            styles = self.image_styles(len(ids))
            with autocast:
                samples, rep, noise, style = self.generate(features, pooled, styles, k)
            with torch.no_grad():
                d_prob = torch.sigmoid(self.discriminator(pooled[rep], samples, style,
                                                          torch.zeros_like(rep), rep))
            words = [v.decode(row.tolist()) for row in samples]
            cider = torch.zeros(len(words), device=d.device)
            for style_id, scorer in scorers.items():
                rows = (style == style_id).nonzero()[:, 0].tolist()
                if rows:
                    scores = scorer.score([words[i] for i in rows], [ids[rep[i]] for i in rows])
                    cider[rows] = torch.as_tensor(scores, dtype=torch.float32, device=d.device)
            overlap = torch.tensor(_overlaps(words, k), device=d.device)
            lam = p.reward_disc_weight
            reward = lam * d_prob + (1 - lam) * cider - p.reward_overlap_weight * overlap
            reward = reward.view(-1, k)  # (B, K)
            baseline = (reward.sum(1, keepdim=True) - reward) / (k - 1)  # mean of the others
            advantage = (reward - baseline).flatten()

            # One decoder call for the samples, the human captions and, with screens, the
            # screens' descriptions (DDP: one forward).
            dev = d.device
            human_in, human_out = b.inputs.to(dev), b.targets.to(dev)
            sample_in = torch.cat([torch.full_like(samples[:, :1], v.bos), samples[:, :-1]], 1)
            index = torch.cat([rep, b.image_index.to(dev)])
            parts = {
                "tokens": [sample_in, human_in],
                "features": [features[index]],
                "pooled": [pooled[index]],
                "noise": [noise, self.closest_noise(b, features, pooled, autocast)],
                "style": [style, b.style.to(dev)],
            }
            screen = self._screen_captions(parts) if self.screen_batcher is not None else None
            width = max(t.shape[1] for t in parts["tokens"])
            tokens = torch.cat([F.pad(t, (0, width - t.shape[1])) for t in parts["tokens"]])
            # Logits of the words said alone: a step's rows are padded to its longest screen
            # description, and most of the (rows, width) positions say nothing.
            kept = [samples != 0, human_out != 0]
            if screen is not None:
                kept.append(screen.targets.to(dev) != 0)
            keep = torch.cat([F.pad(t, (0, width - t.shape[1])) for t in kept])
            ocr = parts.get("ocr", ())
            with autocast:
                logits = decoder(tokens, *(torch.cat(parts[k]) for k in
                                           ("features", "pooled", "noise", "style")), keep, *ocr)
            sample_logits, human_logits, *screen_logits = logits.split(
                [int(t.sum()) for t in kept])
            pg, entropy = policy_gradient(sample_logits, samples, advantage)
            ce = F.cross_entropy(human_logits, human_out[kept[1]])
            loss = pg + p.adv_ce_weight * ce - p.entropy_weight * entropy
            screen_ce = float("nan")
            if screen is not None:
                screen_loss = self._caption_loss(screen_logits[0], screen, 0.0)
                loss = loss + self.config.screens.adv_loss_weight * screen_loss
                screen_ce = screen_loss.item()
            self.g_opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.generator.decoder.parameters(), 5.0)
            self.g_opt.step()

            d_loss, d_acc = float("nan"), float("nan")
            if step % p.disc_every == 0:
                keep = torch.arange(len(rep), device=rep.device) % k < self.disc_samples_per_image
                dl, d_acc = self.disc_loss(disc, b, pooled, samples[keep], rep[keep], style[keep])
                self.d_opt.zero_grad(set_to_none=True)
                dl.backward()
                self.d_opt.step()
                d_loss = dl.item()
            for key, value in (
                ("reward", reward.mean().item()),
                ("d_prob", d_prob.mean().item()),
                ("cider_reward", cider.mean().item()),
                ("overlap", overlap.mean().item()),
                ("pg", pg.item()),
                ("entropy", entropy.item()),
                ("ce", ce.item()),
                ("screen_ce", screen_ce),
                ("d_loss", d_loss),
                ("d_accuracy", d_acc),
            ):
                if not math.isnan(value):
                    sums[key] = sums.get(key, 0.0) + value
                    sums[key + "#"] = sums.get(key + "#", 0) + 1
            bar.set_postfix(reward=f"{reward.mean().item():.3f}", d=f"{d_prob.mean().item():.2f}")
            self.progress["step"] = step + 1
            self.progress["adv_seconds"] = spent_before + time.time() - phase_started
            out_of_time = (
                bool(p.adv_minutes)
                and distributed.agreed_max(self.progress["adv_seconds"], d) >= 60 * p.adv_minutes
            )
            if (step + 1) % every == 0 or step + 1 == p.adv_steps or out_of_time:
                entry = {
                    "phase": "adv",
                    "epoch": len(self.entries) + 1,
                    "step": step + 1,
                    "lr": self.g_opt.param_groups[0]["lr"],
                    "precision": str(precision).removeprefix("torch."),
                    "seconds": time.time() - started,
                }
                entry.update(
                    {key: sums[key] / sums[key + "#"] for key in sums if not key.endswith("#")}
                )
                sums, started = {}, time.time()
                self.record(entry)
            if out_of_time:
                break
        self.progress.update(phase="done", step=0)
        if d.main and p.adv_mix < 1.0:
            # The GAN alone, measured beside the mix and the MLE generator (README's table).
            self.export("bundle-gan")
        self.mix_with_mle(p.adv_mix)
        self.save()

    def adv_lr_at(self, step: int, seconds: float) -> float:
        """The GAN's learning rate at `step`, `seconds` into the phase (`adv_lr_decay`)."""
        p = self.config.phases
        if not p.adv_lr_decay:
            return p.adv_lr
        share = step / p.adv_steps
        if p.adv_minutes:
            share = max(share, seconds / (60 * p.adv_minutes))
        share = distributed.agreed_max(share, self.dist)
        return p.adv_lr * 0.5 * (1 + math.cos(math.pi * min(1.0, share)))

    def mix_with_mle(self, share: float) -> None:
        """Set the generator's weights to `share` of its own (after the GAN) and the rest of
        the MLE generator's (WiSE-FT). The GAN changes only the decoder. On two runs of the
        recipe the mix described photos better than the GAN alone (CIDEr-D +0.01) and kept a
        third more of the MLE generator's vocabulary; on one, it also kept more of the MLE
        generator's kind recall on real screenshots (README)."""
        if share >= 1.0:
            return
        mle = torch.load(self.out / "bundle-mle.generator.pt", map_location=self.dist.device,
                         weights_only=False)["generator"]
        mixed = {name: share * value + (1 - share) * mle[name]
                 if value.is_floating_point() else value
                 for name, value in self.generator.state_dict().items()}
        self.generator.load_state_dict(mixed)
        log.info("generator: %.2f of the GAN's weights, %.2f of the MLE's", share, 1 - share)
        # Validated again: the bundle's figures from training are the mixed generator's.
        self.record({"phase": "mix", "epoch": len(self.entries) + 1, "adv_mix": share})

    # ---------------------------------------------------------------- bundle
    def export(self, name: str) -> Path:
        metrics = next((e for e in reversed(self.entries) if "val_cider" in e), {})
        measured = {
            "during_training": {
                "split": "validation",
                "images": min(
                    self.config.phases.validation_images, len(self.data.validation.plain)
                ),
                "style": "plain",
                "decoding": "greedy, noise 0",
                "bleu4": metrics.get("val_bleu4"),
                "cider_d": metrics.get("val_cider"),
            }
        }
        return export_bundle(
            self.generator,
            self.data.vocab,
            self.config,
            self.out / name,
            self.data.description,
            measured,
            self.data.shown_words,
        )


def _overlaps(captions: list[list[str]], k: int) -> list[float]:
    """Per caption, the share of its bigrams that another of its image's K captions uses."""
    shares = []
    for start in range(0, len(captions), k):
        group = [set(itertools.pairwise(c)) for c in captions[start : start + k]]
        for i, grams in enumerate(group):
            others = set().union(*(g for j, g in enumerate(group) if j != i))
            shares.append(len(grams & others) / max(1, len(grams)))
    return shares


def reward_scorers(corpus: Corpus, vocab: Vocab, plain: int, casual: int,
                   casual_references: str) -> dict[int, CiderD]:
    """The CIDEr-D scorer of each register's samples in the GAN's reward, by style id: plain
    samples against the human captions; casual ones against the casual rewrites of them, or,
    with `casual_references` "human", against the human captions too."""
    human = CiderD(corpus.references)
    if casual_references == "human":
        return {plain: human, casual: human}
    rewrites = [[vocab.decode(ids) for ids in captions] for captions in corpus.casual]
    return {plain: human, casual: CiderD(rewrites)}


def train(config: TrainConfig, out: Path, resume: bool = False,
          from_mle: Path | None = None) -> Path:
    """Run every phase that is not yet done, the MLE phase not at all `from_mle` (another
    run's MLE generator); returns the bundle's folder."""
    dist = distributed.setup()
    torch.set_num_threads(config.threads)
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    # The first rank builds the image cache; the others wait, then read it.
    if not dist.main:
        distributed.barrier(dist)
    data = prepare_data(config)
    if dist.main:
        distributed.barrier(dist)
    log.info("data: %s, vocabulary %d", data.description, len(data.vocab))
    run = Run(config, data, out, dist)
    if resume and run.checkpoint_file.is_file():
        run.load()
    elif from_mle is not None:
        run.start_from_mle(from_mle)
    if run.progress["phase"] == "mle":
        run.mle()
    if run.progress["phase"] == "disc":
        run.pretrain_disc()
    if run.progress["phase"] == "adv":
        run.adversarial()
    bundle = out / "bundle"
    if dist.main:
        bundle = run.export("bundle")
        log.info("bundle written to %s after %.0f s", bundle, time.time() - started)
    distributed.barrier(dist)
    distributed.teardown(dist)
    return bundle
