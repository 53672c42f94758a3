"""Writing rendered screens to a folder: `NAME.png` each, and one JSON record a line.

With `workers` > 1 the indices are shared out to processes, each with its own Qt
application; a screen depends only on (seed, index), so the output is the same either way.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from tqdm import tqdm

# zlib level 1 (Qt's PNG quality 90): about four times faster to write than the default,
# for files about a third larger.
PNG_QUALITY = 90
CHUNK = 8  # screens a worker renders per task: enough to hide the hand-over

_renderer = None  # one per worker process, made on its first task


def _render_chunk(task: tuple[Path, int, list[int], frozenset[str] | None]) -> list[str]:
    """Render and save screens `indices`; return their records as JSON lines."""
    global _renderer
    out, seed, indices, photo_names = task
    from train.screens.render import Renderer  # Qt starts in the process that renders

    if _renderer is None or (_renderer.seed, _renderer.photo_names) != (seed, photo_names):
        _renderer = Renderer(seed, photo_names)
    lines = []
    for index in indices:
        image, screen = _renderer.render(index)
        if not image.save(str(out / f"{screen.name}.png"), "PNG", PNG_QUALITY):
            raise OSError(f"could not write {out / screen.name}.png")
        lines.append(screen.to_json())
    return lines


def write_screens(out: Path, count: int, seed: int = 0, start: int = 0, workers: int = 1,
                  photo_names: frozenset[str] | None = None, progress: bool = True) -> Path:
    """Render screens `start`..`start + count - 1` into `out`; return the JSONL's path.
    `photo_names` limits the Flickr8k photos shown to those (the training split)."""
    out.mkdir(parents=True, exist_ok=True)
    indices = list(range(start, start + count))
    tasks = [(out, seed, indices[i:i + CHUNK], photo_names) for i in range(0, count, CHUNK)]
    records = out / "screens.jsonl"
    bar = tqdm(total=count, desc="screens", unit="screen", disable=not progress)
    with open(records, "a" if start else "w", encoding="utf-8") as file:
        if workers <= 1:
            results = map(_render_chunk, tasks)
            pool = None
        else:
            # spawn, not fork: a forked Qt application is not safe to use.
            pool = multiprocessing.get_context("spawn").Pool(workers)
            results = pool.imap(_render_chunk, tasks)
        try:
            for lines in results:
                file.writelines(line + "\n" for line in lines)
                bar.update(len(lines))
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    bar.close()
    return records


def bench(out: Path, count: int = 50, seed: int = 0, workers: int = 1) -> float:
    """Screens rendered and written per second (after the first few, which load fonts)."""
    write_screens(out, CHUNK, seed=seed, progress=False)
    begin = time.perf_counter()
    write_screens(out, count, seed=seed, start=CHUNK, workers=workers, progress=False)
    return count / (time.perf_counter() - begin)
