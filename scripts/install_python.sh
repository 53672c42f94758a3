#!/usr/bin/env bash
# Creates the virtual environment if missing and installs Lookaloud into it:
# `scripts/install_python.sh VENV [EXTRAS]`, EXTRAS such as "dev,train".
#
# rapidocr_onnxruntime asks for the CPU `onnxruntime` and for `opencv-python`. Two onnxruntime
# builds overwrite each other's files, and opencv-python brings a second Qt that breaks
# PySide6; so after installing, the extra builds are removed and ours put back intact.
set -euo pipefail
venv=$1
extras=${2:-}
python=${PYTHON:-python3}

if [[ ! -x "$venv/bin/python" ]]; then
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
pip=("$venv/bin/python" -m pip)
target="."
[[ -n "$extras" ]] && target=".[$extras]"
"${pip[@]}" install --quiet --editable "$target"

installed() { "${pip[@]}" show "$1" 2>/dev/null | sed -n 's/^Version: //p'; }

gpu=$(installed onnxruntime-gpu)
if [[ -n "$gpu" && -n "$(installed onnxruntime)" ]]; then
    "${pip[@]}" uninstall --quiet --yes onnxruntime onnxruntime-gpu
    "${pip[@]}" install --quiet --no-deps "onnxruntime-gpu==$gpu"
fi
headless=$(installed opencv-python-headless)
if [[ -n "$(installed opencv-python)" ]]; then
    "${pip[@]}" uninstall --quiet --yes opencv-python opencv-python-headless
    "${pip[@]}" install --quiet --no-deps "opencv-python-headless==$headless"
fi
