"""The teacher-forced caption loss, with its gradient written out by hand.

The loss of a position is (1-s)·NLL of saying its target either way (from the vocabulary or by
copying an OCR token that spells it: M4C's loss, a sum over the right answers) plus s·(label
smoothing over the vocabulary). Written with autograd (log_softmax, a gather, a slice, a mean)
its backward pass filled and added up three (K, V+M) gradients besides log_softmax's own: on
2 cores a quarter of an MLE step went to them. Every part is a log-sum-exp or a mean of the
logits, so the gradient is one softmax with a few columns moved:

    loss = lse(x) - (1-s)·lse(x over the right answers) - s·mean(x over the vocabulary)
    dloss/dx = softmax(x) - (1-s)·softmax(x over the right answers) - s/V on the vocabulary
"""

from __future__ import annotations

import torch

from train.model import UNK_ID


def _right_answers(logits, targets, copies, vocab_size: int):
    """The right answers' logits: (K,1) for the target's own column and (K,M) for the copy
    columns, -inf where an answer is not right."""
    said = logits.gather(1, targets[:, None])
    if copies is None:
        return said, None
    copied = targets >= vocab_size
    right = copies.clone()
    right[copied, targets[copied] - vocab_size] = True
    # An unknown word that OCR spells is said by copying it, never as <unk>.
    by_word = ~copied & ~((targets == UNK_ID) & copies.any(-1))
    return (said.masked_fill(~by_word[:, None], -torch.inf),
            logits[:, vocab_size:].masked_fill(~right, -torch.inf))


class _CaptionLoss(torch.autograd.Function):
    @staticmethod
    def forward(ctx, logits, targets, copies, smoothing: float, vocab_size: int):
        x = logits.float()
        lse = torch.logsumexp(x, -1)
        word, copy = _right_answers(x, targets, copies, vocab_size)
        right = word if copy is None else torch.cat([word, copy], -1)
        lse_right = torch.logsumexp(right, -1)
        losses = lse - (1 - smoothing) * lse_right - smoothing * x[:, :vocab_size].mean(-1)
        ctx.save_for_backward(logits, targets, lse, lse_right,
                              *(() if copies is None else (copies,)))
        ctx.smoothing, ctx.vocab_size = smoothing, vocab_size
        return losses.mean()

    @staticmethod
    def backward(ctx, grad):
        logits, targets, lse, lse_right, *copies = ctx.saved_tensors
        s, v = ctx.smoothing, ctx.vocab_size
        x = logits.float()
        word, copy = _right_answers(x, targets, copies[0] if copies else None, v)
        out = torch.exp(x - lse[:, None])
        out[:, :v] -= s / v
        rows = torch.arange(len(targets), device=targets.device)
        out[rows, targets] -= (1 - s) * torch.exp(word[:, 0] - lse_right)
        if copy is not None:
            out[:, v:] -= (1 - s) * torch.exp(copy - lse_right[:, None])
        out *= grad / len(targets)
        return out.to(logits.dtype), None, None, None, None


def caption_loss(logits, targets, copies, smoothing: float, vocab_size: int) -> torch.Tensor:
    """Mean loss over K positions: logits (K,V+M), targets (K,) (an id >= V is a copy of OCR
    token id - V), copies (K,M) bool (OCR token m spells target k) or None; `smoothing` is
    the label smoothing over the vocabulary."""
    return _CaptionLoss.apply(logits, targets, copies, smoothing, vocab_size)
