"""Every training image decoded once, at the training resolution, into one uint8 array on disk.

Decoding 7,000 JPEGs each epoch would cost more than the CNN does at 96 px; the cache is
keyed by the image list and the size, lives in `.cache/` (git-ignored) and is memory-mapped.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import numpy as np
from PIL import Image
from tqdm import tqdm

from engine.images import load_image

log = logging.getLogger(__name__)

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "images"


def load_resized(path: Path, size: int) -> np.ndarray:
    """(size, size, 3) uint8: squashed to a square, as the engine's preprocessing does."""
    image = load_image(path).resize((size, size), Image.Resampling.BILINEAR)
    return np.asarray(image, dtype=np.uint8)


def cached_images(paths: list[Path], size: int, cache_dir: Path = CACHE_DIR) -> np.ndarray:
    """(N, size, size, 3) uint8 for `paths` in order, built on first use."""
    key = hashlib.sha1(f"{size}\n".encode() + "\n".join(map(str, paths)).encode()).hexdigest()
    file = cache_dir / f"{key[:16]}-{size}px-{len(paths)}.npy"
    if file.is_file():
        return np.load(file, mmap_mode="r")
    cache_dir.mkdir(parents=True, exist_ok=True)
    array = np.empty((len(paths), size, size, 3), dtype=np.uint8)
    for i, path in enumerate(tqdm(paths, desc=f"caching images at {size}px", unit="img")):
        array[i] = load_resized(path, size)
    # Write then rename, so an interrupted run never leaves a half-written cache behind.
    partial = file.with_suffix(".partial.npy")
    np.save(partial, array)
    partial.replace(file)
    log.info("cached %d images in %s", len(paths), file)
    return array
