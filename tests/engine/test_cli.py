"""`python -m engine describe`: the contract every evaluation uses."""

import csv
import json
import subprocess
import sys
from pathlib import Path

from PIL import Image


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "engine", "describe", *map(str, args)],
                          capture_output=True, text=True, timeout=120, env=env)


def test_broken_file_gives_a_json_error_and_no_traceback(tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture at all")
    result = run_cli("--json", broken)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    line = json.loads(result.stdout)
    assert line["path"] == str(broken) and "not a picture" in line["error"]


def test_without_a_model_each_picture_says_so(tmp_path):
    photo = tmp_path / "photo.png"
    Image.new("RGB", (16, 16)).save(photo)
    result = run_cli("--json", "--model", tmp_path / "no-model", photo, photo)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1 and len(lines) == 2
    assert all("No model was found" in line["error"] and "text" not in line for line in lines)


def test_describes_a_folder_into_json_and_csv(tmp_path, tiny_bundle):
    folder = tmp_path / "photos"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.png", "a.png", "sub/c.jpg"):
        Image.new("RGB", (16, 16)).save(folder / name)
    (folder / "sub" / "bad.png").write_bytes(b"junk")
    table = tmp_path / "alt.csv"
    result = run_cli("--json", "--model", tiny_bundle, "--style", "plain", "--csv", table,
                     folder)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["path"].split("photos/")[1] for line in lines] == [
        "a.png", "b.png", "sub/bad.png", "sub/c.jpg"]
    good = [line for line in lines if "error" not in line]
    assert len(good) == 3 and result.returncode == 1  # one failure -> non-zero exit
    for line in good:
        assert line["text"] == "A dog runs." and line["style"] == "plain"
        assert line["provider"] == "CPUExecutionProvider"
        assert {"encoder", "decode"} <= set(line["timings_ms"])
    rows = list(csv.reader(table.open()))
    assert rows[0] == ["path", "text"] and len(rows) == 4


def test_samples_and_plain_text_output(tmp_path, tiny_bundle):
    photo = tmp_path / "photo.png"
    Image.new("RGB", (16, 16)).save(photo)
    result = run_cli("--model", tiny_bundle, "--samples", "3", "--seed", "1", photo)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "A dog runs." and len(result.stdout.splitlines()) == 3
    again = run_cli("--model", tiny_bundle, "--samples", "3", "--seed", "1", photo)
    assert again.stdout == result.stdout


def test_the_installed_command_is_the_same_as_python_m_engine_describe(tmp_path):
    command = Path(sys.executable).parent / "lookaloud-describe"
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"junk")
    result = subprocess.run([str(command), "--json", str(broken)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1 and "not a picture" in json.loads(result.stdout)["error"]
