"""The GAN captioner's networks: a CNN encoder and an attention GRU decoder (the generator),
and a discriminator over (image, caption, style). Built from a `ModelConfig`; see train/loop.py."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from engine.ocrtokens import FEATURES as OCR_FEATURES
from engine.ocrtokens import MAX_TOKENS as MAX_OCR_TOKENS
from engine.text import SPECIAL_TOKENS, UNK

UNK_ID = SPECIAL_TOKENS.index(UNK)  # the vocabulary's fixed ids
TEXT_COUNT_SCALE = math.log1p(MAX_OCR_TOKENS)  # the token count's log then lies in 0..1


@dataclass
class ModelConfig:
    image_size: int = 96  # the CNN's input; the cache and the engine resize to it
    # Per stage; all but the first halve the grid (with `stem_pool`, all but the first and last).
    channels: tuple[int, ...] = (32, 64, 128, 256)
    # A 3x3 max pool after the stem's convolution, as ResNet's stem has: the first stage runs
    # on a quarter of the cells, and the last stage then keeps its grid rather than halve it.
    stem_pool: bool = False
    feature_dim: int = 256  # D: each grid cell's feature, the attention keys and values
    embed_dim: int = 256
    hidden_dim: int = 512  # H: the GRU state, the only recurrent state the engine carries
    cond_dim: int = 256  # image summary + noise + style, fed at every step
    noise_dim: int = 16
    style_dim: int = 32
    styles: tuple[str, ...] = ("casual", "plain")
    dropout: float = 0.3
    disc_dim: int = 256
    # The discriminator also sees how like the other captions judged with it each caption is:
    # its own image's and the other images' (minibatch discrimination, Salimans et al. 2016).
    disc_set_features: bool = False
    vocab_size: int = 0  # set from the data's vocabulary
    follow_copies: bool = False  # the copy head's bonus for reading on to the next OCR word
    text_condition: bool = False  # the condition also sums up the OCR tokens (what text shows)
    # The output layer's weights are the word embeddings (Press and Wolf 2017): a word's
    # vector is learnt from both reading and saying it. Needs embed_dim == hidden_dim.
    tie_words: bool = False
    mean: tuple[float, float, float] = (0.485, 0.456, 0.406)
    std: tuple[float, float, float] = (0.229, 0.224, 0.225)
    extra: dict = field(default_factory=dict)  # free-form notes kept with the checkpoint

    def __post_init__(self):
        # TOML gives lists; tuples keep the config hashable and the bundle's JSON stable.
        self.channels = tuple(self.channels)
        self.styles = tuple(self.styles)
        self.mean = tuple(self.mean)
        self.std = tuple(self.std)


class ResidualBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Identity()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(
                nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout)
            )

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(y)) + self.shortcut(x))


class Encoder(nn.Module):
    """Image (B,3,S,S), normalised -> grid features (B,N,D) and their mean (B,D)."""

    def __init__(self, config: ModelConfig):
        super().__init__()
        c = config.channels
        stem = [nn.Conv2d(3, c[0], 3, 2, 1, bias=False), nn.BatchNorm2d(c[0]),
                nn.ReLU(inplace=True)]
        strides = [2] * (len(c) - 1)
        if config.stem_pool:
            stem.append(nn.MaxPool2d(3, 2, 1))
            strides[-1] = 1
        self.stem = nn.Sequential(*stem)
        stages = [ResidualBlock(c[0], c[0], 1)]
        stages += [ResidualBlock(cin, cout, s)
                   for (cin, cout), s in zip(itertools.pairwise(c), strides, strict=True)]
        self.stages = nn.Sequential(*stages)
        self.project = nn.Conv2d(c[-1], config.feature_dim, 1)

    def forward(self, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        grid = F.relu(self.project(self.stages(self.stem(image))))  # (B, D, h, w)
        features = grid.flatten(2).transpose(1, 2)  # (B, N=h*w, D)
        return features, features.mean(dim=1)


class Decoder(nn.Module):
    """A GRU over words; each step sees the image summary, noise and style, then attends over
    the image grid and over the OCR tokens with its new state. The state is zeros at the
    start, as the engine feeds it.

    Its output has V + M columns: the vocabulary, then a copy score for each of the M OCR
    tokens (the M4C pointer). A copied word is fed back as its vocabulary word when the
    vocabulary knows it, else as <unk> plus its OCR token. OCR inputs may be left out
    (photos in the GAN): then there is one masked slot and nothing can be copied.

    With `follow_copies`, each OCR token right after one that spells the word just said
    gets a bonus on its copy score, learnt from the decoder's state: a title or a message
    is read on word by word ("Storm expected to reach the coast") rather than left after
    its first word or mixed with words of the vocabulary.

    With `text_condition`, the condition fed at every step also holds the mean of the OCR
    token vectors and how many there are: from the first word on, the decoder knows whether
    the picture shows text and which, rather than learning it from a 96-pixel image where a
    small dialog is a few grey pixels on a wallpaper that looks like a photo."""

    def __init__(self, config: ModelConfig):
        super().__init__()
        v, d, h = config.vocab_size, config.feature_dim, config.hidden_dim
        assert v > 4, f"vocab_size must be set from the data, got {v}"
        self.vocab_size = v
        self.embed = nn.Embedding(v, config.embed_dim)
        self.style = nn.Embedding(len(config.styles), config.style_dim)
        self.text_condition = config.text_condition
        text = d + 1 if config.text_condition else 0
        self.cond = nn.Linear(d + config.noise_dim + config.style_dim + text, config.cond_dim)
        self.gru = nn.GRU(config.embed_dim + config.cond_dim, h, batch_first=True)
        self.query = nn.Linear(h, d)
        self.ocr_in = nn.Linear(OCR_FEATURES, d)
        self.ocr_word = nn.Linear(config.embed_dim, d)
        self.ocr_norm = nn.LayerNorm(d)
        self.ocr_query = nn.Linear(h, d)
        self.null_key = nn.Parameter(torch.zeros(d))  # attending to no OCR token at all
        self.copy_embed = nn.Linear(d, config.embed_dim)
        self.copy_query = nn.Linear(h, d)
        self.copy_key = nn.Linear(d, d)
        self.combine = nn.Linear(h + 2 * d, h)
        self.follow = nn.Linear(h, 1) if config.follow_copies else None
        self.dropout = nn.Dropout(config.dropout)
        self.out = nn.Linear(h, v)
        if config.tie_words:
            assert config.embed_dim == h, "tie_words needs embed_dim == hidden_dim"
            # Scaled as an output layer: tanh states times unit-variance vectors would give
            # logits with a spread of sqrt(H) at the start.
            nn.init.normal_(self.embed.weight, std=h ** -0.5)
            self.out.weight = self.embed.weight
        self.scale = 1.0 / math.sqrt(d)

    def text_summary(self, ocr_tokens, ocr_mask) -> torch.Tensor | None:
        """With `text_condition`, what text the picture shows, for the condition: the mean of
        its OCR token vectors and how many there are (B, D+1); else None. The same for every
        step of a caption, so the engine's reader graph computes it once per picture."""
        if not self.text_condition:
            return None
        count = ocr_mask.sum(1, keepdim=True)  # (B, 1)
        return torch.cat([(ocr_tokens * ocr_mask[..., None]).sum(1) / count.clamp(min=1),
                          torch.log1p(count) / TEXT_COUNT_SCALE], dim=-1)

    def condition(self, pooled, noise, style, text) -> torch.Tensor:
        """The condition fed at every step: image summary, noise, style and, with
        `text_condition`, the `text_summary`."""
        parts = [pooled, noise, self.style(style)]
        if text is not None:
            parts.append(text)
        return torch.tanh(self.cond(torch.cat(parts, dim=-1)))

    def read_ocr(self, ocr, ocr_ids, ocr_mask, features: torch.Tensor):
        """OCR tokens (B,M,F), their word ids (B,M) and mask (B,M) -> what the steps read of
        them: token vectors (B,M,D), their copy keys (B,M,D), ids and mask; with `ocr` None,
        one masked slot per row. The same for every step of a caption, so the engine reads
        them once per picture (its reader graph)."""
        if ocr is None:
            batch = features.shape[0]
            ocr = features.new_zeros(batch, 1, OCR_FEATURES)
            ocr_ids = torch.zeros(batch, 1, dtype=torch.long, device=features.device)
            ocr_mask = features.new_zeros(batch, 1)
        tokens = self.ocr_norm(self.ocr_in(ocr) + self.ocr_word(self.embed(ocr_ids)))
        return tokens, self.copy_key(tokens), ocr_ids, ocr_mask

    def _words(self, tokens, ocr_ids):
        """Input ids (B,T) that may point at OCR tokens (id >= V) -> (whether each points at
        one, the slot it points at (0 if none), its word's vocabulary id)."""
        copied = tokens >= self.vocab_size
        slot = (tokens - self.vocab_size).clamp(min=0, max=ocr_ids.shape[1] - 1)
        return copied, slot, torch.where(copied, ocr_ids.gather(1, slot), tokens)

    def _inputs(self, tokens, ocr_tokens, ocr_ids):
        """Embeddings of input ids (B,T) that may point at OCR tokens (id >= V)."""
        copied, slot, words = self._words(tokens, ocr_ids)
        picked = ocr_tokens.gather(1, slot[..., None].expand(-1, -1, ocr_tokens.shape[-1]))
        unknown = (copied & (words == UNK_ID))[..., None].float()
        return self.embed(words) + unknown * self.copy_embed(picked)

    def _next_words(self, tokens, ocr_ids, ocr_mask):
        """(B,T,M): 1 where OCR token m follows one that spells input token t's word. A copied
        word the vocabulary knows counts as that word wherever OCR spells it, as its embedding
        does, so teacher forcing (which feeds it as a vocabulary id) and decoding agree. The
        special tokens (padding, <unk>...) spell nothing."""
        _, _, words = self._words(tokens, ocr_ids)
        slots = torch.arange(ocr_ids.shape[1], device=tokens.device)
        copied = tokens[..., None] == self.vocab_size + slots  # (B,T,M)
        spelt = (words[..., None] == ocr_ids[:, None, :]) & (words[..., None] > UNK_ID)
        said = (copied | spelt).float() * ocr_mask[:, None, :]
        return F.pad(said[..., :-1], (1, 0)) * ocr_mask[:, None, :]

    def _read(self, states, features, ocr_tokens, ocr_keys, ocr_ids, ocr_mask, tokens,
              keep=None):
        # states (B,T,H) attend over the grid (B,N,D) and the OCR tokens (B,M,D)
        weights = torch.softmax(self.query(states) @ features.transpose(1, 2) * self.scale, -1)
        q = self.ocr_query(states)
        masked = (ocr_mask[:, None, :] - 1.0) * 1e4  # masked slots get no weight
        scores = torch.cat([q @ self.null_key[:, None] * self.scale,
                            q @ ocr_tokens.transpose(1, 2) * self.scale + masked], -1)
        ocr_context = torch.softmax(scores, -1)[..., 1:] @ ocr_tokens
        mixed = torch.cat([states, weights @ features, ocr_context], dim=-1)
        combined = torch.tanh(self.combine(mixed))  # (B, T, H)
        copy = self.copy_query(combined) @ ocr_keys.transpose(1, 2)
        copy = copy * self.scale + masked  # (B, T, M)
        if self.follow is not None:
            copy = copy + self.follow(combined) * self._next_words(tokens, ocr_ids, ocr_mask)
        if keep is not None:
            # Only the positions that have a target: the output layer is most of the cost.
            combined, copy = combined[keep], copy[keep]  # (K, H), (K, M)
        return torch.cat([self.out(self.dropout(combined)), copy], -1)

    def forward(self, tokens, features, pooled, noise, style, keep=None,
                ocr=None, ocr_ids=None, ocr_mask=None) -> torch.Tensor:
        """Teacher forcing: input tokens (B,T) -> logits (B,T,V+M), all steps in one GRU call;
        with a boolean `keep` (B,T), logits (K,V+M) of the kept positions only."""
        ocr_tokens, ocr_keys, ocr_ids, ocr_mask = self.read_ocr(ocr, ocr_ids, ocr_mask, features)
        cond = self.condition(pooled, noise, style, self.text_summary(ocr_tokens, ocr_mask))
        embedded = self._inputs(tokens, ocr_tokens, ocr_ids)
        inputs = torch.cat([embedded, cond[:, None].expand(-1, tokens.shape[1], -1)], -1)
        # Not packed, though a third of a batch's positions are padding: the padding comes
        # after each caption's end, where the GRU's states change nothing kept, and unpacked
        # the CPU computes every step's input product at once. An MLE step took 0.45 s rather
        # than 0.57 (2 cores).
        states, _ = self.gru(inputs)  # (B, T, H)
        return self._read(states, features, ocr_tokens, ocr_keys, ocr_ids, ocr_mask, tokens, keep)

    def step(self, token, state, features, pooled, noise, style,
             ocr=None, ocr_ids=None, ocr_mask=None):
        """One word: token (B,), state (B,H) -> logits (B,V+M), new state (B,H)."""
        read = self.read_ocr(ocr, ocr_ids, ocr_mask, features)
        return self.step_read(token, state, features, pooled, noise, style, *read,
                              self.text_summary(read[0], read[3]))

    def step_read(self, token, state, features, pooled, noise, style,
                  ocr_tokens, ocr_keys, ocr_ids, ocr_mask, text):
        """`step` with the OCR tokens already read by `read_ocr` and summarised by
        `text_summary`."""
        cond = self.condition(pooled, noise, style, text)
        embedded = self._inputs(token[:, None], ocr_tokens, ocr_ids)[:, 0]
        inputs = torch.cat([embedded, cond], dim=-1)[:, None]  # (B, 1, E+C)
        states, _ = self.gru(inputs, state[None].contiguous())
        logits = self._read(states, features, ocr_tokens, ocr_keys, ocr_ids, ocr_mask,
                            token[:, None])
        return logits[:, 0], states[:, 0]


