"""A model bundle: the one artefact `train/` writes and the engine reads.

A folder holding `config.json` (format version, preprocessing, decoder state, vocabulary
file, versions, training data and its terms, measured metrics), `vocab.json` and the two
ONNX graphs: the image encoder and one decoder step.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from engine.decode import TEMPERATURE
from engine.errors import ModelError
from engine.paths import BUNDLED_MODEL_DIR
from engine.text import SPECIAL_TOKENS

FORMAT = "lookaloud-captioner"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Bundle:
    path: Path
    image_size: int
    mean: tuple[float, float, float]
    std: tuple[float, float, float]
    max_length: int  # tokens, <eos> included, of a picture's description
    text_max_length: int  # ... of a picture with text to copy from (a screen's is longer)
    noise_dim: int
    styles: tuple[str, ...]
    decoder_state: dict[str, int]  # state input name -> width; outputs are "<name>_out"
    vocab: tuple[str, ...]
    config: dict = field(repr=False)
    # Words a screen's description says only when the screen shows them (engine.describe).
    shown_words: tuple[str, ...] = ()
    # "Say it differently": the temperature the model's samples are drawn at (older
    # bundles do not say, and take the engine's default).
    sample_temperature: float = TEMPERATURE

    @property
    def encoder_path(self) -> Path:
        return self.path / self.config["files"]["encoder"]

    @property
    def decoder_path(self) -> Path:
        return self.path / self.config["files"]["decoder"]

    @property
    def reader_path(self) -> Path | None:
        """The graph that reads a picture's OCR tokens once for every step, in a bundle whose
        decoder copies from them (older copying bundles read them at each step)."""
        name = self.config["files"].get("reader")
        return self.path / name if name else None

    def token_id(self, token: str) -> int:
        return self.vocab.index(token)

    def style_id(self, style: str) -> int:
        if style not in self.styles:
            raise ModelError(
                f"This model speaks in the styles {', '.join(self.styles)}, not '{style}'."
            )
        return self.styles.index(style)


def default_model_dir() -> Path:
    return Path(os.environ.get("LOOKALOUD_MODEL", BUNDLED_MODEL_DIR))


def load_bundle(path: str | os.PathLike | None = None) -> Bundle:
    """Read and check the bundle at `path` (the bundled model by default)."""
    path = Path(path) if path is not None else default_model_dir()
    config_file = path / "config.json"
    if not config_file.is_file():
        raise ModelError(
            f"No model was found in {path}. Build one with 'make train', "
            "or choose another model folder."
        )
    try:
        config = json.loads(config_file.read_text(encoding="utf-8"))
        if config.get("format") != FORMAT:
            raise ModelError(f"{path} does not hold a Lookaloud model.")
        if config.get("format_version") != FORMAT_VERSION:
            raise ModelError(
                f"The model in {path} has format version {config.get('format_version')}; "
                f"this Lookaloud reads version {FORMAT_VERSION}. Rebuild it with 'make train'."
            )
        vocab = tuple(json.loads((path / config["files"]["vocab"]).read_text(encoding="utf-8")))
        bundle = Bundle(
            path=path,
            image_size=int(config["image_size"]),
            mean=tuple(config["mean"]),
            std=tuple(config["std"]),
            max_length=int(config["max_length"]),
            text_max_length=int(config.get("copy", {}).get("max_length", config["max_length"])),
            noise_dim=int(config["noise_dim"]),
            styles=tuple(config["styles"]),
            decoder_state={str(k): int(v) for k, v in config["decoder_state"].items()},
            vocab=vocab,
            config=config,
            shown_words=tuple(config.get("copy", {}).get("shown_words", ())),
            sample_temperature=float(config.get("sample_temperature", TEMPERATURE)),
        )
    except ModelError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ModelError(
            f"The model in {path} is damaged or incomplete ({error.__class__.__name__}). "
            "Rebuild it with 'make train' or reinstall Lookaloud."
        ) from error
    if tuple(vocab[: len(SPECIAL_TOKENS)]) != SPECIAL_TOKENS:
        raise ModelError(f"The vocabulary of the model in {path} is damaged.")
    for graph in (bundle.encoder_path, bundle.decoder_path, bundle.reader_path):
        if graph is not None and not graph.is_file():
            raise ModelError(f"The model in {path} is incomplete: {graph.name} is missing.")
    return bundle
