"""The speech process: `python -m desktop.speaker`, driven by desktop/speech.py.

pyttsx3's `runAndWait` blocks and its `stop` is unreliable on some platforms, so speech runs
in a process of its own that the window simply kills to stop it. It reads JSON lines on stdin
(`{"say": text, "rate": words per minute, "volume": 0..1, "voice": id}`), speaks sentence by
sentence, and writes events on stdout: `ready` (with the voices), `unavailable` (with a
reason), `started`, `finished`.

With `LOOKALOUD_SPEECH_WAV_DIR` set (the tests), each utterance is written by espeak-ng to a
numbered WAV file in that folder and its text (and the time speaking it began) appended to
`spoken.jsonl` there, instead of being played on a sound card.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text.strip()) if part]


class WavBackend:
    """espeak-ng into WAV files: sound that tests can check, without a sound card."""

    def __init__(self, folder: Path):
        if shutil.which("espeak-ng") is None:
            raise RuntimeError("espeak-ng is not installed")
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.voices = [{"id": "en", "name": "English (espeak-ng)"}]

    def speak(self, text: str, rate: int, volume: float, voice: str | None) -> None:
        started_at = time.time()
        index = len(list(self.folder.glob("*.wav")))
        wav = self.folder / f"{index:04d}.wav"
        subprocess.run(["espeak-ng", "-v", voice or "en", "-s", str(rate),
                        "-a", str(int(volume * 200)), "-w", str(wav), text], check=True)
        with open(self.folder / "spoken.jsonl", "a", encoding="utf-8") as log:
            log.write(json.dumps({"text": text, "wav": wav.name, "started_at": started_at}) + "\n")


class Pyttsx3Backend:
    """The platform's own voices: SAPI5 on Windows, NSSpeechSynthesizer on macOS, eSpeak."""

    def __init__(self):
        import pyttsx3

        self.engine = pyttsx3.init()
        self.voices = [{"id": v.id, "name": v.name} for v in self.engine.getProperty("voices")]

    def speak(self, text: str, rate: int, volume: float, voice: str | None) -> None:
        self.engine.setProperty("rate", rate)
        self.engine.setProperty("volume", volume)
        if voice:
            self.engine.setProperty("voice", voice)
        self.engine.say(text)
        self.engine.runAndWait()


def _emit(event: str, **fields) -> None:
    sys.stdout.write(json.dumps({"event": event, **fields}) + "\n")
    sys.stdout.flush()


def main() -> int:
    wav_dir = os.environ.get("LOOKALOUD_SPEECH_WAV_DIR")
    try:
        backend = WavBackend(Path(wav_dir)) if wav_dir else Pyttsx3Backend()
    except Exception as error:  # any driver failure means the same to the user: no speech
        _emit("unavailable", reason=f"no speech engine could be started ({error})")
        return 0
    _emit("ready", voices=backend.voices)
    for line in sys.stdin:
        try:
            request = json.loads(line)
        except ValueError:
            continue
        text = request.get("say", "")
        _emit("started", text=text)
        for sentence in sentences(text):
            backend.speak(sentence, int(request.get("rate", 180)),
                          float(request.get("volume", 1.0)), request.get("voice"))
        _emit("finished", text=text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
