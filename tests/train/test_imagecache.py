"""train/imagecache.py: decoded once, same pixels on the second call, from the cache file."""

from __future__ import annotations

import numpy as np

from tests.train.fixtures import make_images
from train.imagecache import cached_images


def test_cache_builds_once_and_reloads(tmp_path):
    rows = make_images(tmp_path / "img", count=3)
    paths = [tmp_path / "img" / name for name, _ in rows]
    first = cached_images(paths, 16, tmp_path / "cache")
    assert first.shape == (3, 16, 16, 3) and first.dtype == np.uint8
    files = list((tmp_path / "cache").iterdir())
    assert len(files) == 1
    second = cached_images(paths, 16, tmp_path / "cache")
    np.testing.assert_array_equal(first, second)
    assert cached_images(paths[:2], 16, tmp_path / "cache").shape[0] == 2  # another key
