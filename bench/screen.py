"""Per 1280x800 screenshot, 2 CPU threads: OCR time, the short description (what the hotkey
says; a copying model reads the text first), and the whole description with all the text
read (detail "full"), median of 20 over the real screenshots."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from bench.timing import median_ms
from engine import Describer, ModelError
from engine.ocr import TextReader

SCREENS = Path(__file__).resolve().parents[2] / "shared" / "data" / "real-screens" / "images"
RUNS = 20


def _screens() -> list[Image.Image]:
    """RUNS screenshots at 1280x800, cycling through the real-screens set."""
    images = [Image.open(path).convert("RGB").resize((1280, 800))
              for path in sorted(SCREENS.glob("*.png"))]
    return [images[index % len(images)] for index in range(RUNS)]


def main() -> None:
    screens = _screens()
    ocr = median_ms(TextReader(threads=2).read, screens)
    print(f"OCR per 1280x800 screenshot, 2 CPU threads: {ocr:.0f} ms "
          f"(median of {RUNS} over the real screenshots)")
    try:
        describer = Describer(threads=2, use_gpu=False)
    except ModelError as error:
        print(f"whole screen description: not yet ({error})")
        return
    short = median_ms(describer.describe, screens)
    print(f"short description per 1280x800 screenshot, 2 CPU threads: {short:.0f} ms "
          f"(median of {RUNS})")
    total = median_ms(lambda image: describer.describe(image, detail="full"), screens)
    print(f"whole description with all text per 1280x800 screenshot, 2 CPU threads: "
          f"{total:.0f} ms (median of {RUNS})")
