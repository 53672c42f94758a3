"""Starts Lookaloud's window: `lookaloud [IMAGE...]` or `python -m desktop [IMAGE...]`."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon

from desktop.engine_client import EngineClient
from desktop.history import History
from desktop.hotkeys import HotkeyListener
from desktop.settings import HOTKEY_OPTIONS, Settings
from desktop.speech import Speech
from desktop.termination import quit_on_termination
from desktop.window import MainWindow
from engine.paths import setup_logging

log = logging.getLogger(__name__)

HOTKEY_TARGETS = {"hotkey_screen": "screen", "hotkey_window": "window",
                  "hotkey_pointer": "pointer", "hotkey_clipboard": "clipboard"}


class Application:
    """Owns the parts and keeps them in step with the settings."""

    def __init__(self, model: str | None = None):
        self.settings = Settings()
        self.engine = EngineClient(model or self.settings["model"] or None)
        self.speech = Speech()
        self.history = History()
        self.window = MainWindow(self.engine, self.settings, self.speech, self.history)
        self.hotkeys = HotkeyListener()
        self.hotkeys.triggered.connect(
            lambda name: self.window.capture_and_describe(HOTKEY_TARGETS[name]))
        self.hotkeys.unavailable.connect(self._hotkeys_unavailable)
        self.settings.changed.connect(self._on_setting_changed)
        self._apply_speech_settings()
        self.window.tray = self._make_tray()

    def start(self, images: list[str]) -> None:
        if self.settings["start_minimised"] and self.window.tray is not None:
            self.window.hide()
        else:
            self.window.show()
        self.engine.start()
        self.hotkeys.start({name: self.settings[name] for name in HOTKEY_OPTIONS})
        if images:
            self.window.describe_paths(images)

    def _hotkeys_unavailable(self, reason: str) -> None:
        self.window.drop_hint.setText(reason)

    def _apply_speech_settings(self) -> None:
        self.speech.rate = self.settings["rate"]
        self.speech.volume = self.settings["volume"]
        self.speech.voice = self.settings["voice"]

    def _on_setting_changed(self, name: str) -> None:
        if name in HOTKEY_OPTIONS:
            self.hotkeys.start({option: self.settings[option] for option in HOTKEY_OPTIONS})
            self.window.update_hotkey_labels()
        elif name in ("rate", "volume", "voice"):
            self._apply_speech_settings()
        elif name == "speech" and not self.settings["speech"]:
            self.speech.stop()
        elif name == "model":
            self.engine.set_model_dir(self.settings["model"] or None)

    def _make_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        icon = QIcon.fromTheme("audio-speakers",
                               self.window.style().standardIcon(QStyle.SP_MediaVolume))
        tray = QSystemTrayIcon(icon, self.window)
        tray.setToolTip("Lookaloud")
        menu = QMenu(self.window)
        for text, slot in (
            ("Describe the screen", lambda: self.window.capture_and_describe("screen")),
            ("Describe the clipboard picture",
             lambda: self.window.capture_and_describe("clipboard")),
            ("Stop speaking", self.speech.stop),
            ("Show Lookaloud", self._show_window),
            ("Quit", self.window.quit),
        ):
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        tray.setContextMenu(menu)
        tray.activated.connect(lambda reason: reason == QSystemTrayIcon.Trigger
                               and self._show_window())
        tray.show()
        return tray

    def _show_window(self) -> None:
        self.window.showNormal()
        self.window.activateWindow()

    def shutdown(self) -> None:
        self.hotkeys.stop()
        self.engine.stop()
        self.speech.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lookaloud", description=__doc__)
    parser.add_argument("images", nargs="*", help="pictures to describe at once")
    parser.add_argument("--model", default=None, help="a model bundle folder")
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    setup_logging("lookaloud")
    qt_app = QApplication([sys.argv[0], *qt_args])
    qt_app.setApplicationName("Lookaloud")
    qt_app.setDesktopFileName("lookaloud")
    qt_app.setQuitOnLastWindowClosed(False)  # the tray keeps it alive; quitting is explicit
    # Before the window is built: a signal that comes meanwhile is handled once the event
    # loop runs, and `app` exists by then.
    termination = quit_on_termination(qt_app, lambda: app.window.quit())
    app = Application(args.model)
    app.start(args.images)
    code = qt_app.exec()
    termination.setEnabled(False)
    app.shutdown()
    return code
