"""onnxruntime sessions: the GPU where it works, else the CPU, with a one-line notice."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import onnxruntime as ort

from engine.errors import ModelError

log = logging.getLogger(__name__)

CUDA = "CUDAExecutionProvider"
CPU = "CPUExecutionProvider"

# onnxruntime prints its own errors to stderr when CUDA libraries are missing; we report the
# fallback ourselves, once, in words.
ort.set_default_logger_severity(4)

_cuda_works: bool | None = None  # learnt from the first session, so the notice comes once


@dataclass
class Session:
    """One ONNX graph ready to run, and the execution provider it actually got."""

    inner: ort.InferenceSession
    provider: str

    @property
    def input_names(self) -> list[str]:
        return [node.name for node in self.inner.get_inputs()]

    @property
    def output_names(self) -> list[str]:
        return [node.name for node in self.inner.get_outputs()]

    def run(self, feeds: dict) -> dict:
        outputs = self.inner.run(None, feeds)
        return dict(zip(self.output_names, outputs, strict=True))


def _providers(use_gpu: bool) -> list[str]:
    global _cuda_works
    if not use_gpu or _cuda_works is False or CUDA not in ort.get_available_providers():
        return [CPU]
    if _cuda_works is None and hasattr(ort, "preload_dlls"):
        # CUDA and cuDNN may come as pip packages (nvidia-*) rather than system libraries.
        try:
            ort.preload_dlls()
        except Exception:  # a missing library shows up as the fallback below
            log.debug("preloading CUDA libraries failed", exc_info=True)
    return [CUDA, CPU]


def open_session(path: Path, threads: int = 2, use_gpu: bool = True) -> Session:
    global _cuda_works
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    providers = _providers(use_gpu)
    try:
        inner = ort.InferenceSession(str(path), sess_options=options, providers=providers)
    except Exception as error:  # onnxruntime raises its own untyped errors for bad graphs
        raise ModelError(
            f"The model file {path.name} could not be loaded; it may be damaged. "
            "Rebuild it with 'make train' or reinstall Lookaloud."
        ) from error
    provider = inner.get_providers()[0]
    if CUDA in providers and _cuda_works is None:
        _cuda_works = provider == CUDA
        if not _cuda_works:
            log.warning("The GPU could not be used (CUDA did not start); describing on the CPU.")
    return Session(inner, provider)
