"""Lookaloud's settings: a declarative schema, stored as JSON in the config folder.

Signals:
    changed: (str) the name of an option whose value changed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from engine.paths import config_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    description: str
    choices: tuple | None = None


# Hotkeys use Ctrl+Alt+Shift, a chord that NVDA, Orca, Narrator, VoiceOver, GNOME, KDE and
# Windows leave free (see desktop/hotkeys.py for the shortcuts checked against).
SCHEMA: tuple[Option, ...] = (
    Option("hotkey_screen", "<ctrl>+<alt>+<shift>+d", "Describe the whole screen"),
    Option("hotkey_window", "<ctrl>+<alt>+<shift>+w", "Describe the active window"),
    Option("hotkey_pointer", "<ctrl>+<alt>+<shift>+m", "Describe the area around the pointer"),
    Option("hotkey_clipboard", "<ctrl>+<alt>+<shift>+v", "Describe the picture on the clipboard"),
    Option("capture_monitors", "all", "Which monitors a screen capture takes",
           ("all", "pointer")),
    Option("speech", True, "Speak descriptions aloud"),
    Option("voice", "", "Voice (empty: the system default)"),
    Option("rate", 180, "Speaking rate, in words per minute"),
    Option("volume", 1.0, "Speech volume, from 0 to 1"),
    Option("style", "casual", "How descriptions sound", ("casual", "plain")),
    Option("detail", "short", "How much to say about a screen", ("short", "full")),
    Option("model", "", "Model folder (empty: the bundled model)"),
    Option("history", True, "Keep a history of recent descriptions"),
    Option("start_minimised", False, "Start minimised to the tray"),
    Option("close_to_tray", True, "Closing the window keeps Lookaloud running in the tray"),
)
OPTIONS = {option.name: option for option in SCHEMA}
HOTKEY_OPTIONS = tuple(name for name in OPTIONS if name.startswith("hotkey_"))


class Settings(QObject):
    changed = Signal(str)

    def __init__(self, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path or config_dir() / "settings.json"
        self._values = {option.name: option.default for option in SCHEMA}
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(stored, dict):
                raise ValueError("not an object")
        except (OSError, ValueError) as error:
            log.warning("settings file %s unreadable (%s); using defaults", self.path, error)
            return
        for name, value in stored.items():
            if name in OPTIONS and self._valid(name, value):
                self._values[name] = value

    @staticmethod
    def _valid(name: str, value: Any) -> bool:
        option = OPTIONS[name]
        if option.choices is not None:
            return value in option.choices
        if isinstance(option.default, bool):
            return isinstance(value, bool)
        if isinstance(option.default, (int, float)):
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        return isinstance(value, type(option.default))

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def set(self, name: str, value: Any) -> None:
        if name not in OPTIONS:
            raise KeyError(name)
        if not self._valid(name, value):
            raise ValueError(f"{value!r} is not a valid value for {name}")
        if self._values[name] == value:
            return
        self._values[name] = value
        self.save()
        self.changed.emit(name)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self._values, indent=2), encoding="utf-8")
        temporary.replace(self.path)  # never leaves a half-written settings file
