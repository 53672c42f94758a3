"""`python -m engine serve`: the long-lived engine process the window talks to.

JSON lines on stdin and stdout, one object each. Requests carry an `id` and an `op`:
- describe: `path`, optional `style`, `samples`, `seed`, `detail` ("short" or "full") ->
  `text`, `samples`, `timings_ms`..., and with detail "full" `details` and `text_lines`.
- cancel: `target` (an id): a describe not yet finished is answered `cancelled` instead.
- status: whether the model is loaded, on which provider, or why not.
- shutdown: answers, then exits.
Replies echo the `id` with `ok` true or false (`error` then holds a sentence for the user).
On start it announces `{"event": "ready", ...}` or `{"event": "model_error", ...}`.
The model loads once; requests are served one at a time in order, so a reader thread
takes cancellations while a description runs.
"""

from __future__ import annotations

import json
import logging
import queue
import sys
import threading
from typing import TextIO

from engine.describe import Describer
from engine.errors import LookaloudError
from engine.images import load_image

log = logging.getLogger(__name__)


class Server:
    def __init__(self, model_dir=None, threads: int = 2, use_gpu: bool = True,
                 out: TextIO = sys.stdout):
        self._out = out
        self._write_lock = threading.Lock()
        self._cancelled: set = set()
        self._requests: queue.Queue = queue.Queue()
        self.describer: Describer | None = None
        self.model_problem: str | None = None
        try:
            self.describer = Describer(model_dir, threads=threads, use_gpu=use_gpu)
        except LookaloudError as error:
            self.model_problem = str(error)

    def send(self, message: dict) -> None:
        with self._write_lock:
            self._out.write(json.dumps(message, ensure_ascii=False) + "\n")
            self._out.flush()

    def announce(self) -> None:
        if self.describer is not None:
            self.send({"event": "ready", "provider": self.describer.provider,
                       "model": str(self.describer.bundle.path)})
        else:
            self.send({"event": "model_error", "error": self.model_problem})

    def read(self, stream: TextIO) -> None:
        """Reader thread: parse lines, take cancellations at once, queue the rest."""
        for line in stream:
            if not line.strip():
                continue
            try:
                request = json.loads(line)
                if not isinstance(request, dict):
                    raise ValueError("not an object")
            except ValueError:
                self.send({"ok": False, "error": "The engine received a request it cannot read."})
                continue
            if request.get("op") == "cancel":
                self._cancelled.add(request.get("target"))
                self.send({"id": request.get("id"), "ok": True})
            else:
                self._requests.put(request)
        self._requests.put({"op": "shutdown", "id": None, "quiet": True})

    def serve(self, stream: TextIO) -> None:
        self.announce()
        threading.Thread(target=self.read, args=(stream,), daemon=True).start()
        if self.describer is not None:
            self.describer.warm_up()  # requests queue meanwhile; the first needs it anyway
        while True:
            request = self._requests.get()
            if request.get("op") == "shutdown":
                if not request.get("quiet"):
                    self.send({"id": request.get("id"), "ok": True})
                return
            self.send(self.handle(request))

    def handle(self, request: dict) -> dict:
        request_id = request.get("id")
        op = request.get("op")
        if op == "status":
            return {"id": request_id, "ok": True, "ready": self.describer is not None,
                    "provider": self.describer.provider if self.describer else None,
                    "error": self.model_problem}
        if op != "describe":
            return {"id": request_id, "ok": False, "error": f"Unknown request '{op}'."}
        if request_id in self._cancelled:
            return {"id": request_id, "ok": False, "cancelled": True}
        try:
            if self.describer is None:
                load_image(request["path"])  # a broken picture is the first thing to report
                return {"id": request_id, "ok": False, "error": self.model_problem}
            description = self.describer.describe_file(
                request["path"], style=request.get("style", "casual"),
                samples=int(request.get("samples", 1)), seed=request.get("seed"),
                detail=request.get("detail", "short"),
            )
        except (LookaloudError, ValueError) as error:
            return {"id": request_id, "ok": False, "error": str(error)}
        except Exception:
            log.exception("describing %s failed", request.get("path"))
            return {"id": request_id, "ok": False,
                    "error": "Something went wrong while describing this picture."}
        if request_id in self._cancelled:
            return {"id": request_id, "ok": False, "cancelled": True}
        return {"id": request_id, "ok": True, "text": description.text,
                "samples": [description.text, *description.alternatives],
                "style": description.style, "provider": description.provider,
                "details": description.details, "text_lines": description.text_lines,
                "timings_ms": {k: round(v, 2) for k, v in description.timings_ms.items()}}
