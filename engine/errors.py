"""The problems a user can run into, each with a message a person understands.

Everything the engine raises on purpose derives from `LookaloudError`; its `str()` is the
sentence that the command line prints and the window speaks.
"""


class LookaloudError(Exception):
    """A problem the user can act on; the message says what happened and what to do."""


class ImageError(LookaloudError):
    """The file could not be read as a picture."""


class ModelError(LookaloudError):
    """The model bundle is missing, incomplete, corrupted or of an unknown format."""


class OcrError(LookaloudError):
    """The text on the screen could not be read: the OCR package or its models failed."""
