"""Caption metrics: BLEU-4 and CIDEr-D, a fast CIDEr-D reward, diversity, and a register judge.

Every text is normalised the same way before it is scored: `engine.text.tokenize` (lower case,
contractions split as the PTB tokenizer splits them) with the punctuation tokens dropped. That
stands in for pycocoevalcap's PTBTokenizer, which needs Java; its Bleu and Cider do not.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from itertools import pairwise

import numpy as np
from pycocoevalcap.bleu.bleu import Bleu
from pycocoevalcap.cider.cider import Cider

from engine.text import tokenize

PUNCTUATION = {",", "!", "?", ".", ";", ":"}


def normalize(text: str) -> list[str]:
    """The words that the metrics compare: lower-cased tokens without punctuation."""
    return [token for token in tokenize(text) if token not in PUNCTUATION]


def caption_scores(references: dict[str, list[str]], candidates: dict[str, str]) -> dict:
    """Corpus BLEU-4 and CIDEr-D (pycocoevalcap; document frequencies from `references`)."""
    assert references.keys() == candidates.keys(), "every candidate needs its references"
    gts = {key: [" ".join(normalize(ref)) for ref in refs] for key, refs in references.items()}
    res = {key: [" ".join(normalize(text))] for key, text in candidates.items()}
    bleu, _ = Bleu(4).compute_score(gts, res, verbose=0)
    cider, _ = Cider().compute_score(gts, res)
    return {"bleu4": float(bleu[3]), "cider_d": float(cider)}


class CiderD:
    """CIDEr-D as pycocoevalcap's Cider computes it, with document frequencies fixed once.

    `references[i]` holds the tokenised reference captions of image i (words, or any hashable
    token ids, the same kind as the candidates'); punctuation tokens are dropped. Each n-gram
    becomes one integer (15 bits a word), so a batch is scored with a few numpy sorts.
    """

    N = 4
    SIGMA = 6.0
    _BITS = 15

    def __init__(self, references: Sequence[Sequence[Sequence[Hashable]]]):
        assert len(references) > 0, "CIDEr-D needs a reference corpus"
        words = {w for refs in references for ref in refs for w in ref} - PUNCTUATION
        assert len(words) < 2**self._BITS, f"{len(words)} words do not fit in {self._BITS} bits"
        self._ids = {word: i + 1 for i, word in enumerate(sorted(words, key=str))}  # 0 pads
        self._log_images = math.log(len(references))
        self._ref_counts = np.array([len(refs) for refs in references])
        self._ref_first = np.cumsum(self._ref_counts) - self._ref_counts
        total = int(self._ref_counts.sum())
        codes, refs, tf = self._grams([self._encode(ref) for refs in references for ref in refs])
        # Document frequency: in how many images' references an n-gram occurs.
        image = np.repeat(np.arange(len(references)), self._ref_counts)[refs]
        per_image, _, _ = _distinct_pairs(image, codes)
        self._df_codes, self._df = np.unique(per_image, return_counts=True)
        weights = tf * self._idf(codes)
        self._ref_norms = self._norms(refs, codes, weights, total)  # (refs, N)
        self._ref_lengths = self._lengths(refs, codes, tf, total)
        # The reference n-grams, sorted by reference, and where each reference's rows start.
        self._rows = (refs, codes, weights)
        self._row_first = np.searchsorted(refs, np.arange(total + 1))

    def score(self, candidates: Sequence[Sequence[Hashable]], images: Sequence[int]) -> np.ndarray:
        """CIDEr-D of each candidate against the references of `images[i]`, shape (B,)."""
        assert len(candidates) == len(images), f"{len(candidates)} candidates, {len(images)} images"
        images = np.asarray(images, dtype=np.int64)
        batch = len(candidates)
        unknown: dict[Hashable, int] = {}
        codes, rows, tf = self._grams([self._encode(c, unknown) for c in candidates])
        weights = tf * self._idf(codes)
        norms = self._norms(rows, codes, weights, batch)  # (B, N)
        lengths = self._lengths(rows, codes, tf, batch)

        # The reference n-grams of each candidate's image, laid out one block per candidate.
        first, count = self._ref_first[images], self._ref_counts[images]
        start = self._row_first[first]
        sizes = self._row_first[first + count] - start
        owner = np.repeat(np.arange(batch), sizes)
        take = np.arange(sizes.sum()) + np.repeat(start - (np.cumsum(sizes) - sizes), sizes)
        ref, ref_code, ref_weight = (column[take] for column in self._rows)

        # Find each reference n-gram among its candidate's n-grams: rank the codes, then look
        # up one integer key per (candidate, n-gram) pair in the sorted candidate keys.
        universe = np.unique(codes)
        rank = np.minimum(np.searchsorted(universe, ref_code), max(len(universe) - 1, 0))
        cand_key = rows * len(universe) + np.searchsorted(universe, codes)
        ref_key = owner * len(universe) + rank
        hit = np.minimum(np.searchsorted(cand_key, ref_key), max(len(cand_key) - 1, 0))
        match = (
            (universe[rank] == ref_code) & (cand_key[hit] == ref_key)
            if len(universe)
            else (np.zeros(len(ref_key), dtype=bool))
        )
        hit, owner, ref_weight = hit[match], owner[match], ref_weight[match]
        slot = ref[match] - first[owner]  # which of its image's references
        clipped = np.minimum(weights[hit], ref_weight) * ref_weight  # CIDEr-D's clipping

        most = int(count.max(initial=1))
        dot = np.bincount(
            (owner * most + slot) * self.N + self._order(ref_code[match]),
            weights=clipped,
            minlength=batch * most * self.N,
        )
        dot = dot.reshape(batch, most, self.N)
        valid = np.arange(most)[None, :] < count[:, None]  # (B, most)
        ref_index = np.where(valid, first[:, None] + np.arange(most)[None, :], 0)
        denom = norms[:, None, :] * self._ref_norms[ref_index]
        cosine = np.divide(dot, denom, out=np.zeros_like(dot), where=denom > 0)
        delta = lengths[:, None] - self._ref_lengths[ref_index]
        penalty = np.exp(-(delta**2) / (2 * self.SIGMA**2)) * valid
        return (cosine * penalty[:, :, None]).sum(axis=(1, 2)) / self.N / count * 10.0

    def _encode(self, tokens: Sequence[Hashable], unknown: dict | None = None) -> list[int]:
        """Word ids; words the corpus never saw get fresh ids, distinct within one call."""
        ids = []
        for token in tokens:
            if token in PUNCTUATION:
                continue
            if token not in self._ids:
                assert unknown is not None, f"reference word {token!r} has no id"
                unknown.setdefault(token, len(self._ids) + 1 + len(unknown))
                assert len(self._ids) + len(unknown) < 2**self._BITS, "too many unseen words"
            ids.append(self._ids.get(token) or unknown[token])
        return ids

    def _grams(self, sentences: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct n-grams (n = 1..4) of each sentence: codes, sentence index, counts."""
        length = max((len(s) for s in sentences), default=0)
        ids = np.zeros((len(sentences), length + self.N), dtype=np.int64)
        for row, sentence in enumerate(sentences):
            ids[row, : len(sentence)] = sentence
        code = np.zeros((len(sentences), length), dtype=np.int64)
        codes, rows = [], []
        for n in range(self.N):
            # An n-gram's code: its word ids side by side, the first word in the low bits.
            code = code | (ids[:, n : n + length] << (self._BITS * n))
            row, column = np.nonzero(ids[:, n : n + length])
            codes.append(code[row, column])
            rows.append(row)
        codes, rows, tf = _distinct_pairs(np.concatenate(rows), np.concatenate(codes))
        return codes, rows, tf.astype(np.float64)

    def _idf(self, codes: np.ndarray) -> np.ndarray:
        at = np.minimum(np.searchsorted(self._df_codes, codes), len(self._df_codes) - 1)
        df = np.where(self._df_codes[at] == codes, self._df[at], 0)
        return self._log_images - np.log(np.maximum(df, 1.0))

    def _order(self, codes: np.ndarray) -> np.ndarray:
        """n - 1 for each n-gram: how many words it has beyond the first."""
        return sum((codes >> (self._BITS * n) > 0).astype(np.int64) for n in range(1, self.N))

    def _norms(self, rows, codes, weights, count: int) -> np.ndarray:
        squares = np.bincount(
            rows * self.N + self._order(codes), weights=weights**2, minlength=count * self.N
        )
        return np.sqrt(squares).reshape(count, self.N)

    def _lengths(self, rows, codes, tf, count: int) -> np.ndarray:
        """pycocoevalcap's length of a sentence: its number of bigrams, max(words - 1, 0)."""
        bigram = self._order(codes) == 1
        return np.bincount(rows[bigram], weights=tf[bigram], minlength=count)


def _distinct_pairs(rows: np.ndarray, codes: np.ndarray):
    """The distinct (row, code) pairs sorted by row then code: codes, rows, how many times."""
    order = np.lexsort((codes, rows))
    rows, codes = rows[order], codes[order]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (rows[1:] != rows[:-1]) | (codes[1:] != codes[:-1])
    starts = np.flatnonzero(new)
    return codes[starts], rows[starts], np.diff(np.append(starts, len(rows)))


def diversity(samples: dict[str, list[str]]) -> dict:
    """How different the samples of each image are from each other (several per image).

    div1, div2: distinct unigrams (bigrams) over all of them, in an image's samples, averaged
    over images. mbleu4: BLEU-4 of each sample against the other samples of its image,
    averaged (lower is more diverse). distinct_share: distinct samples over samples, averaged
    over images; distinct_overall: distinct captions over all captions of all images.
    vocabulary: distinct words used in all the samples.
    """
    div1, div2, distinct = [], [], []
    gts, res = {}, {}
    for image, texts in samples.items():
        words = [normalize(text) for text in texts]
        unigrams = [w for sentence in words for w in sentence]
        bigrams = [tuple(s[i : i + 2]) for s in words for i in range(len(s) - 1)]
        div1.append(len(set(unigrams)) / max(len(unigrams), 1))
        div2.append(len(set(bigrams)) / max(len(bigrams), 1))
        distinct.append(len({tuple(s) for s in words}) / len(words))
        for i, sentence in enumerate(words):
            others = [" ".join(s) for j, s in enumerate(words) if j != i]
            if others:
                gts[(image, i)], res[(image, i)] = others, [" ".join(sentence)]
    every = [tuple(normalize(text)) for texts in samples.values() for text in texts]
    mbleu4 = float(np.mean(Bleu(4).compute_score(gts, res, verbose=0)[1][3])) if gts else 0.0
    return {
        "div1": float(np.mean(div1)),
        "div2": float(np.mean(div2)),
        "mbleu4": mbleu4,
        "distinct_share": float(np.mean(distinct)),
        "distinct_overall": len(set(every)) / len(every),
        "vocabulary": len({w for sentence in every for w in sentence}),
    }


def novel_share(captions: Iterable[str], training_captions: Iterable[str]) -> float:
    """The share of captions that are not, word for word, one of the training captions."""
    seen = {tuple(normalize(text)) for text in training_captions}
    words = [tuple(normalize(text)) for text in captions]
    return sum(w not in seen for w in words) / max(len(words), 1)


class RegisterClassifier:
    """Casual or plain? Logistic regression on word unigrams and bigrams, in numpy.

    Trained apart from the GAN's discriminator, so that the share of generated captions it
    judges casual measures the register and not what the discriminator was taught.
    """

    def __init__(
        self,
        features: dict[str, int] | None = None,
        weights: np.ndarray | None = None,
        bias: float = 0.0,
    ):
        self.features = features or {}
        self.weights = np.zeros(len(self.features)) if weights is None else weights
        self.bias = bias

    @staticmethod
    def _grams(text: str) -> set[str]:
        # "<s>" marks the start, where the casual openings are; commas stay ("So, it's").
        tokens = ["<s>", *(t for t in tokenize(text) if t not in ("!", "?"))]
        return set(tokens[1:]) | {f"{a} {b}" for a, b in pairwise(tokens)}

    def _rows(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sparse binary features: (text index, feature index) of every feature present."""
        rows, cols = [], []
        for row, text in enumerate(texts):
            found = [self.features[g] for g in self._grams(text) if g in self.features]
            rows.extend([row] * len(found))
            cols.extend(found)
        return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)

    def fit(
        self,
        casual_texts: Sequence[str],
        plain_texts: Sequence[str],
        steps: int = 300,
        l2: float = 1e-4,
        min_count: int = 2,
    ) -> RegisterClassifier:
        """Full-batch Adam on the log loss; features seen in fewer than `min_count` texts drop."""
        texts = [*casual_texts, *plain_texts]
        labels = np.array([1.0] * len(casual_texts) + [0.0] * len(plain_texts))
        counts = Counter(g for text in texts for g in self._grams(text))
        kept = sorted(g for g, c in counts.items() if c >= min_count)
        self.features = {g: i for i, g in enumerate(kept)}
        rows, cols = self._rows(texts)
        params = np.zeros(len(kept) + 1)  # the weights, then the bias
        moment, velocity = np.zeros_like(params), np.zeros_like(params)
        for step in range(1, steps + 1):
            logits = np.bincount(rows, weights=params[cols], minlength=len(texts)) + params[-1]
            error = (1.0 / (1.0 + np.exp(-logits)) - labels) / len(texts)
            grad = np.append(
                np.bincount(cols, weights=error[rows], minlength=len(kept)), error.sum()
            )
            grad[:-1] += l2 * params[:-1]
            moment = 0.9 * moment + 0.1 * grad
            velocity = 0.999 * velocity + 0.001 * grad**2
            params -= (
                0.1 * (moment / (1 - 0.9**step)) / (np.sqrt(velocity / (1 - 0.999**step)) + 1e-8)
            )
        self.weights, self.bias = params[:-1], float(params[-1])
        return self

    def casual_probability(self, texts: Sequence[str]) -> np.ndarray:
        rows, cols = self._rows(texts)
        logits = np.bincount(rows, weights=self.weights[cols], minlength=len(texts)) + self.bias
        return 1.0 / (1.0 + np.exp(-logits))

    def predict_casual(self, texts: Sequence[str]) -> np.ndarray:
        """True where a text reads as casual, shape (len(texts),)."""
        return self.casual_probability(texts) > 0.5

    def save(self, path: str | os.PathLike) -> None:
        weights = {
            g: round(float(self.weights[i]), 6)
            for g, i in self.features.items()
            if self.weights[i] != 0.0
        }
        with open(path, "w", encoding="utf-8") as file:
            json.dump({"bias": self.bias, "weights": weights}, file, ensure_ascii=False)

    @classmethod
    def load(cls, path: str | os.PathLike) -> RegisterClassifier:
        with open(path, encoding="utf-8") as file:
            saved = json.load(file)
        features = {g: i for i, g in enumerate(saved["weights"])}
        return cls(
            features, np.array(list(saved["weights"].values()), dtype=np.float64), saved["bias"]
        )
