"""Measure model bundles on the validation split, all with the same images and seed:
`python -m train.evaluate --model runs/default/bundle-mle --model assets/model [--out FILE]`.

With `--temperatures 0.6,0.8,1.0` it measures the samples alone at each sampling temperature
(the quality-diversity curve). With `--real-screens DIR` and/or `--rendered-screens DIR` it
measures descriptions of screenshots instead (train/screenscore.py), and `--baseline-ocr` adds
the plain OCR readout:
`python -m train.evaluate --real-screens /work/shared/data/real-screens --baseline-ocr`."""

from __future__ import annotations

import argparse
import json
import logging
import random
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from engine.bundle import default_model_dir
from engine.decode import TOP_P, beam_search, sample
from engine.describe import STYLES, Describer
from engine.ocr import TextReader
from engine.text import detokenize
from train.casual import to_casual
from train.config import TrainConfig
from train.imagecache import CACHE_DIR, cached_images
from train.loop import REPO, load_split
from train.metrics import RegisterClassifier, caption_scores, diversity, novel_share
from train.screenscore import ocr_readout, score_real, score_rendered

log = logging.getLogger(__name__)

SAMPLES = 5  # per image, for the diversity figures


class Captioner:
    """Batches of cached images through the engine's own graphs and decoding loops."""

    def __init__(self, bundle_dir: Path, threads: int = 2):
        self.describer = Describer(bundle_dir, threads=threads, use_gpu=False)
        self.bundle = self.describer.bundle

    def describe(self, images, style: str, mode: str, rng: np.random.Generator | None = None,
                 temperature: float | None = None):
        """Captions of `images` (B,S,S,3) uint8 at the bundle's size: mode "greedy" or "beam"
        (noise 0), or "sample" (noise ~ N(0,1), at `temperature`, by default the bundle's)."""
        b, describer = self.bundle, self.describer
        if mode == "sample":
            noise = rng.standard_normal((len(images), b.noise_dim)).astype(np.float32)
        else:
            noise = np.zeros((len(images), b.noise_dim), np.float32)
        context = describer.encoder.run({"image": describer.normalise(images)})
        state = describer.start_state(context, b.style_id(style), noise)
        if mode == "beam":
            ids = beam_search(describer.step, state, describer.tokens, b.max_length)
        else:
            ids = sample(describer.step, state, describer.tokens, b.max_length, rng=rng,
                         temperature=temperature or b.sample_temperature)
        return [detokenize([b.vocab[i] for i in row]) for row in ids]


def _in_batches(captioner, images, batch: int, **kwargs) -> list[str]:
    out = []
    for start in range(0, len(images), batch):
        out += captioner.describe(np.asarray(images[start : start + batch]), **kwargs)
    return out


def _validation(config: TrainConfig, limit: int, image_size: int):
    """The training items, the first `limit` validation items, their cached images and a
    scorer of one caption per validation image against its human captions."""
    d = config.data
    train_items, val_items = load_split(config)
    val_items = val_items[:limit] if limit else val_items
    cache = Path(d.cache_dir) if d.cache_dir else CACHE_DIR
    images = cached_images([item.path for item in val_items], image_size, cache)
    refs = {str(i): list(item.captions) for i, item in enumerate(val_items)}

    def scored(texts: list[str]) -> dict:
        return caption_scores(refs, {str(i): t for i, t in enumerate(texts)})

    return train_items, val_items, images, scored


def _samples(captioner, images, rng, temperature: float | None = None) -> dict[str, list[str]]:
    """SAMPLES plain captions of each image, each with its own noise, at `temperature` (by
    default the bundle's, as the app draws them): {image index: captions}."""
    repeated = np.repeat(np.asarray(images), SAMPLES, axis=0)
    texts = _in_batches(captioner, repeated, 250, style="plain", mode="sample", rng=rng,
                        temperature=temperature)
    return {str(i): texts[i * SAMPLES : (i + 1) * SAMPLES] for i in range(len(images))}


def _samples_cider(per_image: dict[str, list[str]], scored) -> float:
    """How right the samples are, beside how varied: CIDEr-D of each draw, averaged."""
    return float(np.mean([scored([per_image[str(i)][k] for i in range(len(per_image))])["cider_d"]
                          for k in range(SAMPLES)]))


