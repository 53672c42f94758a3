"""History of recent descriptions: text, time and a thumbnail, kept in the data folder.

Entries are JSON lines in `history.jsonl` with PNG thumbnails beside it; nothing leaves the
machine, it can be turned off in the settings and cleared with one button.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from engine.paths import history_dir

log = logging.getLogger(__name__)

MAX_ENTRIES = 200
THUMBNAIL_SIZE = 128


@dataclass(frozen=True)
class Entry:
    text: str
    source: str  # what was described: a file name, "screen", "clipboard"...
    time: float
    thumbnail: str  # file name in the history folder, or ""


class History:
    def __init__(self, folder: Path | None = None):
        self.folder = folder or history_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.index = self.folder / "history.jsonl"

    def add(self, text: str, source: str, image: QImage | None = None) -> Entry:
        thumbnail = ""
        if image is not None and not image.isNull():
            thumbnail = f"{uuid.uuid4().hex}.png"
            image.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.KeepAspectRatio,
                         Qt.SmoothTransformation).save(str(self.folder / thumbnail), "PNG")
        entry = Entry(text, source, time.time(), thumbnail)
        entries = [*self.entries(), entry][-MAX_ENTRIES:]
        self._write(entries)
        return entry

    def entries(self) -> list[Entry]:
        if not self.index.exists():
            return []
        entries = []
        for line in self.index.read_text(encoding="utf-8").splitlines():
            try:
                entries.append(Entry(**json.loads(line)))
            except (ValueError, TypeError):
                log.warning("skipping an unreadable history line")
        return entries

    def thumbnail_path(self, entry: Entry) -> Path | None:
        return self.folder / entry.thumbnail if entry.thumbnail else None

    def clear(self) -> None:
        for path in self.folder.glob("*.png"):
            path.unlink(missing_ok=True)
        self.index.unlink(missing_ok=True)

    def _write(self, entries: list[Entry]) -> None:
        kept = {entry.thumbnail for entry in entries}
        for path in self.folder.glob("*.png"):
            if path.name not in kept:
                path.unlink(missing_ok=True)
        temporary = self.index.with_suffix(".tmp")
        temporary.write_text("".join(json.dumps(asdict(e)) + "\n" for e in entries),
                             encoding="utf-8")
        temporary.replace(self.index)
