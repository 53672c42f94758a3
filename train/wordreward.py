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
reward is its mean over the sample's words.

A rare word's frequency takes many words to measure: one in 100,000 human words is one
expected use in 100,000 generated ones. Counted over a few thousand recent words, a rare word
said once looked over-used and the reward punished it; the GAN then dropped half its
vocabulary (`runs/joint25`, docs/experiments.md). So the memory is long and the generator's
counts start from a prior at the human frequencies: a word is judged over- or under-used only
once the generator's own samples say so."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# Each GAN step's samples weigh this much against all before them, decayed: a memory of about
# 200 steps, some 180,000 words per register, in which a word the vocabulary just keeps (one in
# 70,000 human words) is expected two or three times; the generator moves slowly (lr 5e-5).
MEMORY = 0.995
PRIOR_WORDS = 20_000  # the generator's counts start as this many words said as people say them
SMOOTHING = 0.5  # added to every human count (Lidstone), so a word no person used is finite
CLIP = 2.0  # no word's log ratio counts more than this either way


class WordFrequencyReward:
    """`corpora` maps a style id to that register's human captions (token lists)."""

    def __init__(self, corpora: dict[int, Sequence[Sequence[str]]]):
        words = sorted({w for captions in corpora.values() for c in captions for w in c})
        self.index = {w: i for i, w in enumerate(words)}
        self.unknown = len(words)  # one slot for the words no human caption has
        size = len(words) + 1
        self.human_log, self.prior = {}, {}
        for style, captions in corpora.items():
            counts = np.zeros(size)
            for caption in captions:
                np.add.at(counts, self._ids(caption), 1)
            counts += SMOOTHING
            human = counts / counts.sum()
            self.human_log[style] = np.log(human)
            self.prior[style] = PRIOR_WORDS * human
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
        ratios = {}
        for style, counts in self.generated.items():
            believed = counts + self.prior[style]
            ratios[style] = np.clip(self.human_log[style] - np.log(believed / believed.sum()),
                                    -CLIP, CLIP)
        return [float(ratios[s][caption].mean()) if len(caption) else 0.0
                for caption, s in zip(ids, styles, strict=True)]

