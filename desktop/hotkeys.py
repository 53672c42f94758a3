"""Global hotkeys through pynput, checked against the shortcuts of screen readers and desktops.

Signals (HotkeyListener):
    triggered: (str) the settings name of the hotkey pressed, e.g. "hotkey_screen".
    unavailable: (str) why global hotkeys cannot work here, and what to do instead.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

MODIFIERS = ("<ctrl>", "<alt>", "<shift>", "<cmd>")

# Shortcuts that belong to the common screen readers and desktops, in pynput's notation.
# Screen-reader modifiers (Insert, Caps Lock) are never offered to us as plain keys, so any
# combination containing them clashes.
KNOWN_SHORTCUTS: dict[str, str] = {
    "<ctrl>+<alt>+n": "NVDA: start NVDA",
    "<ctrl>+<alt>+<delete>": "the system: security screen",
    "<ctrl>+<alt>+t": "GNOME and Ubuntu: open a terminal",
    "<ctrl>+<alt>+l": "desktops: lock the screen",
    "<ctrl>+<alt>+d": "desktops: show the desktop",
    "<ctrl>+<alt>+<left>": "desktops: switch workspace",
    "<ctrl>+<alt>+<right>": "desktops: switch workspace",
    "<ctrl>+<alt>+<tab>": "desktops: switch system controls",
    "<alt>+<tab>": "desktops: switch windows",
    "<alt>+<f4>": "desktops: close window",
    "<alt>+<f2>": "desktops: run command",
    "<cmd>+<alt>+s": "Orca (GNOME): turn the screen reader on or off",
    "<cmd>+<ctrl>+<enter>": "Narrator: turn Narrator on or off",
    "<cmd>+<f5>": "VoiceOver: turn VoiceOver on or off",
    "<cmd>+l": "Windows: lock",
    "<cmd>+d": "Windows: show the desktop",
    "<cmd>+<shift>+s": "Windows: screenshot",
    "<ctrl>+<shift>+<esc>": "Windows: task manager",
    "<print_screen>": "desktops: screenshot",
    "<ctrl>+c": "applications: copy",
    "<ctrl>+v": "applications: paste",
    "<ctrl>+x": "applications: cut",
    "<ctrl>+z": "applications: undo",
    "<ctrl>+s": "applications: save",
}
SCREEN_READER_KEYS = {"<insert>": "NVDA and Orca", "<caps_lock>": "NVDA, Narrator and Orca"}


# The named keys of pynput's `Key` (importing pynput needs a display, so they are listed).
NAMED_KEYS = frozenset(
    {f"f{n}" for n in range(1, 25)}
    | {"space", "enter", "tab", "esc", "insert", "delete", "home", "end", "page_up",
       "page_down", "up", "down", "left", "right", "print_screen", "pause", "caps_lock",
       "backspace", "menu", "scroll_lock", "num_lock"}
)


def _valid_key(key: str) -> bool:
    if key.startswith("<") and key.endswith(">"):
        name = key[1:-1]
        return name in NAMED_KEYS or name.isdigit()  # <65> is a virtual key code
    return len(key) == 1


def normalise(combo: str) -> str:
    """Lower-case, modifiers first in a fixed order, in pynput's notation; raises ValueError
    for anything pynput's `HotKey.parse` would not take."""
    parts = [part.strip().lower() for part in combo.split("+") if part.strip()]
    if not parts:
        raise ValueError("empty hotkey")
    modifiers = [m for m in MODIFIERS if m in parts]
    keys = [p for p in parts if p not in MODIFIERS]
    if len(keys) != 1:
        raise ValueError(f"{combo!r} must have exactly one key besides the modifiers")
    if not _valid_key(keys[0]):
        raise ValueError(f"{keys[0]!r} is not a key name")
    return "+".join([*modifiers, *keys])


def conflicts(combo: str, others: dict[str, str]) -> list[str]:
    """Sentences naming what `combo` would clash with: known shortcuts and `others`."""
    parts = [part.strip().lower() for part in combo.split("+")]
    for key, owners in SCREEN_READER_KEYS.items():
        if key in parts:
            return [f"{key.strip('<>')} is the screen reader key of {owners}."]
    try:
        normal = normalise(combo)
    except ValueError as error:
        return [f"'{combo}' is not a valid hotkey ({error})."]
    found = []
    known = {normalise(shortcut): owner for shortcut, owner in KNOWN_SHORTCUTS.items()}
    if normal in known:
        found.append(f"{combo} is already used by {known[normal]}.")
    if not any(m in normal for m in MODIFIERS) and not normal.startswith("<f"):
        found.append(f"{combo} has no modifier key, so it would fire while typing.")
    for name, other in others.items():
        try:
            if other and normalise(other) == normal:
                found.append(f"{combo} is already the hotkey for {name}.")
        except ValueError:
            continue
    return found


def unavailable_reason() -> str | None:
    """Why global hotkeys cannot work in this session, or None if they can."""
    if sys.platform.startswith("linux"):
        if os.environ.get("XDG_SESSION_TYPE") == "wayland" or (
            os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY")
        ):
            return ("This desktop (Wayland) does not let programs listen for global hotkeys. "
                    "Use the Describe menu of the Lookaloud window and its keys instead.")
        if not os.environ.get("DISPLAY"):
            return "No X display was found, so global hotkeys are off."
    return None


class HotkeyListener(QObject):
    triggered = Signal(str)
    unavailable = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._listener = None

    def start(self, bindings: dict[str, str]) -> bool:
        """Listen for `bindings` (settings name -> combo); False (and `unavailable`) if not."""
        self.stop()
        reason = unavailable_reason()
        if reason is not None:
            self.unavailable.emit(reason)
            return False
        try:
            from pynput import keyboard

            handlers = {normalise(combo): self._handler(name)
                        for name, combo in bindings.items() if combo}
            self._listener = keyboard.GlobalHotKeys(handlers)
            self._listener.start()
            self._listener.wait()
        except Exception as error:  # pynput raises backend-specific errors
            log.warning("global hotkeys failed: %s", error)
            self._listener = None
            self.unavailable.emit(f"The desktop refused global hotkeys ({error}). "
                                  "Use the Lookaloud window's keys instead.")
            return False
        return True

    def _handler(self, name: str):
        # Runs on pynput's thread; a signal crosses to the Qt thread safely.
        return lambda: self.triggered.emit(name)

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
