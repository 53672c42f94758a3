"""CIDEr-D in plain Python, fast enough to score every sampled caption of a GAN step.

The same formula as pycocoevalcap's CiderD (n = 1..4, tf-idf, clipped, Gaussian length
penalty sigma 6, x10), but the document frequencies are fixed once from a reference corpus
(the training captions), so scoring a handful of samples needs no pass over the whole set.
"""

from __future__ import annotations

import math
from collections import Counter

N = 4
SIGMA = 6.0


def ngrams(words: list[str]) -> list[Counter]:
    return [Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
            for n in range(1, N + 1)]


class CiderD:
    """Scores tokenised captions against tokenised references, df from `corpus`."""

    def __init__(self, corpus: list[list[list[str]]]):
        """`corpus`: per image, its reference captions as token lists."""
        df: Counter = Counter()
        for refs in corpus:
            df.update({gram for ref in refs for counts in ngrams(ref) for gram in counts})
        self.df = df
        self.log_images = math.log(float(len(corpus)))

    def _vector(self, counts: list[Counter]):
        vectors, norms = [], []
        for grams in counts:
            vec = {g: tf * (self.log_images - math.log(max(1.0, self.df[g])))
                   for g, tf in grams.items()}
            vectors.append(vec)
            norms.append(math.sqrt(sum(v * v for v in vec.values())))
        return vectors, norms

    def prepare(self, refs: list[list[str]]):
        """References of one image, vectorised once for many candidates."""
        return [(*self._vector(ngrams(ref)), len(ref)) for ref in refs]

    def score(self, words: list[str], prepared) -> float:
        vec, norm, length = (*self._vector(ngrams(words)), len(words))
        total = 0.0
        for ref_vec, ref_norm, ref_length in prepared:
            delta = length - ref_length
            for n in range(N):
                dot = sum(min(v, ref_vec[n][g]) * ref_vec[n][g]
                          for g, v in vec[n].items() if g in ref_vec[n])
                if norm[n] and ref_norm[n]:
                    total += dot / (norm[n] * ref_norm[n]) * math.exp(-(delta**2) / (2 * SIGMA**2))
        return total / N / len(prepared) * 10.0
