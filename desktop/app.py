"""Starts Lookaloud's window: `lookaloud [IMAGE...]` or `python -m desktop [IMAGE...]`."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication

from desktop.engine_client import EngineClient
from desktop.window import MainWindow
from engine.paths import setup_logging

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lookaloud", description=__doc__)
    parser.add_argument("images", nargs="*", help="pictures to describe at once")
    parser.add_argument("--model", default=None, help="a model bundle folder")
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    setup_logging("lookaloud")
    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Lookaloud")
    app.setDesktopFileName("lookaloud")
    engine = EngineClient(args.model)
    window = MainWindow(engine)
    window.show()
    engine.start()
    if args.images:
        window.describe_paths(args.images)
    code = app.exec()
    engine.stop()
    return code
