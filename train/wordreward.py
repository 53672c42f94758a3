"""The GAN's word-frequency reward: what a bag-of-words discriminator that knows the
generator's current word frequencies would say of a sample.

A policy gradient sharpens every next-word distribution towards what it is rewarded for, and
the generator ends up saying its frequent words more often than people do ("a man in a blue
shirt") and its rare ones less: the samples' vocabulary falls by a quarter in the GAN
(docs/experiments.md). The learnt discriminator does not see it from one caption. For a
discriminator that judges a caption by its words alone, the best it can do is the log ratio of
the two word distributions, log p_human(w) / p_generator(w): positive for a word the
generator says less often than people do, negative for one it over-uses. Here that ratio is
computed outright, per register (the casual captions have openings of their own), from the
human captions and from decayed counts of the generator's recent samples, and a sample's
reward is its mean over the sample's words."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# Each GAN step's samples weigh this much against all before them, decayed: a memory of
# about ten steps (some 15,000 words), recent enough to follow the generator as it moves.
MEMORY = 0.9
SMOOTHING = 0.5  # added to every word's count (Lidstone), so an unseen word is not infinite
CLIP = 2.0  # no word's log ratio counts more than this either way


class WordFrequencyReward:
    """`corpora` maps a style id to that register's human captions (token lists)."""

    def __init__(self, corpora: dict[int, Sequence[Sequence[str]]]):
        words = sorted({w for captions in corpora.values() for c in captions for w in c})
        self.index = {w: i for i, w in enumerate(words)}
        self.unknown = len(words)  # one slot for the words no human caption has
        size = len(words) + 1
        self.human_log = {}
        for style, captions in corpora.items():
            counts = np.zeros(size)
            for caption in captions:
                np.add.at(counts, self._ids(caption), 1)
            self.human_log[style] = _log_probabilities(counts)
        self.generated = {style: np.zeros(size) for style in corpora}

    def _ids(self, caption: Sequence[str]) -> np.ndarray:
        return np.array([self.index.get(w, self.unknown) for w in caption], dtype=np.int64)

    def __call__(self, captions: Sequence[Sequence[str]], styles: Sequence[int]) -> list[float]:
        """Each caption's mean log ratio over its words, its register's; this step's captions
        join the generator's counts first."""
        ids = [self._ids(c) for c in captions]
        for style, counts in self.generated.items():
            counts *= MEMORY
            for caption, s in zip(ids, styles, strict=True):
                if s == style:
                    np.add.at(counts, caption, 1)
        ratios = {style: np.clip(self.human_log[style] - _log_probabilities(counts), -CLIP, CLIP)
                  for style, counts in self.generated.items()}
        return [float(ratios[s][caption].mean()) if len(caption) else 0.0
                for caption, s in zip(ids, styles, strict=True)]


def _log_probabilities(counts: np.ndarray) -> np.ndarray:
    smoothed = counts + SMOOTHING
    return np.log(smoothed / smoothed.sum())
