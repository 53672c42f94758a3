"""Speech runs in its own process: sentences become WAV files, stop is immediate, and a
missing speech engine is reported rather than hanging."""

import wave

from desktop.speaker import sentences
from desktop.speech import Speech


def test_sentences():
    assert sentences("A dog. It runs! Fast?  Yes") == ["A dog.", "It runs!", "Fast?", "Yes"]


def test_speaks_each_sentence_into_a_wav_with_sound(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("LOOKALOUD_SPEECH_WAV_DIR", str(tmp_path))
    speech = Speech()
    try:
        with qtbot.waitSignal(speech.finished, timeout=30_000):
            speech.say("A dog runs on the grass. It looks happy.")
    finally:
        speech.shutdown()
    wavs = sorted(tmp_path.glob("*.wav"))
    assert len(wavs) == 2
    with wave.open(str(wavs[0])) as audio:
        frames = audio.readframes(audio.getnframes())
    assert audio.getnframes() > audio.getframerate() // 4  # a quarter second or more
    assert max(frames) > 0  # not silence


def test_stop_interrupts_and_the_next_words_still_come(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("LOOKALOUD_SPEECH_WAV_DIR", str(tmp_path))
    speech = Speech()
    try:
        speech.say(" ".join(["This is a long sentence that goes on."] * 30))
        speech.stop()
        assert not speech.speaking
        with qtbot.waitSignal(speech.finished, timeout=30_000) as blocker:
            speech.say("Short.")
        assert blocker.args == ["Short."]
    finally:
        speech.shutdown()


def test_no_speech_engine_is_reported(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("LOOKALOUD_SPEECH_WAV_DIR", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))  # espeak-ng cannot be found
    speech = Speech()
    try:
        qtbot.waitUntil(lambda: speech.available is False, timeout=30_000)
        assert "espeak-ng is not installed" in speech.reason
        speech.say("Nobody hears this.")  # must not raise or block
    finally:
        speech.shutdown()