class Generator(nn.Module):
    """Encoder + decoder, plus the auxiliary bag-of-words head that teaches the encoder what
    is in a photo (multi-label: which words its captions use)."""

    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        self.encoder = Encoder(config)
        self.decoder = Decoder(config)
        self.bow = nn.Linear(config.feature_dim, config.vocab_size)

    def forward(self, images, captions: Sequence[tuple]) -> tuple[list[torch.Tensor], torch.Tensor]:
        """Images (B,3,S,S) and groups of their captions for teacher forcing, each a tuple
        (tokens (C,T), image_index (C,) naming each one's image, noise, style, keep, and
        optionally each caption's OCR tokens (C,M,F), ids and mask (C,M)). Returns each group's
        caption logits (C,T,V+M) (or (K,V+M) for the `keep` positions) and bag-of-words logits
        (B,V).

        The images go through the encoder in one pass whatever group they serve (photos and
        screens): BatchNorm then normalises in training with the statistics it keeps for
        inference. Two passes made its running statistics an average of two batches that
        fitted neither, and the photos' captions collapsed to one."""
        features, pooled = self.encoder(images)
        logits = []
        for tokens, image_index, noise, style, keep, *ocr in captions:
            logits.append(self.decoder(tokens, features[image_index], pooled[image_index],
                                       noise, style, keep, *ocr))
        return logits, self.bow(pooled)

    @torch.no_grad()
    def sample(
        self,
        features,
        pooled,
        noise,
        style,
        max_steps: int,
        bos: int,
        eos: int,
        banned: tuple[int, ...],
        greedy: bool = False,
        temperature: float = 1.0,
        ocr: tuple[torch.Tensor, torch.Tensor, torch.Tensor] | None = None,
    ):
        """Decode (B,) captions: ids (B,max_steps), ending at the first <eos> (then padding 0);
        `ocr` is (features, ids, mask) of each row's OCR tokens, if it has any."""
        batch = features.shape[0]
        dev = features.device
        token = torch.full((batch,), bos, dtype=torch.long, device=dev)
        state = features.new_zeros(batch, self.config.hidden_dim)
        out = torch.zeros(batch, max_steps, dtype=torch.long, device=dev)
        done = torch.zeros(batch, dtype=torch.bool, device=dev)
        read = self.decoder.read_ocr(*(ocr or (None, None, None)), features)
        text = self.decoder.text_summary(read[0], read[3])
        for t in range(max_steps):
            logits, state = self.decoder.step_read(token, state, features, pooled, noise, style,
                                                   *read, text)
            logits[:, list(banned)] = -math.inf
            if greedy:
                token = logits.argmax(-1)
            else:
                token = torch.multinomial(torch.softmax(logits / temperature, -1), 1)[:, 0]
            token = token.masked_fill(done, 0)
            out[:, t] = token
            done |= token == eos
            if done.all():
                break
        return out