def evaluate(bundle_dir: Path, config: TrainConfig, limit: int, seed: int) -> dict:
    """Every figure of the issue for one bundle, on the first `limit` validation images."""
    started = time.time()
    captioner = Captioner(bundle_dir)
    train_items, val_items, images, scored = _validation(config, limit,
                                                         captioner.bundle.image_size)
    greedy = _in_batches(captioner, images, 100, style="plain", mode="greedy")
    beam = _in_batches(captioner, images, 50, style="plain", mode="beam")
    per_image = _samples(captioner, images, np.random.default_rng(seed))
    samples = [text for texts in per_image.values() for text in texts]
    casual = _in_batches(captioner, images, 50, style="casual", mode="beam")

    training_captions = [c for item in train_items for c in item.captions]
    judge = _register_judge(train_items, seed)
    plain_beam = scored(beam)
    casual_scores = scored(casual)
    result = {
        "model": str(bundle_dir),
        "images": len(val_items),
        "plain": {
            "greedy": scored(greedy),
            "beam3": plain_beam,
            "samples": diversity(per_image),
            "samples_temperature": captioner.bundle.sample_temperature,
            "samples_cider_d": _samples_cider(per_image, scored),
            "beam3_distinct_share": len(set(beam)) / len(beam),
            "beam3_vocabulary": len({w for t in beam for w in t.lower().split()}),
            "beam3_novel_share": novel_share(beam, training_captions),
            "samples_novel_share": novel_share(samples, training_captions),
        },
        "casual": {
            "beam3": casual_scores,
            "judged_casual_share": float(judge.predict_casual(casual).mean()),
            "cider_d_vs_plain": casual_scores["cider_d"] / max(plain_beam["cider_d"], 1e-9),
        },
        "examples": {
            "greedy": greedy[:3],
            "beam3": beam[:3],
            "samples": per_image["0"],
            "casual": casual[:3],
        },
        "seconds": round(time.time() - started, 1),
    }
    log.info("%s: %s", bundle_dir, json.dumps(result["plain"]["beam3"]))
    return result


def frontier(bundle_dir: Path, config: TrainConfig, limit: int, seed: int,
             temperatures: list[float]) -> dict:
    """How right and how varied a bundle's samples are at each sampling temperature. A cooler
    temperature buys accuracy with variety, and so does a policy gradient, which sharpens the
    generator's distribution: two generators are compared fairly along this curve, not at one
    temperature (Caccia et al., "Language GANs Falling Short", ICLR 2020)."""
    captioner = Captioner(bundle_dir)
    _, val_items, images, scored = _validation(config, limit, captioner.bundle.image_size)
    points = []
    for temperature in temperatures:
        per_image = _samples(captioner, images, np.random.default_rng(seed), temperature)
        points.append({"temperature": temperature,
                       "samples_cider_d": _samples_cider(per_image, scored),
                       **diversity(per_image)})
    return {"model": str(bundle_dir), "images": len(val_items), "frontier": points}


