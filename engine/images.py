"""Opening the user's pictures safely: read-only, size-checked, and turned into RGB.

Every way a file can fail to be a picture ends in an `ImageError` whose message says which:
missing, a folder, empty, too big, not a picture, damaged. The file itself is never changed.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from engine.errors import ImageError

# Larger than any screen (8K is 33 Mpx) and any ordinary camera photo; beyond it a file is
# far more likely a decompression bomb than a picture, and decoding it could exhaust memory.
MAX_PIXELS = 64_000_000
MAX_FILE_BYTES = 256 * 1024 * 1024

IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".ppm", ".pgm"}
)


def load_image(path: str | os.PathLike) -> Image.Image:
    """Return the picture at `path` as an RGB image, upright as its EXIF orientation says."""
    path = Path(path)
    name = path.name or str(path)
    if not path.exists():
        raise ImageError(f"{name} was not found.")
    if path.is_dir():
        raise ImageError(f"{name} is a folder, not a picture.")
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImageError(f"{name} cannot be read: {error.strerror}.") from error
    if size == 0:
        raise ImageError(f"{name} is empty: the file has no picture in it.")
    if size > MAX_FILE_BYTES:
        raise ImageError(f"{name} is too large to describe ({size // 2**20} MB).")
    try:
        with open(path, "rb") as stream, warnings.catch_warnings():
            # Pillow warns, then raises, on huge sizes; we check the size ourselves first.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(stream)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageError(
                    f"{name} is too large to describe ({width} by {height} pixels); "
                    "pictures up to 64 megapixels are accepted."
                )
            image.load()
            return _to_rgb(ImageOps.exif_transpose(image))
    except ImageError:
        raise
    except Image.DecompressionBombError as error:
        raise ImageError(
            f"{name} is too large to describe; pictures up to 64 megapixels are accepted."
        ) from error
    except UnidentifiedImageError as error:
        raise ImageError(f"{name} is not a picture Lookaloud can read.") from error
    except PermissionError as error:
        raise ImageError(f"{name} cannot be read: permission denied.") from error
    except (OSError, SyntaxError, ValueError) as error:
        # Pillow reports truncated and corrupt data as OSError or SyntaxError.
        raise ImageError(f"{name} is damaged or incomplete, so it cannot be described.") from error


def _to_rgb(image: Image.Image) -> Image.Image:
    """Flatten transparency onto white, as a viewer shows it, and drop other modes to RGB."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if image.mode == "I;16" or image.mode == "I":
        return image.point(lambda value: value / 256).convert("RGB")
    return image.convert("RGB")


def expand_inputs(inputs: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Yield each path given; a folder stands for its pictures, recursively, in sorted order.

    A path that is not a folder is yielded as it is, so that `load_image` can say what is
    wrong with it rather than it silently disappearing.
    """
    for entry in inputs:
        path = Path(entry)
        if path.is_dir():
            yield from sorted(
                child
                for child in path.rglob("*")
                if child.is_file() and child.suffix.lower() in IMAGE_SUFFIXES
            )
        else:
            yield path
