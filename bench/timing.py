"""How the benches time work: a warm-up run, then the median over the inputs; two ways of doing
one job take turns by whole passes over the inputs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def median_ms(work: Callable, inputs: Sequence) -> float:
    """Median milliseconds of `work(x)` over `inputs`, after one untimed run (first runs
    allocate)."""
    work(inputs[0])
    return statistics.median(_times_ms(work, inputs))


def paired_median_ms(first: Callable, second: Callable, inputs: Sequence,
                     rounds: int = 3) -> tuple[float, float]:
    """Median milliseconds of `first(x)` and of `second(x)` over `inputs`, each timed over
    all of them in turn, `rounds` times (ABABAB): on a machine whose speed wanders from one
    minute to the next (a shared virtual machine), both sides meet it alike, and their ratio
    means what it says. Whole passes rather than one input each in turn: each side then runs
    as it would alone, its weights in the cache, where one input each in turn let every call
    find the other's weights there (a caption 2 to 5 ms slower with ONNX, 14 with PyTorch)."""
    first(inputs[0])
    second(inputs[0])
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for work, timed in zip((first, second), times, strict=True):
            timed += _times_ms(work, inputs)
    return statistics.median(times[0]), statistics.median(times[1])


def _times_ms(work: Callable, inputs: Sequence) -> list[float]:
    """Milliseconds of `work(x)` for each of `inputs`, in order."""
    times = []
    for item in inputs:
        started = time.perf_counter()
        work(item)
        times.append((time.perf_counter() - started) * 1000)
    return times
