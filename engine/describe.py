"""The engine's pipeline: picture -> preprocess -> encoder -> decoding loop -> spoken text."""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from engine.bundle import Bundle, load_bundle
from engine.decode import State, beam_search, sample, tokens_for
from engine.errors import ImageError, OcrError
from engine.images import load_image
from engine.ocr import TextBox, TextReader
from engine.ocrtokens import OcrWord, ocr_inputs, ocr_words
from engine.runtime import Session, open_session
from engine.text import UNK, detokenize, read_as_sentences, tokenize
from engine.unsaid import with_unsaid_text

log = logging.getLogger(__name__)

STYLES = ("casual", "plain")
DETAILS = ("short", "full")


@dataclass
class Description:
    """What the engine says about one picture, and how long each stage took."""

    text: str
    style: str
    provider: str
    alternatives: list[str] = field(default_factory=list)  # further samples, when asked for
    timings_ms: dict[str, float] = field(default_factory=dict)
    text_lines: list[str] | None = None  # all the text on the picture, with detail "full"

    @property
    def details(self) -> str | None:
        """The long form: the description, then all the text in reading order."""
        if self.text_lines is None:
            return None
        if not self.text_lines:
            return f"{self.text} There is no text on it."
        return f"{self.text} All the text, in reading order: " + read_as_sentences(
            self.text_lines)


