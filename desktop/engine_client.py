"""The window's side of the engine process: `python -m engine serve` run through QProcess.

Signals:
    state_changed: (str) "starting", "ready", "no_model" or "restarting", with a sentence.
    described: (int request id, dict reply) a reply to `describe`, ok or not.
    problem: (str) something the user should hear about the engine itself.
"""

from __future__ import annotations

import json
import logging
import sys

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

# A description takes well under a second; one still running after this is stuck.
REQUEST_TIMEOUT_MS = 30_000
MAX_QUICK_RESTARTS = 3


class EngineClient(QObject):
    state_changed = Signal(str, str)
    described = Signal(int, dict)
    problem = Signal(str)

    def __init__(self, model_dir: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._model_dir = model_dir
        self._process: QProcess | None = None
        self._buffer = b""
        self._next_id = 1
        self._pending: dict[int, dict] = {}
        self._restarts = 0
        self.timeout_ms = REQUEST_TIMEOUT_MS
        self._stopping = False
        self.state = "stopped"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    def start(self) -> None:
        self._stopping = False
        process = QProcess(self)
        process.setProgram(sys.executable)
        arguments = ["-m", "engine", "serve"]
        if self._model_dir:
            arguments += ["--model", str(self._model_dir)]
        process.setArguments(arguments)
        process.readyReadStandardOutput.connect(self._on_output)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        self._buffer = b""
        self._set_state("starting", "Loading the model…")
        process.start()

    def stop(self) -> None:
        self._stopping = True
        if self._process is not None and self._process.state() != QProcess.NotRunning:
            self._send({"id": 0, "op": "shutdown"})
            if not self._process.waitForFinished(2000):
                self._process.kill()
                self._process.waitForFinished(1000)

    @property
    def process_id(self) -> int:
        """The engine process's id; 0 when none runs."""
        return self._process.processId() if self._process is not None else 0

    def set_model_dir(self, model_dir: str | None) -> None:
        self._model_dir = model_dir
        self.stop()
        self.start()

    def describe(self, path: str, style: str = "casual", samples: int = 1,
                 seed: int | None = None, detail: str = "short") -> int:
        """Queue a description; any earlier one still running is cancelled (newest wins)."""
        for request_id in list(self._pending):
            self.cancel(request_id)
        request_id = self._next_id
        self._next_id += 1
        request = {"id": request_id, "op": "describe", "path": path, "style": style,
                   "samples": samples, "seed": seed, "detail": detail}
        self._pending[request_id] = request
        if self.state in ("ready", "no_model"):
            self._send(request)  # otherwise it goes out once the engine has started
        self._timer.start(self.timeout_ms)
        return request_id

    def cancel(self, request_id: int) -> None:
        if self._pending.pop(request_id, None) is not None:
            self._send({"id": 0, "op": "cancel", "target": request_id})

    def pid(self) -> int | None:
        return self._process.processId() if self._process else None

    def _send(self, message: dict) -> None:
        if self._process is not None and self._process.state() != QProcess.NotRunning:
            self._process.write((json.dumps(message) + "\n").encode())

    def _set_state(self, state: str, message: str) -> None:
        self.state = state
        self.state_changed.emit(state, message)

    def _on_output(self) -> None:
        self._buffer += bytes(self._process.readAllStandardOutput())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            if line.strip():
                try:
                    self._on_message(json.loads(line))
                except ValueError:
                    log.warning("engine wrote a line that is not JSON: %r", line[:200])

    def _on_message(self, message: dict) -> None:
        event = message.get("event")
        if event == "ready":
            self._restarts = 0
            self._set_state("ready", "Ready.")
            for request in self._pending.values():
                self._send(request)
        elif event == "model_error":
            self._set_state("no_model", message.get("error", "The model could not be loaded."))
            for request in self._pending.values():
                self._send(request)
        elif message.get("id") in self._pending and message.get("op") is None:
            if message.get("cancelled"):
                return
            self._pending.pop(message["id"])
            if not self._pending:
                self._timer.stop()
            self.described.emit(message["id"], message)

    def _on_finished(self, *_args) -> None:
        if self._stopping:
            self._set_state("stopped", "The engine stopped.")
            return
        # Not resent: the picture that was being described may be what stopped the engine.
        self._fail_pending("The describing engine stopped while describing. Please try again.")
        self._restart("The describing engine stopped unexpectedly; restarting it.")

    def _fail_pending(self, message: str) -> None:
        self._timer.stop()
        for request_id in list(self._pending):
            self._pending.pop(request_id)
            self.described.emit(request_id, {"id": request_id, "ok": False, "error": message})

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.FailedToStart:
            self._set_state("failed", "The describing engine could not be started.")
            self.problem.emit("The describing engine could not be started. "
                              "Reinstall Lookaloud with 'make run'.")

    def _on_timeout(self) -> None:
        if self._pending and self._process is not None:
            log.warning("engine did not answer in %d ms; restarting it", self.timeout_ms)
            self._fail_pending("Describing took too long, so it was stopped. Please try again.")
            self._process.finished.disconnect(self._on_finished)
            self._process.kill()
            self._process.waitForFinished(1000)
            self._restart("The describing engine stopped answering; it was restarted.")

    def _restart(self, message: str) -> None:
        self._restarts += 1
        if self._restarts > MAX_QUICK_RESTARTS:
            self._set_state("failed", "The describing engine keeps stopping; see the log file.")
            self.problem.emit("The describing engine keeps stopping, so describing is off. "
                              "The log file has the details.")
            return
        self.problem.emit(message)
        self._set_state("restarting", message)
        self.start()
