"""Decoding loops in numpy around one decoder step: greedy, sampling, beam search.

A step takes the previous tokens (B,) and a state dict whose arrays all have the batch as
their first axis, and returns logits (B, V) and the updated state entries. Context that does
not change (image features, noise, style) travels in the same dict, so reordering beams is
one indexing of every array.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from engine.text import BAD_ENDINGS, BOS, EOS, PAD, UNK

# "Say it differently": nucleus sampling a little cooler than the model's own distribution,
# for a bundle that does not name its own temperature.
TEMPERATURE = 0.8
TOP_P = 0.9

State = dict[str, np.ndarray]
Step = Callable[[np.ndarray, State], tuple[np.ndarray, State]]


@dataclass(frozen=True)
class Tokens:
    """The ids decoding must know: where to start and stop, and what never to say."""

    bos: int
    eos: int
    banned: tuple[int, ...]  # padding, start, unknown
    no_end_after: tuple[int, ...] = ()  # words a sentence never ends on
    vocab_size: int = 0  # ids from here on say one of the picture's OCR tokens

    @cached_property
    def _ends_badly(self) -> np.ndarray:
        table = np.zeros(max(self.no_end_after, default=0) + 1, dtype=bool)
        table[list(self.no_end_after)] = True
        return table

    def cannot_end(self, previous: np.ndarray) -> np.ndarray:
        """(B,) bool: rows whose previous word may not end a sentence (a copied OCR word,
        past the vocabulary, may)."""
        table = self._ends_badly
        return table[np.minimum(previous, len(table) - 1)] & (previous < len(table))


def tokens_for(vocab: tuple[str, ...] | list[str]) -> Tokens:
    """The decoding ids of a model's vocabulary, the same for the engine and evaluation."""
    return Tokens(
        bos=vocab.index(BOS),
        eos=vocab.index(EOS),
        banned=tuple(vocab.index(token) for token in (PAD, BOS, UNK)),
        no_end_after=tuple(i for i, word in enumerate(vocab) if word in BAD_ENDINGS),
        vocab_size=len(vocab),
    )


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    # The sum in float64: float32 would lose the tail of a long vocabulary.
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True, dtype=np.float64))


# Each OCR token is copied at most once per description. "On the list Neighbor5G Medium,
# HomeNet Strong and Neighbor5G Medium" is the decoder going round a list while its next item
# goes unsaid; saying a name again is rarely worth the words a description has. Blocking a
# token only within 4 tokens of itself, as before, let such lists come back: on 200 held-out
# rendered screens fact recall went 0.705 -> 0.717 (CIDEr-D 2.847 -> 2.827), on 35 GTK
# screenshots 0.650 -> 0.678, on 14 Tk ones 0.673 -> 0.687 (docs/experiments.md). A word the
# vocabulary knows can still be said again from the vocabulary.


def _mask(logp: np.ndarray, tokens: Tokens, previous: np.ndarray, length: int, min_length: int,
          history: np.ndarray, forbidden: Sequence[int]) -> np.ndarray:
    """Rule out what a description never says next; `history` (B, length) holds each row's
    tokens so far, `forbidden` the vocabulary ids this picture's description may not say."""
    logp[:, list(tokens.banned)] = -np.inf
    logp[:, list(forbidden)] = -np.inf
    # A word said twice in a row is never what a person says ("a a dog").
    logp[np.arange(len(previous)), previous] = -np.inf
    if length < min_length:
        logp[:, tokens.eos] = -np.inf
    elif tokens.no_end_after:
        logp[tokens.cannot_end(previous), tokens.eos] = -np.inf
    if tokens.vocab_size:
        rows, positions = np.nonzero(history >= tokens.vocab_size)
        logp[rows, history[rows, positions]] = -np.inf
    return logp


def _merge(state: State, update: State) -> State:
    return {**state, **update}


def sample(
    step: Step,
    state: State,
    tokens: Tokens,
    max_length: int,
    rng: np.random.Generator | None = None,
    temperature: float = TEMPERATURE,
    top_p: float = TOP_P,
    min_length: int = 3,
    forbidden: Sequence[int] = (),
) -> list[list[int]]:
    """Greedy decoding when `rng` is None, else nucleus sampling; one sequence per row.
    `forbidden`: vocabulary ids none of the rows may say."""
    batch = next(iter(state.values())).shape[0]
    previous = np.full(batch, tokens.bos, dtype=np.int64)
    done = np.zeros(batch, dtype=bool)
    out: list[list[int]] = [[] for _ in range(batch)]
    history = np.zeros((batch, 0), dtype=np.int64)  # every row's tokens, past its end too
    for length in range(max_length):
        logits, update = step(previous, state)
        state = _merge(state, update)
        logp = _mask(_log_softmax(logits), tokens, previous, length, min_length, history,
                     forbidden)
        if rng is None:
            chosen = logp.argmax(axis=-1)
        else:
            chosen = np.array([_nucleus(row, rng, temperature, top_p) for row in logp])
        for row, token in enumerate(chosen):
            if not done[row]:
                if token == tokens.eos:
                    done[row] = True
                else:
                    out[row].append(int(token))
        if done.all():
            break
        previous = chosen.astype(np.int64)
        history = np.concatenate([history, previous[:, None]], axis=1)
    return out