class Describer:
    """Loads a model bundle once and describes pictures with it."""

    def __init__(self, model_dir: str | os.PathLike | None = None, threads: int = 2,
                 use_gpu: bool = True):
        self.bundle: Bundle = load_bundle(model_dir)
        self.encoder: Session = open_session(self.bundle.encoder_path, threads, use_gpu)
        # A decoder step is a few small matrix products: shared between two threads, their
        # synchronisation cost more than it saved (a photo's caption 43 -> 14 to 19 ms).
        self.decoder: Session = open_session(self.bundle.decoder_path, 1, use_gpu)
        reader = self.bundle.reader_path
        self.reader: Session | None = open_session(reader, 1, use_gpu) if reader else None
        self._threads = threads
        self._text_reader: TextReader | None = None  # loaded on first use: about half a second
        self.tokens = tokens_for(self.bundle.vocab)
        self._vocab_index = {word: i for i, word in enumerate(self.bundle.vocab)}
        self._unknown = self._vocab_index[UNK]
        self._shown_only = {self._vocab_index[word]: word for word in self.bundle.shown_words
                            if word in self._vocab_index}
        # A model with a copy head reads the picture's text first and may say its words.
        self.copies = "ocr_ids" in self.decoder.input_names

    @property
    def provider(self) -> str:
        return self.encoder.provider

    def preprocess(self, image: Image.Image) -> np.ndarray:
        """(1, 3, S, S) float32, squashed to the square the model was trained on."""
        size = self.bundle.image_size
        return self.normalise(np.asarray(image.resize((size, size), Image.BILINEAR))[None])

    def normalise(self, pixels: np.ndarray) -> np.ndarray:
        """RGB pixels (B, S, S, 3), 0..255, at the model's size -> its input (B, 3, S, S)."""
        scaled = pixels.astype(np.float32) / 255.0
        scaled = (scaled - np.array(self.bundle.mean, np.float32)) / np.array(
            self.bundle.std, np.float32
        )
        return scaled.transpose(0, 3, 1, 2)

    def describe_file(self, path: str | os.PathLike, **options) -> Description:
        started = time.perf_counter()
        image = load_image(Path(path))
        loaded = time.perf_counter()
        description = self.describe(image, **options)
        description.timings_ms = {"load": (loaded - started) * 1000, **description.timings_ms}
        return description

    def describe(self, image: Image.Image, style: str = "casual", samples: int = 1,
                 seed: int | None = None, detail: str = "short") -> Description:
        """Beam search with the noise at its mean gives the description; `samples` > 1 adds
        sampled alternatives, each with its own noise vector ("say it differently"). A
        picture with text is described without the screen words its text lacks
        (`not_shown`), then gets the lines its description left out, within the short form's
        budget (engine.unsaid); `detail="full"` reads all the text instead."""
        if detail not in DETAILS:
            raise ValueError(f"detail must be one of {DETAILS}, not {detail!r}")
        style_id = self.bundle.style_id(style)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        pixels = self.preprocess(image)
        timings["preprocess"] = (time.perf_counter() - started) * 1000

        started = time.perf_counter()
        context = self.encoder.run({"image": pixels})
        timings["encoder"] = (time.perf_counter() - started) * 1000

        lines, words, ocr = [], [], None
        if self.copies or detail == "full":
            started = time.perf_counter()
            # All the text was asked for: a failure to read it is the answer, not a silence.
            lines = self.text_reader.read(image) if detail == "full" else self._read_text(image)
            timings["ocr"] = (time.perf_counter() - started) * 1000
        if self.copies:
            words = ocr_words(lines)
            ocr = ocr_inputs(words, image.size, self._vocab_index, self._unknown)

        started = time.perf_counter()
        limit = self.bundle.text_max_length if words else self.bundle.max_length
        forbidden = self.not_shown(lines) if words else []
        best = beam_search(self.step, self.start_state(context, style_id, np.zeros(
            (1, self.bundle.noise_dim), np.float32), ocr), self.tokens, limit,
            forbidden=forbidden)[0]
        texts = [self.text_of(best, words)]
        if samples > 1:
            rng = np.random.default_rng(seed)
            count = samples - 1
            noise = rng.standard_normal((count, self.bundle.noise_dim)).astype(np.float32)
            batch = {name: np.repeat(value, count, axis=0) for name, value in context.items()}
            sampled = sample(self.step, self.start_state(batch, style_id, noise, ocr),
                             self.tokens, limit, rng=rng, forbidden=forbidden,
                             temperature=self.bundle.sample_temperature)
            texts += [self.text_of(tokens, words) for tokens in sampled]
        timings["decode"] = (time.perf_counter() - started) * 1000
        if detail == "short":  # the full detail reads every line after the description
            texts = [with_unsaid_text(text, lines, style) for text in texts]
        description = Description(texts[0], style, self.provider, texts[1:], timings)
        if detail == "full":
            description.text_lines = [box.text for box in lines]
        return description

    def not_shown(self, lines: list[TextBox]) -> list[int]:
        """The vocabulary ids of the bundle's `shown_words` ("cancel", "password",
        "downloads": words a screen's description says only as the screen's text) that this
        picture's text does not hold. Said from the decoder's memory of the screens it
        learnt from, they would put text on the screen that is not there."""
        shown = {token for line in lines for token in tokenize(line.text)}
        return [i for i, word in self._shown_only.items() if word not in shown]

    def _read_text(self, image: Image.Image) -> list[TextBox]:
        """The picture's text lines; a picture whose text cannot be read is still described
        from what it shows."""
        try:
            return self.text_reader.read(image)
        except (OcrError, ImageError) as error:
            log.warning("described without reading its text: %s", error)
            return []

    def warm_up(self) -> None:
        """Load the text reader now (about a second and a half) rather than on the first
        picture, so that the first hotkey press is as quick as the next ones."""
        try:
            self.text_reader  # noqa: B018 (loading it is the point)
        except OcrError as error:
            log.warning("text reading is unavailable: %s", error)

    @property
    def text_reader(self) -> TextReader:
        if self._text_reader is None:
            self._text_reader = TextReader(threads=self._threads)
        return self._text_reader

    def start_state(self, context: dict, style_id: int, noise: np.ndarray,
                    ocr: dict[str, np.ndarray] | None = None) -> State:
        """The decoder's state before the first word: the encoder's outputs (B rows), the
        noise (B, Z), the style, the OCR tokens of a copying model (one picture's, or none),
        and zeroed recurrent state."""
        batch = noise.shape[0]
        state: State = {name: value for name, value in context.items()}
        state["noise"] = noise
        state["style"] = np.full(batch, style_id, dtype=np.int64)
        if self.copies:
            ocr = ocr or ocr_inputs([], (1, 1), self._vocab_index, self._unknown)
            if self.reader is not None:
                read = {name: ocr[name] for name in self.reader.input_names}
                ocr = {**ocr, **self.reader.run(read)}
            state.update({name: np.repeat(value, batch, axis=0) for name, value in ocr.items()})
        for name, width in self.bundle.decoder_state.items():
            state[name] = np.zeros((batch, width), np.float32)
        return state

    def step(self, tokens: np.ndarray, state: State) -> tuple[np.ndarray, State]:
        """One decoder step, the `Step` that engine.decode's loops drive."""
        feeds = {name: state[name] for name in self.decoder.input_names if name != "token"}
        outputs = self.decoder.run({"token": tokens, **feeds})
        update = {name: outputs[f"{name}_out"] for name in self.bundle.decoder_state}
        return outputs["logits"], update

    def text_of(self, ids: list[int], words: list[OcrWord] = ()) -> str:
        """Spoken text of decoded ids; an id past the vocabulary says an OCR word as read."""
        vocab = self.bundle.vocab
        return detokenize([vocab[i] if i < len(vocab) else words[i - len(vocab)].text
                           for i in ids])
