"""Render random screens to learn from: `python -m train.screens --count N --out DIR [--seed S]`.

Writes DIR/SEED-INDEX.png and DIR/screens.jsonl (one record a line); `--workers 2` renders
in two processes; `--bench` prints screens per second instead.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from train.screens.write import bench, write_screens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m train.screens", description=__doc__)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1,
                        help="processes rendering at once (one per CPU core is the most useful)")
    parser.add_argument("--photos", type=Path,
                        help="a file of Flickr8k photo names, one a line, that screens may show "
                             "(the training split); all photos if left out")
    parser.add_argument("--bench", action="store_true", help="print screens per second")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.bench:
        with tempfile.TemporaryDirectory() as folder:
            rate = bench(Path(folder), args.count, args.seed, args.workers)
        print(f"{rate:.1f} screens/s (rendered and written as PNG, {args.workers} process(es))")
        return 0
    if args.out is None:
        parser.error("--out is required")
    names = frozenset(args.photos.read_text().split()) if args.photos else None
    records = write_screens(args.out, args.count, args.seed, workers=args.workers,
                            photo_names=names)
    print(f"{args.count} screens in {args.out}, records in {records}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
