"""``read_file(path)``: check the file, read it by its suffix, refuse what cannot be read.

Every refusal is an ``ImportFailed`` with one line naming the file: unknown suffix, missing
or unreadable, empty, binary (also binary content renamed .txt), a damaged .docx or PDF, a
scanned PDF with no text, a text with no words. Text encodings: UTF-8 (with or without BOM),
UTF-16 (with BOM, or without one when its zero bytes show it), else Windows-1252.

Limits a real protocol never reaches (the longest seen runs to about 150 KB of text and 400
clauses), checked before the slow work so a hostile file is refused in well under a second:
a file of at most 20 MB; at most 2 MB of text; at most 5,000 numbered clauses and list
items; a .docx whose zip holds at most 2,000 parts, 100 MB unpacked in all, 20 MB of
document text, none packed more than 100 to 1 (a zip bomb).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from mop_desktop.services.importer import SUPPORTED_SUFFIXES, ImportFailed, ImportResult

MAX_BYTES = 20 * 1024 * 1024
MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_CLAUSES = 5000
MAX_ZIP_MEMBERS = 2000
MAX_ZIP_UNPACKED = 100 * 1024 * 1024
MAX_DOCX_XML = 20 * 1024 * 1024
MAX_ZIP_RATIO = 100
_NUMBERED_LINE = re.compile(
    r"^[ \t>*\-\u2022]*(?:\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]{1,4}\)|[a-z]\.)[ \t]", re.M
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # tab, newlines and form feed are text


def read_file(path: Path) -> ImportResult:
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFailed(
            f"{name}: cannot import a {suffix or 'file without a suffix'} file: "
            "use a .txt, .md, .docx or .pdf file"
        )
    if not path.exists():
        raise ImportFailed(f"{name}: no such file")
    if not path.is_file():
        raise ImportFailed(f"{name}: is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ImportFailed(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise ImportFailed(f"{name}: too large for a protocol ({len(data) // 1048576} MB)")
    if suffix == ".docx":
        from mop_desktop.services.importer.docx_reader import read_docx

        check_zip(data, name)
        result = read_docx(data, name)
    elif suffix == ".pdf":
        from mop_desktop.services.importer.pdf_reader import read_pdf

        if not data.lstrip()[:5] == b"%PDF-":
            raise ImportFailed(f"{name}: is not a PDF file")
        result = read_pdf(data, name)
    else:
        from mop_desktop.services.importer.text import parse_text

        if len(data) > MAX_TEXT_BYTES and b"\x00" not in data[:4096]:  # before decoding it
            _too_much_text(len(data), name)
        text = decode_text(data, name)
        check_text_size(text, name)
        result = parse_text(text, markdown=suffix in (".md", ".markdown"), source=name)
    if not _has_words(result):
        raise ImportFailed(f"{name}: contains no text to import")
    result.source = str(path)
    return result


def check_text_size(text: str, name: str) -> None:
    """Refuse a text far beyond any protocol before it is parsed."""
    size = len(text) if len(text) > MAX_TEXT_BYTES else len(text.encode("utf-8", "replace"))
    if size > MAX_TEXT_BYTES:
        _too_much_text(size, name)
    clauses = sum(1 for _ in _NUMBERED_LINE.finditer(text))
    if clauses > MAX_CLAUSES:
        raise ImportFailed(
            f"{name}: {clauses:,} numbered clauses and list items are more than a protocol "
            f"holds (the limit is {MAX_CLAUSES:,})"
        )


def _too_much_text(size: int, name: str) -> None:
    raise ImportFailed(
        f"{name}: {size / 1048576:.1f} MB of text is more than a protocol holds "
        f"(the limit is {MAX_TEXT_BYTES // 1048576} MB)"
    )


def check_zip(data: bytes, name: str) -> None:
    """Refuse a .docx whose zip would unpack to far more than a document (a zip bomb), from
    the sizes its directory states, before anything is unpacked."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip: the Word reader says what it is
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ImportFailed(
            f"{name}: holds {len(infos):,} parts, more than a Word document "
            f"(the limit is {MAX_ZIP_MEMBERS:,})"
        )
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_ZIP_UNPACKED:
        raise ImportFailed(
            f"{name}: would unpack to {unpacked // 1048576:,} MB, more than a Word document "
            f"(the limit is {MAX_ZIP_UNPACKED // 1048576} MB)"
        )
    for info in infos:
        xml = info.filename.endswith((".xml", ".rels"))
        if xml and info.file_size > MAX_DOCX_XML:
            raise ImportFailed(
                f"{name}: its part {info.filename} would unpack to "
                f"{info.file_size // 1048576:,} MB of text (the limit is "
                f"{MAX_DOCX_XML // 1048576} MB)"
            )
        if info.file_size > 1048576 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise ImportFailed(
                f"{name}: its part {info.filename} is packed more than {MAX_ZIP_RATIO} to 1 "
                "(a zip bomb?); it is not opened"
            )


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a text file as text, or ImportFailed when they are not text."""
    if data.startswith(b"PK\x03\x04"):
        raise ImportFailed(f"{name}: is a Word or zip file, not plain text (rename it .docx?)")
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[3:], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", name)
    elif b"\x00" in data:
        even, odd = data[0::2], data[1::2]
        if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
            text = _decode(data, "utf-16-le", name)
        elif even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
            text = _decode(data, "utf-16-be", name)
        else:
            raise ImportFailed(f"{name}: is a binary file, not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            if text.count("\ufffd") > 0:
                text = data.decode("latin-1")
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 200):
        raise ImportFailed(f"{name}: is a binary file, not text")
    return text


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError:
        raise ImportFailed(f"{name}: is not readable text ({encoding} expected)") from None


def _has_words(result: ImportResult) -> bool:
    """True when the body has a word in it (a title alone is not a protocol)."""
    title_words = len(result.text.title.split())
    words = result.text.plain_words()[title_words:]
    return any(any(ch.isalnum() for ch in w) for w in words)
