"""Caption latency per picture at batch 1 on 2 CPU threads, median over validation photos."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from engine import Describer, ModelError, load_image

PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "flickr8k" / "images"
COUNT = 50


def onnx_latency_ms(describer: Describer, photos: list[Path]) -> float:
    images = [load_image(path) for path in photos]
    describer.describe(images[0])  # warm-up: first runs allocate
    times = []
    for image in images:
        started = time.perf_counter()
        describer.describe(image)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    try:
        describer = Describer(threads=2, use_gpu=False)
    except ModelError as error:
        print(f"caption latency: not yet ({error})")
        return
    photos = sorted(PHOTOS.glob("*.jpg"))[:COUNT]
    onnx_ms = onnx_latency_ms(describer, photos)
    print(f"caption latency, ONNX (beam search), batch 1, 2 CPU threads: {onnx_ms:.1f} ms "
          f"(median of {len(photos)})")

