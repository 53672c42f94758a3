"""Rendered screens to learn from: real Qt widgets drawn offscreen on a desktop, with a record
of exactly what was drawn and descriptions of it. Run `python -m train.screens --count N
--out DIR [--seed S]`.

Public: `Renderer` (draws one screen by seed and index), `Screen` (its record),
`write_screens` (a folder of PNGs and a JSONL), `bench` (screens per second).
"""

from train.screens.record import Screen
from train.screens.render import Renderer
from train.screens.write import bench, write_screens

__all__ = ["Renderer", "Screen", "bench", "write_screens"]
