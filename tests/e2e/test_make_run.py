"""`make run` on a virtual screen: the window opens, can be seen, and quits with Ctrl+Q."""

import subprocess

from PIL import Image

from tests.e2e.session import screenshot, start_app, stop_app, wait_for_window, wait_until


def test_make_run_opens_the_window(display, tmp_path):
    app = start_app(display, make=True)
    try:
        window = wait_for_window(display, "Lookaloud", timeout=300)  # a first run installs
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window],
                                  env=display, capture_output=True, text=True, check=True)
        values = dict(line.split("=") for line in geometry.stdout.split())
        x, y, width, height = (int(values[key]) for key in ("X", "Y", "WIDTH", "HEIGHT"))
        assert width >= 300 and height >= 200

        shot = tmp_path / "screen.png"

        def window_drawn():
            screenshot(display, str(shot))
            region = Image.open(shot).convert("L").crop((x, y, x + width, y + height))
            low, high = region.getextrema()
            # Text and controls, not a blank or flat fill.
            return high - low > 100 and len(region.getcolors(width * height)) > 20

        wait_until(window_drawn, 30, "the window to be drawn")

        subprocess.run(["xdotool", "windowactivate", "--sync", window, "key", "ctrl+q"],
                       env=display, check=True)
        assert app.wait(30) == 0
    finally:
        stop_app(app)
