"""The one way the benches time work: a warm-up run, then the median over the inputs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def median_ms(work: Callable, inputs: Sequence) -> float:
    """Median milliseconds of `work(x)` over `inputs`, after one untimed run (first runs
    allocate)."""
    work(inputs[0])
    times = []
    for item in inputs:
        started = time.perf_counter()
        work(item)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