def _nucleus(logp: np.ndarray, rng: np.random.Generator, temperature: float, top_p: float) -> int:
    probs = np.exp((logp - logp.max()) / temperature)
    probs /= probs.sum()
    order = np.argsort(-probs)
    cumulative = np.cumsum(probs[order])
    keep = order[: int(np.searchsorted(cumulative, top_p)) + 1]
    kept = probs[keep] / probs[keep].sum()
    return int(rng.choice(keep, p=kept))


def beam_search(
    step: Step,
    state: State,
    tokens: Tokens,
    max_length: int,
    beam_size: int = 3,
    length_penalty: float = 0.7,
    min_length: int = 3,
    forbidden: Sequence[int] = (),
) -> list[list[int]]:
    """The most likely sequence per row, by beam search with a length-normalised score.
    `forbidden`: vocabulary ids none of the rows may say."""
    batch = next(iter(state.values())).shape[0]
    k = beam_size
    state = {name: np.repeat(value, k, axis=0) for name, value in state.items()}  # (B*K, ...)
    scores = np.full((batch, k), -np.inf)
    scores[:, 0] = 0.0  # all beams start identical: keep one so the first step can branch
    previous = np.full(batch * k, tokens.bos, dtype=np.int64)
    history = np.zeros((batch * k, 0), dtype=np.int64)
    finished: list[list[tuple[float, list[int]]]] = [[] for _ in range(batch)]
    updated: set[str] = set()  # what the steps change; the rest is each picture's context
    for length in range(max_length):
        logits, update = step(previous, state)
        state = _merge(state, update)
        updated |= update.keys()
        logp = _mask(_log_softmax(logits), tokens, previous, length, min_length, history, forbidden)
        vocab = logp.shape[-1]
        total = (scores[:, :, None] + logp.reshape(batch, k, vocab)).reshape(batch, k * vocab)
        # The 2k best (room to replace beams that finish), found without a full sort.
        best = np.argpartition(-total, 2 * k, axis=-1)[:, : 2 * k]
        pictures = np.arange(batch)[:, None]
        best = best[pictures, np.argsort(-total[pictures, best])]
        new_rows, new_tokens, new_scores = [], [], []
        for b in range(batch):
            rows, toks, vals = [], [], []
            for flat in best[b]:
                value = total[b, flat]
                if not np.isfinite(value):
                    break
                beam, token = divmod(int(flat), vocab)
                row = b * k + beam
                if token == tokens.eos:
                    words = history[row].tolist()
                    finished[b].append((value / max(len(words), 1) ** length_penalty, words))
                    continue
                rows.append(row)
                toks.append(token)
                vals.append(value)
                if len(rows) == k:
                    break
            while len(rows) < k:  # fewer live candidates than beams: pad with dead ones
                rows.append(b * k)
                toks.append(tokens.eos)
                vals.append(-np.inf)
            new_rows += rows
            new_tokens += toks
            new_scores.append(vals)
        rows = np.array(new_rows)
        # A picture's beams stay its own and share its context (features, noise, OCR
        # tokens): only what the steps update follows the beams.
        state = {name: value[rows] if name in updated else value for name, value in state.items()}
        history = np.concatenate([history[rows], np.array(new_tokens)[:, None]], axis=1)
        previous = np.array(new_tokens, dtype=np.int64)
        scores = np.array(new_scores)
        # A live beam's log-probability only falls; its best normalised score is that
        # divided by the longest length. Stop once no live beam can beat a finished one.
        best_possible = scores.max(axis=1) / max_length ** length_penalty
        if all(finished[b] and max(s for s, _ in finished[b]) >= best_possible[b]
               for b in range(batch)):
            return [max(finished[b], key=lambda item: item[0])[1] for b in range(batch)]
    results = []
    for b in range(batch):
        candidates = list(finished[b])
        for beam in range(k):  # at the length limit, unfinished beams count too
            if np.isfinite(scores[b, beam]):
                words = history[b * k + beam].tolist()
                candidates.append((scores[b, beam] / max(len(words), 1) ** length_penalty, words))
        results.append(max(candidates, key=lambda item: item[0])[1] if candidates else [])
    return results
