"""A virtual X display per test, started by the test itself, with a window manager."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def display():
    """Start Xvfb (1280x800) and openbox; yield an environment that points at them."""
    missing = [tool for tool in ("Xvfb", "xdotool", "openbox") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: run 'make test', which installs them")
    number = next(n for n in range(90, 200) if not os.path.exists(f"/tmp/.X{n}-lock"))
    xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not os.path.exists(f"/tmp/.X11-unix/X{number}"):
        if xvfb.poll() is not None or time.monotonic() > deadline:
            pytest.fail("the virtual X server (Xvfb) did not start")
        time.sleep(0.1)
    env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    manager = subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    yield env
    for process in (manager, xvfb):
        process.terminate()
        process.wait(10)


def wait_for_window(env: dict, name: str, timeout: float = 60.0) -> str:
    """The X window id of the first visible window called `name`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{name}$"],
                               env=env, capture_output=True, text=True)
        if found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.3)
    raise AssertionError(f"no window called {name!r} appeared within {timeout} s")


def screenshot(env: dict, path: str) -> None:
    """Grab the whole virtual screen through Qt, in a process of its own."""
    code = ("import sys; from PySide6.QtGui import QGuiApplication; "
            "app = QGuiApplication([]); "
            "app.primaryScreen().grabWindow(0).save(sys.argv[1])")
    subprocess.run([os.path.join(ROOT, ".venv", "bin", "python"), "-c", code, path], env=env,
                   check=True, timeout=60)
