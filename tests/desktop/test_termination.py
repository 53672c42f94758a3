"""Ending the app with a signal, as logging out does: the private folder of captures goes too."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.termination import TERMINATION_SIGNALS

ROOT = Path(__file__).resolve().parents[2]


def _private_folders(tmp: Path) -> list[Path]:
    return sorted(tmp.glob("lookaloud-*"))


@pytest.mark.parametrize("number", TERMINATION_SIGNALS, ids=lambda n: signal.Signals(n).name)
def test_a_termination_signal_quits_and_deletes_the_captures(number, tiny_bundle, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp),
           "LOOKALOUD_SPEECH_WAV_DIR": str(tmp_path / "speech")}
    log = tmp_path / "stderr.txt"
    with log.open("wb") as stderr:  # a file, not a pipe that nobody reads and that could fill
        app = subprocess.Popen([sys.executable, "-m", "desktop", "--model", str(tiny_bundle)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 60
        while not _private_folders(tmp) and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        folders = _private_folders(tmp)
        assert len(folders) == 1, log.read_text(errors="replace")
        (folders[0] / "screen-1.png").write_bytes(b"a capture of the user's screen")
        time.sleep(1.0)  # into the event loop, where a user's session would be
        app.send_signal(number)
        assert app.wait(30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert _private_folders(tmp) == []