def frontier_table(results: list[dict]) -> str:
    """One row per temperature, one column per model: CIDEr-D / Div-2 / vocabulary."""
    lines = [
        f"| temperature (nucleus {TOP_P:g}): CIDEr-D of a draw / Div-2 / vocabulary | "
        + " | ".join(r["model"] for r in results) + " |",
        "|---" * (len(results) + 1) + "|",
    ]
    for points in zip(*(r["frontier"] for r in results), strict=True):
        cells = [f"{p['samples_cider_d']:.3f} / {p['div2']:.3f} / {p['vocabulary']}"
                 for p in points]
        lines.append(f"| {points[0]['temperature']:g} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _register_judge(train_items, seed: int) -> RegisterClassifier:
    """Trained on human captions and their casual rewrites, apart from the discriminator."""
    rng = random.Random(seed)
    plain = [c for item in train_items for c in item.captions]
    rng.shuffle(plain)
    plain = plain[:10_000]
    casual = [to_casual(c, rng) for c in plain]
    return RegisterClassifier().fit(casual, plain)


ROWS = (
    ("BLEU-4, greedy", ("plain", "greedy", "bleu4")),
    ("CIDEr-D, greedy", ("plain", "greedy", "cider_d")),
    ("BLEU-4, beam 3", ("plain", "beam3", "bleu4")),
    ("CIDEr-D, beam 3", ("plain", "beam3", "cider_d")),
    ("sampling temperature (the bundle's)", ("plain", "samples_temperature")),
    ("Div-1, 5 samples", ("plain", "samples", "div1")),
    ("Div-2, 5 samples", ("plain", "samples", "div2")),
    ("mBLEU-4, 5 samples (lower: more diverse)", ("plain", "samples", "mbleu4")),
    ("distinct samples per image", ("plain", "samples", "distinct_share")),
    ("vocabulary of the samples", ("plain", "samples", "vocabulary")),
    ("CIDEr-D of the samples (mean of 5 draws)", ("plain", "samples_cider_d")),
    ("vocabulary, beam 3", ("plain", "beam3_vocabulary")),
    ("distinct captions, beam 3", ("plain", "beam3_distinct_share")),
    ("novel captions, beam 3", ("plain", "beam3_novel_share")),
    ("novel captions, samples", ("plain", "samples_novel_share")),
    ("casual: judged casual", ("casual", "judged_casual_share")),
    ("casual: CIDEr-D, beam 3", ("casual", "beam3", "cider_d")),
    ("casual: CIDEr-D / plain CIDEr-D", ("casual", "cider_d_vs_plain")),
)


def table(results: list[dict]) -> str:
    """The results side by side, as a Markdown table (one column per model)."""
    lines = [
        "| validation, plain unless said | " + " | ".join(r["model"] for r in results) + " |",
        "|---" * (len(results) + 1) + "|",
    ]
    for label, path in ROWS:
        cells = []
        for result in results:
            value = result
            for key in path:
                value = value[key]
            cells.append(f"{value:.3f}" if isinstance(value, float) else str(value))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _described_by(model: Path, style: str) -> Callable[[Path], str]:
    """The engine's own description of a screenshot file, as the product would say it."""
    describer = Describer(model, threads=2, use_gpu=False)
    return lambda path: describer.describe_file(path, style=style).text


def evaluate_screens(models: list[Path], real: Path | None, rendered: Path | None,
                     count: int, style: str, baseline_ocr: bool) -> list[dict]:
    """Screen figures for each bundle (and the OCR readout), on the same screenshots."""
    describers = [(str(model), _described_by(model, style)) for model in models]
    if baseline_ocr:
        describers.append(("OCR readout", ocr_readout(TextReader(threads=2))))
    results = []
    for label, describe in describers:
        started = time.time()
        result: dict = {"model": label, "style": style}
        if real:
            result["real_screens"] = score_real(describe, real)
        if rendered:
            result["rendered_screens"] = score_rendered(describe, rendered, count)
        result["seconds"] = round(time.time() - started, 1)
        results.append(result)
    return results


SCREEN_COLUMNS = (  # (heading, key, format)
    ("fact recall", "fact_recall", "{:.3f}"),
    ("kind recall", "kind_recall", "{:.3f}"),
    ("median words", "median_words", "{:g}"),
    ("images with junk", "images_with_junk", "{}"),
)


def screens_table(results: list[dict], key: str) -> str:
    """One set's figures as a Markdown table, one row per model; `key` is "real_screens" or
    "rendered_screens"."""
    columns = SCREEN_COLUMNS + ((("CIDEr-D", "cider_d", "{:.3f}"),)
                                if key == "rendered_screens" else ())
    count = results[0][key]["count"]
    lines = [
        f"| {key.replace('_', ' ')} ({count}) | " + " | ".join(c[0] for c in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for result in results:
        cells = [form.format(result[key][k]) for _, k, form in columns]
        lines.append(f"| {result['model']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--model",
        type=Path,
        action="append",
        help="a bundle folder; repeat to compare several on the same images (default: the "
        "bundled model)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=REPO / "train/configs/default.toml",
        help="the recipe whose data and split the bundles were trained with",
    )
    parser.add_argument("--images", type=int, default=0, help="first N validation images (0: all)")
    parser.add_argument("--seed", type=int, default=0, help="noise and sampling seed")
    parser.add_argument("--out", type=Path, help="write the results here as JSON")
    parser.add_argument("--table", action="store_true", help="print a Markdown table, not JSON")
    parser.add_argument(
        "--temperatures",
        type=lambda text: [float(t) for t in text.split(",")],
        metavar="T1,T2,...",
        help="measure only the samples, at each of these sampling temperatures",
    )
    parser.add_argument(
        "--write-metrics",
        action="store_true",
        help="also store each result in its bundle's config.json",
    )
    screens = parser.add_argument_group(
        "screens", "describe screenshots instead of validation photos, print a table per set")
    screens.add_argument("--real-screens", type=Path, metavar="DIR",
                         help="real screenshots with refs.json (measure only, never train)")
    screens.add_argument("--rendered-screens", type=Path, metavar="DIR",
                         help="screens from python -m train.screens, with screens.jsonl")
    screens.add_argument("--screens-count", type=int, default=200,
                         help="first N rendered screens (0: all)")
    screens.add_argument("--screens-style", choices=STYLES, default="casual")
    screens.add_argument("--baseline-ocr", action="store_true",
                         help="also score the plain OCR readout of each screenshot")
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    models = args.model or [default_model_dir()]
    if args.real_screens or args.rendered_screens:
        if args.write_metrics:
            parser.error("--write-metrics stores the photo figures; run it without screens")
        results = evaluate_screens(models, args.real_screens, args.rendered_screens,
                                   args.screens_count, args.screens_style, args.baseline_ocr)
        if args.out:
            args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False),
                                encoding="utf-8")
        keys = [k for k in ("real_screens", "rendered_screens") if k in results[0]]
        print("\n\n".join(screens_table(results, key) for key in keys))
        return
    if args.baseline_ocr:
        parser.error("--baseline-ocr goes with --real-screens or --rendered-screens")
    config = TrainConfig.load(args.config)
    if args.temperatures and args.write_metrics:
        parser.error("--write-metrics stores the full figures; run it without --temperatures")
    if args.temperatures:
        results = [frontier(model, config, args.images, args.seed, args.temperatures)
                   for model in models]
        as_table = frontier_table
    else:
        results = [evaluate(model, config, args.images, args.seed) for model in models]
        as_table = table
    if args.write_metrics:
        for model, result in zip(models, results, strict=True):
            file = model / "config.json"
            bundle_config = json.loads(file.read_text(encoding="utf-8"))
            bundle_config["metrics"]["evaluate"] = {
                k: v for k, v in result.items() if k != "examples"
            }
            file.write_text(json.dumps(bundle_config, indent=1), encoding="utf-8")
    text = json.dumps(results, indent=1)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(as_table(results) if args.table else text)

if __name__ == "__main__":
    main()
