"""`make run` on a virtual screen: the window opens, can be seen, and closes cleanly."""

import subprocess

from PIL import Image

from tests.e2e.conftest import ROOT, screenshot, wait_for_window


def test_make_run_opens_the_window(display, tmp_path):
    app = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=ROOT, env=display,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        window = wait_for_window(display, "Lookaloud")
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window],
                                  env=display, capture_output=True, text=True, check=True)
        values = dict(line.split("=") for line in geometry.stdout.split())
        x, y, width, height = (int(values[key]) for key in ("X", "Y", "WIDTH", "HEIGHT"))
        assert width >= 300 and height >= 200

        shot = tmp_path / "screen.png"
        screenshot(display, str(shot))
        region = Image.open(shot).convert("L").crop((x, y, x + width, y + height))
        low, high = region.getextrema()
        assert high - low > 100, "the window area is blank: nothing was drawn"
        assert len(region.getcolors(width * height)) > 20  # text and controls, not a flat fill

        subprocess.run(["xdotool", "windowactivate", "--sync", window, "key", "ctrl+q"],
                       env=display, check=True)
        assert app.wait(30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
