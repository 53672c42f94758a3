"""Time from a global hotkey press to the start of speech, on a 1280x800 virtual screen that
shows a real screenshot, with the real app and the bundled model (median of 10 presses)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.home import private_home
from engine import ModelError, load_bundle
from tests.e2e.session import (
    desktop_session,
    engine_ready,
    spoken,
    start_app,
    stop_app,
    wait_for_window,
    wait_until,
)

SCREENS = Path(__file__).resolve().parents[2] / "shared" / "data" / "real-screens" / "images"
PRESSES = 10

SHOW_SCREENSHOT = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel()
label.setPixmap(QPixmap(sys.argv[1]))
label.setWindowTitle("Other program")
label.setWindowFlags(Qt.FramelessWindowHint)
label.setGeometry(0, 0, 1280, 800)
label.show()
app.exec()
"""


def hotkey_to_speech_ms() -> list[float]:
    screenshot = sorted(SCREENS.glob("*.png"))[0]
    with tempfile.TemporaryDirectory() as folder, desktop_session(Path(folder)) as env:
        env.update(private_home(Path(folder)))
        other = subprocess.Popen([sys.executable, "-c", SHOW_SCREENSHOT, str(screenshot)],
                                 env=env)
        app = start_app(env)
        try:
            wait_for_window(env, "Other program")
            wait_for_window(env, "Lookaloud")
            wait_until(lambda: engine_ready(env), 120, "the engine to load")
            times = []
            for _ in range(PRESSES):
                before = len(spoken(env))
                pressed = time.time()
                subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+alt+shift+d"],
                               env=env, check=True)
                said = wait_until(lambda n=before: spoken(env)[n:], 60, "speech")
                times.append((said[0]["started_at"] - pressed) * 1000)
                time.sleep(1.0)  # let the previous description finish speaking
            return times
        finally:
            stop_app(app)
            other.kill()


def main() -> None:
    try:
        load_bundle()
    except ModelError as error:
        print(f"hotkey to speech: not yet ({error})")
        return
    times = hotkey_to_speech_ms()
    print(f"hotkey press to start of speech, 1280x800 screen: {statistics.median(times):.0f} ms "
          f"(median of {len(times)}; min {min(times):.0f}, max {max(times):.0f})")
