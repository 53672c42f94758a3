"""Per 1280x800 screenshot, 2 CPU threads: OCR time, and the whole description with all the
text read (detail "full"), median of 20 over the real screenshots."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from PIL import Image

from engine import Describer, ModelError
from engine.ocr import TextReader

SCREENS = Path(__file__).resolve().parents[2] / "shared" / "data" / "real-screens" / "images"
RUNS = 20


def _screens() -> list[Image.Image]:
    return [Image.open(path).convert("RGB").resize((1280, 800))
            for path in sorted(SCREENS.glob("*.png"))]


def _median_ms(work, images: list[Image.Image]) -> float:
    work(images[0])  # warm-up: first runs allocate
    times = []
    for index in range(RUNS):
        started = time.perf_counter()
        work(images[index % len(images)])
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    images = _screens()
    reader = TextReader(threads=2)
    print(f"OCR per 1280x800 screenshot, 2 CPU threads: {_median_ms(reader.read, images):.0f} ms "
          f"(median of {RUNS} over {len(images)} real screenshots)")
    try:
        describer = Describer(threads=2, use_gpu=False)
    except ModelError as error:
        print(f"whole screen description: not yet ({error})")
        return
    total = _median_ms(lambda image: describer.describe(image, detail="full"), images)
    print(f"whole description with all text per 1280x800 screenshot, 2 CPU threads: "
          f"{total:.0f} ms (median of {RUNS})")
