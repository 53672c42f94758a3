"""Opening pictures: every kind of bad file gets a clear ImageError; files stay untouched."""

import hashlib
import struct
import zlib

import pytest
from PIL import Image

from engine.errors import ImageError
from engine.images import expand_inputs, load_image


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reads_common_formats_as_rgb(tmp_path):
    for name, mode in (("a.png", "RGBA"), ("b.jpg", "RGB"), ("c.gif", "P"), ("d.png", "L"),
                       ("e.png", "I;16")):
        path = tmp_path / name
        Image.new(mode, (20, 10)).save(path)
        image = load_image(path)
        assert image.mode == "RGB" and image.size == (20, 10)


def test_transparency_is_flattened_onto_white(tmp_path):
    path = tmp_path / "clear.png"
    Image.new("RGBA", (4, 4), (0, 0, 0, 0)).save(path)
    assert load_image(path).getpixel((0, 0)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"this is a text file, not a picture", "not a picture"),
    ],
)
def test_bad_contents(tmp_path, content, words):
    path = tmp_path / "bad.png"
    path.write_bytes(content)
    with pytest.raises(ImageError, match=words):
        load_image(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImageError, match="not found"):
        load_image(tmp_path / "nowhere.png")
    with pytest.raises(ImageError, match="folder"):
        load_image(tmp_path)


def test_truncated_picture(tmp_path):
    whole = tmp_path / "whole.jpg"
    Image.effect_noise((200, 200), 50).convert("RGB").save(whole)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(ImageError, match="damaged or incomplete"):
        load_image(cut)


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG signature and header claiming a huge size: a decompression bomb's shape."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def test_huge_picture_is_refused_before_decoding(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header_only(40_000, 40_000))
    with pytest.raises(ImageError, match="too large"):
        load_image(path)


def test_files_are_never_modified(tmp_path):
    path = tmp_path / "rotated.jpg"
    image = Image.new("RGB", (30, 10), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees
    image.save(path, exif=exif)
    before = (_digest(path), path.stat().st_mtime_ns)
    assert load_image(path).size == (10, 30)  # upright, as a viewer shows it
    assert (_digest(path), path.stat().st_mtime_ns) == before


def test_folders_expand_to_their_pictures_recursively_sorted(tmp_path):
    for name in ("b.png", "a.jpg", "sub/c.png", "notes.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])]
    assert found == ["a.jpg", "b.png", "sub/c.png"]
    assert list(expand_inputs([tmp_path / "notes.txt"])) == [tmp_path / "notes.txt"]
