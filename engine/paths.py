"""Where Lookaloud keeps its files, per platform conventions (platformdirs).

- config: settings
- data: user-trained model bundles, history
- cache: anything that can be rebuilt
- log: a rotating log file

On Linux the XDG_* variables move them, which is how the tests keep to a temporary home.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

APP_NAME = "Lookaloud"

# The bundled default model sits beside the packages in a source checkout.
BUNDLED_MODEL_DIR = Path(__file__).resolve().parent.parent / "assets" / "model"


def _dirs() -> platformdirs.PlatformDirs:
    return platformdirs.PlatformDirs(APP_NAME, appauthor=False)


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _ensure(Path(_dirs().user_config_dir))


def data_dir() -> Path:
    return _ensure(Path(_dirs().user_data_dir))


def cache_dir() -> Path:
    return _ensure(Path(_dirs().user_cache_dir))


def log_dir() -> Path:
    return _ensure(Path(_dirs().user_log_dir))


def user_models_dir() -> Path:
    """User-trained model bundles, one folder each, chosen in the settings."""
    return _ensure(data_dir() / "models")


def history_dir() -> Path:
    return _ensure(data_dir() / "history")


def setup_logging(name: str, level: int = logging.INFO) -> Path:
    """Send the root logger to `<log dir>/<name>.log`, rotated at 1 MB with 3 old copies kept."""
    log_file = log_dir() / f"{name}.log"
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    return log_file
