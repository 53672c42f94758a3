"""Lookaloud's window (PySide6). It hands pictures to the engine process and never opens
model files itself."""
