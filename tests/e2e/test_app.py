"""The real application under a virtual desktop: what it says, how a screen reader reads it,
global hotkeys pressed in another program, and an engine that dies."""

import os
import signal
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from PIL import Image

from tests.e2e.session import (
    accessible_tree,
    engine_ready,
    spoken,
    start_app,
    stop_app,
    wait_for_window,
    wait_until,
    walk,
)

INTERACTIVE = {"push button", "check box", "radio button", "combo box", "list", "text",
               "spin button", "slider", "page tab", "entry", "table", "tree"}


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "holiday.png"
    Image.new("RGB", (64, 48), "orange").save(path)
    return path


def _description_text(env) -> str:
    tree = accessible_tree(env)
    if tree is None:
        return ""
    texts = [node.get("text", "") for node in walk(tree) if node["name"] == "Description"]
    return texts[0] if texts else ""


def test_a_picture_from_the_command_line_is_shown_and_spoken(display, tiny_bundle, photo):
    app = start_app(display, "--model", str(tiny_bundle), str(photo))
    try:
        wait_for_window(display, "Lookaloud")
        said = wait_until(lambda: spoken(display), what="speech")
        assert said[0]["text"] == "A dog runs."
        shown = wait_until(lambda: _description_text(display), what="the description")
        assert shown == said[0]["text"]
        wav = Path(display["LOOKALOUD_SPEECH_WAV_DIR"]) / said[0]["wav"]
        with wave.open(str(wav)) as audio:
            frames = audio.readframes(audio.getnframes())
        assert audio.getnframes() > audio.getframerate() // 4 and max(frames) > 0
        assert photo.exists()  # the user's file is untouched
    finally:
        stop_app(app)


def test_a_screen_reader_finds_a_name_for_every_control_and_tab_reaches_them(display,
                                                                            tiny_bundle):
    app = start_app(display, "--model", str(tiny_bundle))
    try:
        window = wait_for_window(display, "Lookaloud")
        tree = wait_until(lambda: accessible_tree(display), what="the accessible tree")
        controls = [node for node in walk(tree)
                    if node["role"] in INTERACTIVE and node["showing"] and node["focusable"]]
        assert len(controls) >= 6
        unnamed = [node["role"] for node in controls if not node["name"]]
        assert unnamed == []

        enabled = [node for node in controls if node["enabled"]]
        subprocess.run(["xdotool", "windowactivate", "--sync", window], env=display, check=True)
        reached = set()
        for _ in range(len(controls) + 2):
            focused = [node["name"] for node in walk(accessible_tree(display)) if node["focused"]
                       and node["role"] in INTERACTIVE]
            reached.update(focused)
            subprocess.run(["xdotool", "key", "Tab"], env=display, check=True)
        assert {node["name"] for node in enabled} <= reached
    finally:
        stop_app(app)


OTHER_PROGRAM = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv)
editor = QLineEdit("typing in another program")
editor.setWindowTitle("Other program")
editor.resize(600, 300)
editor.show()
app.exec()
"""


@pytest.fixture
def other_program(display):
    """Another program's window, so that the screen has something on it besides ours."""
    other = subprocess.Popen([sys.executable, "-c", OTHER_PROGRAM], env=display)
    yield wait_for_window(display, "Other program")
    other.kill()
    other.wait()


def test_the_global_hotkey_describes_the_screen_while_another_program_has_focus(
        display, tiny_bundle, other_program):
    app = start_app(display, "--model", str(tiny_bundle))
    try:
        wait_for_window(display, "Lookaloud")
        other_window = other_program
        subprocess.run(["xdotool", "windowactivate", "--sync", other_window], env=display,
                       check=True)
        wait_until(lambda: engine_ready(display), what="the engine to start")
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+alt+shift+d"], env=display,
                       check=True)
        said = wait_until(lambda: spoken(display), what="the screen to be described")
        assert said[0]["text"] == "A dog runs."
    finally:
        stop_app(app)


def _engine_pid(app_pid: int) -> int | None:
    found = subprocess.run(["pgrep", "-f", "-s", str(app_pid), "engine serve"],
                           capture_output=True, text=True)
    return int(found.stdout.split()[0]) if found.stdout.strip() else None


def test_the_next_request_succeeds_after_the_engine_is_killed(display, tiny_bundle, photo,
                                                              other_program):
    app = start_app(display, "--model", str(tiny_bundle), str(photo))
    try:
        wait_until(lambda: spoken(display), what="the first description")
        engine = wait_until(lambda: _engine_pid(app.pid), what="the engine process")
        os.kill(engine, signal.SIGKILL)
        wait_until(lambda: (_engine_pid(app.pid) or engine) != engine, what="a new engine")
        wait_until(lambda: engine_ready(display), what="the new engine to be ready")
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+alt+shift+d"], env=display,
                       check=True)
        said = wait_until(lambda: [u for u in spoken(display) if u["text"] == "A dog runs."][1:],
                          what="a description after the restart")
        assert said
    finally:
        stop_app(app)
