"""The cache of rendered training screens."""

from train.screendata import render_folder, renderer_version


def test_screens_of_another_renderer_version_are_deleted_and_current_ones_kept(tmp_path):
    current = tmp_path / f"screens-7-2-{renderer_version()}"
    current.mkdir()
    (current / "screens.jsonl").write_text("{}\n{}\n", encoding="utf-8")
    stale = tmp_path / "screens-7-2-00000000"
    stale.mkdir()
    (stale / "a.png").write_bytes(b"png")
    other_count = tmp_path / f"screens-7-9-{renderer_version()}"
    other_count.mkdir()

    assert render_folder(tmp_path, 2, 7, frozenset(), workers=1) == current
    assert not stale.exists()
    assert (current / "screens.jsonl").is_file() and other_count.is_dir()
