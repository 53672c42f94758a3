"""The parts stay apart: the engine imports neither Qt nor torch, and training needs Qt only
to render screens."""

import subprocess
import sys


def test_engine_imports_neither_qt_nor_torch():
    code = ("import sys, engine, engine.cli, engine.serve; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('torch', 'PySide6', 'shiboken6', 'torchvision', 'desktop', 'train')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_training_on_photos_alone_needs_no_qt():
    """A GPU server without Qt can still train: Qt is loaded only to render screens."""
    code = ("import sys, train.__main__, train.loop, train.export; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'desktop')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
