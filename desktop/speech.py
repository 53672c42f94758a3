"""Speaking descriptions without ever blocking the window: desktop/speaker.py in a child
process. Stopping kills that process; a spare one is kept warm so the next words start at once.

Signals:
    availability_changed: (bool, str) whether speech works, and if not, why.
    started: (str) the text being spoken.
    finished: (str) the text that was spoken to the end.
"""

from __future__ import annotations

import json
import logging
import sys

from PySide6.QtCore import QObject, QProcess, Signal

log = logging.getLogger(__name__)


class Speech(QObject):
    availability_changed = Signal(bool, str)
    started = Signal(str)
    finished = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.available: bool | None = None  # unknown until the first speaker reports
        self.reason = ""
        self.voices: list[dict] = []
        self.rate = 180
        self.volume = 1.0
        self.voice = ""
        self.speaking = False
        self._closed = False
        self._active = self._spawn()
        self._spare = self._spawn()

    def _spawn(self) -> QProcess:
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(["-m", "desktop.speaker"])
        process.readyReadStandardOutput.connect(lambda: self._on_output(process))
        process.start()
        return process

    def say(self, text: str) -> None:
        """Speak `text`, interrupting whatever is being said."""
        if self.available is False or not text:
            return
        if self.speaking:
            self.stop()
        self.speaking = True
        request = {"say": text, "rate": self.rate, "volume": self.volume, "voice": self.voice}
        self._active.write((json.dumps(request) + "\n").encode())

    def stop(self) -> None:
        if not self.speaking:
            return
        self.speaking = False
        old = self._active
        self._active, self._spare = self._spare, self._spawn()
        old.readyReadStandardOutput.disconnect()
        old.kill()
        old.waitForFinished(1000)
        old.deleteLater()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        for process in (self._active, self._spare):
            process.readyReadStandardOutput.disconnect()
            process.kill()
            process.waitForFinished(1000)

    def _on_output(self, process: QProcess) -> None:
        while process.canReadLine():
            try:
                event = json.loads(bytes(process.readLine()).decode())
            except ValueError:
                continue
            kind = event.get("event")
            if kind == "ready" and self.available is not True:
                self.available, self.voices = True, event.get("voices", [])
                self.availability_changed.emit(True, "")
            elif kind == "unavailable" and self.available is not False:
                self.available, self.reason = False, event.get("reason", "")
                self.availability_changed.emit(False, self.reason)
            elif kind == "started" and process is self._active:
                self.started.emit(event.get("text", ""))
            elif kind == "finished" and process is self._active:
                self.speaking = False
                self.finished.emit(event.get("text", ""))
