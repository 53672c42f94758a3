"""Renders the README's pictures of the main window and the settings dialog, offscreen:
`QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py PHOTO [OUT_DIR]`.

The window describes PHOTO with the bundled model first, so the picture shows a real answer.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktop.engine_client import EngineClient
from desktop.history import History
from desktop.settings import Settings
from desktop.settings_dialog import SettingsDialog
from desktop.speech import Speech
from desktop.window import MainWindow


def wait_for(signal, timeout_ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main() -> int:
    photo = sys.argv[1]
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    with tempfile.TemporaryDirectory() as home:
        os.environ["LOOKALOUD_SPEECH_WAV_DIR"] = str(Path(home) / "speech")  # no sound card
        settings = Settings(Path(home) / "settings.json")
        engine = EngineClient()
        window = MainWindow(engine, settings, Speech(), History(Path(home) / "history"))
        window.resize(900, 520)
        window.show()
        engine.start()
        window.describe_paths([photo])
        wait_for(window.description_shown)
        app.processEvents()
        window.grab().save(str(out / "main-window.png"))
        dialog = SettingsDialog(settings, window.speech.voices, window)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / "settings.png"))
        dialog.close()
        engine.stop()
        window.speech.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
