"""Hostile input: files far beyond any protocol are refused quickly, with the limit stated,
before the slow work (and a .docx zip bomb before anything is unpacked)."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest

from mop_desktop.services.importer import ImportFailed, read_protocol


def _word_file(folder: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    document.add_paragraph("1.1 A clause.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_part(data: bytes, name: str, size: int) -> bytes:
    """The .docx with one more part of ``size`` zero bytes (it packs to almost nothing)."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(name, "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                part.write(chunk)
    return out.getvalue()


def _refused_quickly(path: Path, match: str) -> float:
    """Refused in well under a second (measured: about 0.02 s), using little memory."""
    import mop_desktop.services.importer.docx_reader  # noqa: F401  (imports are not the work)
    import mop_desktop.services.importer.text  # noqa: F401

    started = time.perf_counter()
    with pytest.raises(ImportFailed, match=match):
        read_protocol(path)
    seconds = time.perf_counter() - started
    assert seconds < 2.0, seconds  # generous: the test machine is shared
    tracemalloc.start()  # again, for the memory it takes (tracing slows it down)
    with pytest.raises(ImportFailed, match=match):
        read_protocol(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, peak
    return seconds


def test_zip_bomb_docx_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_with_part(_word_file(tmp_path), "word/media/image1.png", 160 << 20))
    assert path.stat().st_size < 1 << 20  # 160 MB packed into well under 1 MB
    _refused_quickly(path, r"would unpack to 160 MB, more than a Word document "
                           r"\(the limit is 100 MB\)")  # fmt: skip


def test_a_part_packed_far_too_tightly_is_refused(tmp_path):
    path = tmp_path / "tight.docx"
    path.write_bytes(_with_part(_word_file(tmp_path), "word/media/image1.emf", 8 << 20))
    _refused_quickly(path, r"packed more than 100 to 1 \(a zip bomb\?\)")


def test_a_docx_of_many_parts_is_refused(tmp_path):
    out = io.BytesIO(_word_file(tmp_path))
    with zipfile.ZipFile(out, "a") as archive:
        for n in range(2100):
            archive.writestr(f"customXml/extra{n}.xml", b"<a/>")
    path = tmp_path / "parts.docx"
    path.write_bytes(out.getvalue())
    _refused_quickly(path, r"holds 2,1\d\d parts, more than a Word document")


def test_half_a_million_clauses_are_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Protocol\n\n" + "".join(f"{n // 100}.{n % 100} x\n" for n in range(500_000)))
    _refused_quickly(path, r"MB of text is more than a protocol holds \(the limit is 2 MB\)")


def test_many_short_clauses_under_the_size_limit_are_refused_quickly(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text("Protocol\n\n" + "1.1 x\n" * 6000)
    assert path.stat().st_size < 2 * 1024 * 1024
    _refused_quickly(path, r"6,000 numbered clauses and list items are more than a protocol "
                           r"holds \(the limit is 5,000\)")  # fmt: skip


def test_the_two_samples_are_far_inside_the_limits(samples):
    from mop_desktop.services.importer.reader import MAX_CLAUSES, MAX_TEXT_BYTES

    for path in samples.glob("*.txt"):
        assert path.stat().st_size < MAX_TEXT_BYTES / 10
        result = read_protocol(path)
        assert sum(len(s.blocks) for s in result.text.sections) < MAX_CLAUSES / 10