class Discriminator(nn.Module):
    """(image summary (B,D), caption ids (B,T), style (B,)) -> logit that this is a human
    caption of this image in this register. Its image summary comes from the generator's
    encoder, frozen while the GAN plays, so D judges words against the same view of the photo.

    With `disc_set_features` it judges each caption among the captions judged with it: rows of
    one `sets` id are a set (the human captions of a batch's images, or the generator's samples
    of them), `images` says which image each row describes, and D sees each caption's mean
    likeness to its own image's other captions and to the set's captions of other images. A
    generator whose samples repeat each other or say the same of every photo is then told
    apart by that alone, as a caption judged by itself never could be."""

    def __init__(self, config: ModelConfig):
        super().__init__()
        d = config.disc_dim
        self.embed = nn.Embedding(config.vocab_size, d, padding_idx=0)
        self.gru = nn.GRU(d, d, batch_first=True, bidirectional=True)
        self.image = nn.Linear(config.feature_dim, 2 * d)
        self.style = nn.Embedding(len(config.styles), 2 * d)
        self.likeness = nn.Linear(2 * d, d) if config.disc_set_features else None
        extra = 2 if config.disc_set_features else 0
        self.head = nn.Sequential(
            nn.Linear(8 * d + extra, d), nn.ReLU(), nn.Dropout(config.dropout), nn.Linear(d, 1)
        )

    def forward(self, pooled, tokens, style, sets=None, images=None) -> torch.Tensor:
        mask = (tokens != 0).float()[..., None]  # (B, T, 1); padding is id 0
        states, _ = self.gru(self.embed(tokens))  # (B, T, 2d)
        text = (states * mask).sum(1) / mask.sum(1).clamp(min=1)  # mean over real tokens
        image = torch.tanh(self.image(pooled))
        style = self.style(style)
        parts = [text, image * text, style * text, image]
        if self.likeness is not None:
            parts.append(self._set_features(text, sets, images))
        return self.head(torch.cat(parts, -1))[:, 0]

    def _set_features(self, text, sets, images) -> torch.Tensor:
        """(B, 2): each row's mean cosine likeness to its set's other rows of the same image,
        and to the set's rows of other images."""
        vectors = F.normalize(self.likeness(text), dim=-1)
        likeness = vectors @ vectors.T
        same_set = sets[:, None] == sets[None, :]
        same_image = same_set & (images[:, None] == images[None, :])
        same_image &= ~torch.eye(len(text), dtype=torch.bool, device=text.device)
        other_images = same_set & (images[:, None] != images[None, :])
        return torch.stack(
            [(likeness * m).sum(1) / m.sum(1).clamp(min=1) for m in (same_image, other_images)],
            -1,
        )
