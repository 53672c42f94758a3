"""Lookaloud's engine: describes pictures with an ONNX model bundle. No Qt, no torch.

Public API: `Describer`, `Description`, `load_image`, `load_bundle` and the errors.
"""

from engine.bundle import Bundle, load_bundle
from engine.describe import STYLES, Describer, Description
from engine.errors import ImageError, LookaloudError, ModelError
from engine.images import load_image

__all__ = [
    "STYLES",
    "Bundle",
    "Describer",
    "Description",
    "ImageError",
    "LookaloudError",
    "ModelError",
    "load_bundle",
    "load_image",
]
