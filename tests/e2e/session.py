"""A virtual desktop session for driving the real application: Xvfb (1280x800), a D-Bus
session with the AT-SPI accessibility bus, and the openbox window manager; plus helpers to
start the app, find windows, read what it said, and read it as a screen reader does.

Used by the end-to-end tests and by `make bench` (bench/hotkey.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, which has pyatspi (python3-pyatspi)


class SessionError(Exception):
    """The virtual desktop could not be started; the message says what is missing."""


def wait_until(condition, timeout: float = 60.0, what: str = "the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"{what} did not happen within {timeout} s")


def _free_display() -> int:
    return next(n for n in range(90, 300) if not os.path.exists(f"/tmp/.X{n}-lock"))


def _window_manager_running(name: str) -> bool:
    """An EWMH window manager announces itself on the root window."""
    from Xlib import display as xdisplay

    connection = xdisplay.Display(name)
    try:
        root = connection.screen().root
        return root.get_full_property(connection.intern_atom("_NET_SUPPORTING_WM_CHECK"),
                                      0) is not None
    finally:
        connection.close()


@contextlib.contextmanager
def desktop_session(speech_dir: Path) -> Iterator[dict]:
    """Yield an environment pointing at a fresh virtual desktop; speech goes to WAV files in
    `speech_dir`."""
    missing = [tool for tool in ("Xvfb", "xdotool", "openbox", "dbus-launch")
               if shutil.which(tool) is None]
    if missing:
        raise SessionError(f"missing {', '.join(missing)}: 'make test' installs them")
    number = _free_display()
    # -noreset: without it the server resets whenever its last client leaves, which drops
    # clients that are connecting at that moment.
    processes = [subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24",
                                   "-nolisten", "tcp", "-noreset"], stderr=subprocess.DEVNULL)]
    bus_pid = None
    try:
        deadline = time.monotonic() + 20
        while not os.path.exists(f"/tmp/.X11-unix/X{number}"):
            if processes[0].poll() is not None or time.monotonic() > deadline:
                raise SessionError("the virtual X server (Xvfb) did not start")
            time.sleep(0.1)
        env = {key: value for key, value in os.environ.items()
               if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
        env.update(DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb",
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", LOOKALOUD_SPEECH_WAV_DIR=str(speech_dir))
        bus = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True,
                             text=True, check=True).stdout
        for line in bus.splitlines():
            if "=" in line and line.startswith("DBUS_SESSION_BUS_"):
                key, value = line.rstrip(";").split("=", 1)
                env[key] = value.strip("'")
        bus_pid = int(env["DBUS_SESSION_BUS_PID"])
        launcher = "/usr/libexec/at-spi-bus-launcher"
        if os.path.exists(launcher):
            processes.append(subprocess.Popen([launcher, "--launch-immediately"], env=env,
                                              stderr=subprocess.DEVNULL))
        processes.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
        wait_until(lambda: _window_manager_running(env["DISPLAY"]), 20, "openbox to start")
        yield env
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        if bus_pid is not None:
            os.kill(bus_pid, signal.SIGTERM)


def start_app(env: dict, *args: str, make: bool = False) -> subprocess.Popen:
    command = (["make", "--no-print-directory", "run", f"ARGS={' '.join(args)}"] if make
               else [str(ROOT / ".venv" / "bin" / "python"), "-m", "desktop", *args])
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def stop_app(app: subprocess.Popen) -> None:
    if app.poll() is None:
        os.killpg(app.pid, signal.SIGTERM)
        try:
            app.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()


def wait_for_window(env: dict, name: str, timeout: float = 60.0) -> str:
    """The X window id of the first visible window called `name`."""
    def find():
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{name}$"],
                               env=env, capture_output=True, text=True)
        return found.stdout.split()[0] if found.stdout.strip() else None

    return wait_until(find, timeout, f"a window called {name!r}")


def spoken(env: dict) -> list[dict]:
    """What the app said so far: the speech back end's log of utterances."""
    log = Path(env["LOOKALOUD_SPEECH_WAV_DIR"]) / "spoken.jsonl"
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines()]


def accessible_tree(env: dict, app_name: str = "Lookaloud") -> dict | None:
    result = subprocess.run([SYSTEM_PYTHON, str(ROOT / "tests" / "e2e" / "atspi_tree.py"),
                             app_name], env=env, capture_output=True, text=True, timeout=60)
    return json.loads(result.stdout) if result.stdout.strip() else None


def walk(node: dict):
    yield node
    for child in node["children"]:
        yield from walk(child)


def engine_ready(env: dict) -> bool:
    """The status line, read as a screen reader reads it, says the engine is ready."""
    tree = accessible_tree(env)
    return tree is not None and any(node["role"] == "label" and node["name"] == "Ready."
                                    for node in walk(tree))


def screenshot(env: dict, path: str) -> None:
    """Grab the whole virtual screen through Qt, in a process of its own."""
    code = ("import sys; from PySide6.QtGui import QGuiApplication; "
            "app = QGuiApplication([]); "
            "app.primaryScreen().grabWindow(0).save(sys.argv[1])")
    subprocess.run([sys.executable, "-c", code, path], env=env, check=True, timeout=60)
