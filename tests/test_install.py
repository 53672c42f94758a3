"""The environment the set-up builds: exactly one onnxruntime, and no second Qt from OpenCV."""

from importlib import metadata


def _installed() -> set[str]:
    return {dist.metadata["Name"].lower().replace("_", "-") for dist in metadata.distributions()}


def test_exactly_one_onnxruntime_build():
    builds = {name for name in _installed() if name.startswith("onnxruntime")}
    assert len(builds) == 1, builds


def test_only_headless_opencv():
    opencv = {name for name in _installed() if name.startswith("opencv")}
    assert opencv == {"opencv-python-headless"}, opencv


def test_ocr_package_and_its_models_are_present():
    from pathlib import Path

    import rapidocr_onnxruntime

    models = list((Path(rapidocr_onnxruntime.__file__).parent / "models").glob("*.onnx"))
    assert len(models) >= 3  # detection, direction classifier, recognition
