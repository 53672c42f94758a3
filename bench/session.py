"""A long session: many photos described one after another in the real window (offscreen,
speech to WAV files) with the bundled model, and the resident memory of the window's process
and of the engine's, which stays up all day."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.home import private_home

PHOTOS = Path(__file__).resolve().parents[2] / "shared" / "data" / "flickr8k" / "images"
COUNT = 300


@dataclass
class Figures:
    descriptions: int
    seconds: float
    window_mb: tuple[int, int]  # after the first description, after the last
    engine_mb: tuple[int, int]


def resident_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    raise ValueError(f"no resident size for process {pid}")


def run(photos: list[Path], count: int, model_dir: str | None = None) -> Figures:
    """Describe `count` pictures, cycling through `photos`, in one window and engine."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.engine_client import EngineClient
    from desktop.history import History
    from desktop.settings import Settings
    from desktop.speech import Speech
    from desktop.window import MainWindow

    app = QApplication.instance() or QApplication([])

    def wait(signal) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    engine = EngineClient(model_dir)
    speech = Speech()
    window = MainWindow(engine, Settings(), speech, History())
    window.show()
    engine.start()
    while engine.state == "starting":
        wait(engine.state_changed)
    if engine.state != "ready":
        raise RuntimeError(f"the engine did not start: {engine.state}")
    shown = []
    window.description_shown.connect(shown.append)
    started = time.perf_counter()
    window_mb, engine_mb = [], []
    try:
        for i in range(count):
            window.describe_paths([str(photos[i % len(photos)])])
            wait(window.description_shown)
            if i in (0, count - 1):
                app.processEvents()
                window_mb.append(resident_mb(os.getpid()))
                engine_mb.append(resident_mb(engine.process_id))
    finally:
        window.quit()  # stops the engine and speech, as the app's Quit does
    return Figures(len(shown), time.perf_counter() - started, tuple(window_mb), tuple(engine_mb))


def main() -> None:
    photos = sorted(PHOTOS.glob("*.jpg"))[:50]
    with tempfile.TemporaryDirectory() as home:
        os.environ.update(private_home(Path(home)),
                          LOOKALOUD_SPEECH_WAV_DIR=str(Path(home) / "speech"))
        figures = run(photos, COUNT)
    print(f"a session of {figures.descriptions} photo descriptions, one window and engine: "
          f"{figures.seconds:.0f} s; resident memory after the first and the last, window "
          f"{figures.window_mb[0]} and {figures.window_mb[1]} MB, engine {figures.engine_mb[0]} "
          f"and {figures.engine_mb[1]} MB")
