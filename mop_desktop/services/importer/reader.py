"""``read_file(path)``: check the file, read it by its suffix, refuse what cannot be read.

Every refusal is an ``ImportFailed`` with one line naming the file: unknown suffix, missing
or unreadable, empty, binary (also binary content renamed .txt), a damaged .docx, a text
with no words. Text encodings: UTF-8 (with or without BOM), UTF-16 (with BOM, or without
one when its zero bytes show it), else Windows-1252.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from mop_desktop.services.importer import SUPPORTED_SUFFIXES, ImportFailed, ImportResult

MAX_BYTES = 20 * 1024 * 1024
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # tab, newlines and form feed are text


def read_file(path: Path) -> ImportResult:
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFailed(
            f"{name}: cannot import a {suffix or 'file without a suffix'} file: "
            "use a .txt, .md or .docx file"
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

        result = read_docx(data, name)
    else:
        from mop_desktop.services.importer.text import parse_text

        text = decode_text(data, name)
        result = parse_text(text, markdown=suffix in (".md", ".markdown"), source=name)
    if not _has_words(result):
        raise ImportFailed(f"{name}: contains no text to import")
    result.source = str(path)
    return result


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
