"""``export``: the protocol or the council-pack report in the format the file's suffix names,
written beside the target and renamed into place, and recorded with its SHA-256 like a PDF.

``.pdf`` goes to services/pdf (the same as ``pdf``); ``.html`` is the accessible web page;
``.docx`` the Word document, or with ``redline`` the draft with Word tracked changes.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mop_desktop.domain.records import VersionStatus
from mop_desktop.services.pdf.content import PdfError, load_protocol, load_report, proposed_label
from mop_desktop.services.pdf.exports import (
    DRAFT,
    PROTOCOL,
    REDLINE,
    ExportInfo,
    export_pdf,
    write_atomically,
)
from mop_desktop.store.db import Store
from mop_desktop.store.protocol_repo import reading

FORMATS = {".pdf": "PDF", ".html": "web page", ".htm": "web page", ".docx": "Word document"}


class ExportError(PdfError):
    """One line for the clerk."""


def format_of(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"{Path(path).name}: name the file .pdf, .html or .docx (the format follows the "
            "file's suffix)"
        )
    return suffix


def _write(target: Path, data: bytes) -> str:
    """Written beside ``target`` and renamed into place, as a PDF is; its SHA-256."""
    try:
        return write_atomically(target, lambda handle: handle.write(data))
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None


def export_document(
    store: Store,
    path: str | os.PathLike[str],
    *,
    version_label: str | None = None,
    draft: bool = False,
    redline: bool = False,
    today: dt.date | None = None,
    record: bool = True,
    author: str = "",
) -> ExportInfo:
    """Write the document to ``path`` in the format its suffix names; raises ExportError or
    PdfError with one line for the clerk."""
    suffix = format_of(path)
    if suffix == ".pdf":
        return export_pdf(
            store,
            path,
            version_label=version_label,
            draft=draft,
            redline=redline,
            today=today,
            record=record,
        )
    target = Path(path).expanduser().resolve()
    if target.is_dir():
        raise ExportError(f"{target} is a folder: give the name of the file to write")
    with reading(store) as repo:
        if redline:
            if suffix != ".docx":
                raise ExportError(
                    "the council-pack report is made as PDF (.pdf) or as Word "
                    "with tracked changes (.docx)"
                )
            from mop_desktop.domain.diff import compare
            from mop_desktop.services.publish.word_redline import redline_docx

            report = load_report(repo, today)
            diff = compare(report.adopted.text if report.adopted else None, report.draft.text)
            data = redline_docx(report, diff, author)
            kind, version_id, label = REDLINE, report.draft.version_id, proposed_label(report)
        else:
            source = load_protocol(repo, version_label=version_label, draft=draft)
            if suffix == ".docx":
                from mop_desktop.services.publish.word_document import protocol_docx

                data = protocol_docx(source)
            else:
                from mop_desktop.services.publish.html_page import render_html

                data = render_html(source).encode("utf-8")
            kind = DRAFT if source.status == VersionStatus.DRAFT else PROTOCOL
            version_id, label = source.version_id, source.label or ""
        digest = _write(target, data)
        created = dt.datetime.now()
        if record:
            created = repo.record_export(
                version_id=version_id,
                version_label=label,
                kind=kind,
                path=str(target),
                sha256=digest,
            )
    return ExportInfo(str(target), kind, label, digest, created, 0)
