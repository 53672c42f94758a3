"""`python -m engine serve`: JSON lines in, JSON lines out, the model loaded once."""

import io
import json
import subprocess
import sys

from PIL import Image

from engine import describe
from engine.serve import Server


def converse(requests, *args):
    text = "".join(json.dumps(r) + "\n" for r in requests)
    result = subprocess.run([sys.executable, "-m", "engine", "serve", "--cpu", *map(str, args)],
                            input=text, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_serves_descriptions_and_errors(tmp_path, tiny_bundle):
    photo = tmp_path / "photo.png"
    Image.new("RGB", (16, 16)).save(photo)
    replies = converse([
        {"id": 1, "op": "status"},
        {"id": 2, "op": "describe", "path": str(photo), "samples": 2, "seed": 0},
        {"id": 3, "op": "describe", "path": str(tmp_path / "missing.png")},
        {"id": 4, "op": "fly"},
        {"id": 5, "op": "shutdown"},
    ], "--model", tiny_bundle)
    assert replies[0] == {"event": "ready", "provider": "CPUExecutionProvider",
                          "model": str(tiny_bundle)}
    by_id = {reply["id"]: reply for reply in replies[1:]}
    assert by_id[1]["ready"] is True
    assert by_id[2]["ok"] and by_id[2]["text"] == "A dog runs." and len(by_id[2]["samples"]) == 2
    assert not by_id[3]["ok"] and "was not found" in by_id[3]["error"]
    assert not by_id[4]["ok"] and "Unknown request" in by_id[4]["error"]
    assert by_id[5]["ok"]


def test_without_a_model_it_still_answers(tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"junk")
    replies = converse([{"id": 1, "op": "describe", "path": str(broken)}, "not an object"],
                       "--model", tmp_path / "none")
    assert replies[0]["event"] == "model_error" and "No model" in replies[0]["error"]
    # Unreadable lines are answered at once by the reader, so the order may vary.
    assert {"ok": False, "error": "The engine received a request it cannot read."} in replies
    (answer,) = [reply for reply in replies if reply.get("id") == 1]
    assert "not a picture" in answer["error"]


def test_the_text_reader_is_loaded_before_the_first_request(tiny_bundle, monkeypatch):
    loaded = []

    class Reader:
        def __init__(self, threads):
            loaded.append(threads)

    monkeypatch.setattr(describe, "TextReader", Reader)
    server = Server(tiny_bundle, use_gpu=False, out=io.StringIO())
    assert loaded == []
    server.serve(io.StringIO(json.dumps({"id": 1, "op": "shutdown"}) + "\n"))
    assert loaded == [2]
