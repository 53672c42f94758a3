"""The parts stay apart: the engine imports neither Qt nor torch, and training needs Qt only
to render screens."""

import json
import subprocess
import sys


def _loaded(modules: str, packages: tuple[str, ...]) -> list[str]:
    """Which modules of `packages` a fresh interpreter has after importing `modules`."""
    code = (f"import json, sys, {modules}; "
            f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {packages!r})))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


def test_engine_imports_neither_qt_nor_torch():
    assert _loaded("engine, engine.cli, engine.serve",
                   ("torch", "PySide6", "shiboken6", "torchvision", "desktop", "train")) == []


def test_training_on_photos_alone_needs_no_qt():
    """A GPU server without Qt can still train: Qt is loaded only to render screens."""
    assert _loaded("train.__main__, train.loop, train.export",
                   ("PySide6", "shiboken6", "desktop")) == []
