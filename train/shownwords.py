"""Words a screen's description says only because the screen shows them.

The renderer describes a screen from what it drew: "a dialog titled Save changes, with
buttons Cancel and Save". Words such as "cancel", "password" or "downloads" come into its
descriptions almost only as the screen's own text. A decoder that learnt them from
thousands of such screens says them from memory on a screenshot whose text holds none of
them: "a notification from downloads, download complete" of a backup dialog. The engine
keeps these words from a description unless the picture's text holds them
(engine.describe); this module finds them in the training data, and the bundle carries the
list (`config["copy"]["shown_words"]`).

A word is on the list when the training screens' descriptions say it at least `MIN_SAID`
times, at least `MIN_SHOWN_SHARE` of those on a screen whose drawn text holds it, and the
training photos' captions use it fewer than `MAX_PHOTO_COUNT` times: a word people use for
what a picture shows ("cart", "street", "dog") stays free to be said of what is seen.

`python -m train.shownwords --bundle DIR --screens FOLDER` writes the list of a bundle
trained before the list existed, from the screens it was trained on (their folder under
`.cache/`, rendered by the renderer of the bundle's commit).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from engine.text import tokenize

MIN_SAID = 5
MIN_SHOWN_SHARE = 0.95
MAX_PHOTO_COUNT = 5


def shown_words(
    screen_lines: Sequence[Sequence[str]],
    screen_descriptions: Sequence[Sequence[str]],
    photo_captions: Iterable[str],
    vocab: Sequence[str],
) -> list[str]:
    """Vocabulary words that the screens' descriptions say only when the screen shows them,
    in vocabulary order. `screen_lines[i]` is screen i's drawn text, `screen_descriptions[i]`
    its descriptions (both registers)."""
    said, shown = Counter(), Counter()
    for lines, descriptions in zip(screen_lines, screen_descriptions, strict=True):
        on_screen = {token for line in lines for token in tokenize(line)}
        for description in descriptions:
            for token in tokenize(description):
                said[token] += 1
                shown[token] += token in on_screen
    in_photos = Counter(token for caption in photo_captions for token in tokenize(caption))
    return [word for word in vocab
            if said[word] >= MIN_SAID and shown[word] >= MIN_SHOWN_SHARE * said[word]
            and in_photos[word] < MAX_PHOTO_COUNT]


def _screens_from_folder(folder: Path, count: int) -> tuple[list[list[str]], list[list[str]]]:
    records = [json.loads(line) for line in
               (folder / "screens.jsonl").read_text(encoding="utf-8").splitlines()][:count]
    return ([[t["text"] for t in r["texts"]] for r in records],
            [[r["descriptions"]["plain"], r["descriptions"]["casual"]] for r in records])


def _training_captions(config_file: Path) -> list[str]:
    """The captions of the recipe's training photos (its split, its seed)."""
    from train.config import TrainConfig
    from train.loop import load_split  # train.loop imports this module

    train_items, _ = load_split(TrainConfig.load(config_file))
    return [caption for item in train_items for caption in item.captions]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, required=True, help="a model bundle folder")
    parser.add_argument("--screens", type=Path, required=True,
                        help="the folder of the screens the bundle was trained on")
    parser.add_argument("--config", type=Path, default=Path("train/configs/default.toml"),
                        help="the recipe the bundle was trained with (its photo split)")
    args = parser.parse_args()
    config_file = args.bundle / "config.json"
    bundle = json.loads(config_file.read_text(encoding="utf-8"))
    vocab = json.loads((args.bundle / "vocab.json").read_text(encoding="utf-8"))
    # The first screens of the folder are the training ones; the rest were held out.
    trained_on = bundle["training"]["data"]["screens"]["train"]
    lines, descriptions = _screens_from_folder(args.screens, trained_on)
    words = shown_words(lines, descriptions, _training_captions(args.config), vocab)
    bundle["copy"]["shown_words"] = words
    config_file.write_text(json.dumps(bundle, indent=1), encoding="utf-8")
    print(f"{len(words)} shown words written to {config_file}")


if __name__ == "__main__":
    main()
