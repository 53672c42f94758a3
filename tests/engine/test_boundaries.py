"""The engine stays small: importing it must not pull in Qt or torch."""

import subprocess
import sys


def test_engine_imports_neither_qt_nor_torch():
    code = ("import sys, engine, engine.cli, engine.serve; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('torch', 'PySide6', 'shiboken6', 'torchvision', 'desktop', 'train')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
