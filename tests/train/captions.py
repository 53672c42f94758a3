"""Captions in the style of Flickr8k's human ones, written for the tests, and the real ones."""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

FLICKR8K = Path(__file__).resolve().parents[3] / "shared" / "data" / "flickr8k" / "captions.csv"

CAPTIONS = [
    "A black dog runs through tall grass .",
    "A man is riding a bike down a dirt road .",
    "Two children are playing in the snow .",
    "A woman in a red coat walks along the beach .",
    "There is a brown dog swimming in the lake .",
    "A boy jumps off a wooden dock into the water .",
    "Three dogs play together in the park .",
    "A little girl is sitting on a swing .",
    "A group of people stand on a busy street .",
    "A skier flies through the air above a snowy hill .",
    "The man in the blue shirt is climbing a steep rock wall .",
    "Two men and a dog sitting on a bench",
    "A white dog is carrying a stick in its mouth .",
    "A surfer rides a large wave in the ocean .",
    "a young boy in a yellow shirt kicks a soccer ball on the grass",
    "Two girls are laughing while a man is taking their picture .",
    "A dog with a red collar catches a frisbee in the backyard .",
    "A woman is holding a baby near a fountain .",
    "People walking down a crowded sidewalk in the city .",
    "A biker in a helmet is doing a trick on a ramp .",
    "The brown and white dog is wet .",
    "A man and a woman are dancing on a stage .",
    "Several kids are running across a field .",
    "A hiker stands on top of a mountain , looking at the view .",
    "A small dog chases a ball on the sand .",
    "An old man sits on a park bench reading a newspaper .",
    "A child in a pink dress slides down a slide at the playground .",
    "Two dogs are fighting over a toy in the yard .",
    "A football player in red throws the ball .",
    "A boy is not wearing a shirt on the beach .",
    "A black and white dog jumps over a log in the woods .",
    "A girl with long hair is swimming in a pool .",
    "Four men in uniforms march in a parade .",
    "A woman sits at a table with a cup of coffee .",
    "A dog in the snow .",
    "A cyclist races down a road near the river .",
    "A man wearing a hat is fishing from a small boat .",
    "Children splash in a fountain on a sunny day .",
    "A brown horse is standing in a muddy field .",
    "A man holds a little boy on his shoulders at the beach .",
]


@cache
def flickr8k_by_image() -> dict[str, list[str]]:
    """The real Flickr8k captions grouped by image; the test is skipped where they are absent."""
    if not FLICKR8K.exists():
        pytest.skip(f"{FLICKR8K} is not here")
    grouped: dict[str, list[str]] = defaultdict(list)
    with open(FLICKR8K, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            grouped[row["image"]].append(row["caption"])
    return dict(grouped)
