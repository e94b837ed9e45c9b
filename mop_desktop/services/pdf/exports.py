"""Writing PDFs and keeping the record of them.

``export_pdf`` writes the protocol (a version, the draft) or the council-pack report to a
temporary file beside the target and renames it into place, so a half-written PDF never
carries the target's name. Every export is recorded in the ``export`` table with the SHA-256 of
the file; ``verify`` answers with the version label when a file is an unaltered export of an
adopted version, and ``list_exports`` gives the record for the Review schedule.

``export_pdf``, ``verify`` and ``planned_name`` read and write through ``store.light_text``
(sqlite3), so the ``pdf`` and ``verify`` commands never import SQLAlchemy; ``list_exports``
(the Review page) reads through the ORM.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from mop_desktop.domain.dates import format_short
from mop_desktop.domain.records import VersionStatus
from mop_desktop.services.pdf.content import (
    PdfError,
    load_protocol,
    load_report,
    proposed_label,
)
from mop_desktop.store.db import Store
from mop_desktop.store.light_text import open_light

PROTOCOL, DRAFT, REDLINE = "protocol", "draft", "redline"
KIND_NAMES = {PROTOCOL: "Adopted protocol", DRAFT: "Draft protocol",
              REDLINE: "Council-pack report"}

__all__ = ["PdfError", "ExportInfo", "export_pdf", "verify", "list_exports", "file_sha256",
           "planned_name", "suggested_name"]


@dataclass(frozen=True)
class ExportInfo:
    """One PDF the app wrote."""

    path: str
    kind: str  # protocol | draft | redline
    version_label: str
    sha256: str
    created_at: dt.datetime
    pages: int = 0

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_atomically(target: Path, write: Callable[[IO[bytes]], None]) -> str:
    """Call ``write(file)`` on a temporary file beside ``target``, then rename it into
    place (``store.atomic``). Returns the SHA-256 of what was written."""
    from mop_desktop.store.atomic import atomic_writer

    if not target.parent.is_dir():
        raise PdfError(f"the folder {target.parent} does not exist")
    with atomic_writer(target) as handle:
        write(handle)
    os.chmod(target, 0o644)  # a PDF for the agenda pack, not a private file
    return file_sha256(target)


def export_pdf(
    store: Store,
    path: str | os.PathLike[str],
    *,
    version_label: str | None = None,
    draft: bool = False,
    redline: bool = False,
    today: dt.date | None = None,
    record: bool = True,
) -> ExportInfo:
    """Write the protocol PDF (or, with ``redline``, the council-pack report) to ``path``
    and record the export (``record=False`` for a preview or a print, which are not
    exports). Raises PdfError with one line for the clerk."""
    from mop_desktop.services.pdf.layout import PageInfo, render

    target = Path(path).expanduser().resolve()
    if target.is_dir():
        raise PdfError(f"{target} is a folder: give the name of the PDF to write")
    pages = 0
    with open_light(store.path) as light:
        if redline:
            from mop_desktop.services.pdf.redline import report_story

            report = load_report(light, today)
            story = report_story(report)
            council = report.council.name
            info = PageInfo(
                council=council,
                title=f"Review of the {report.draft.text.title}",
                version=f"Report to Full Council \u00b7 draft version {proposed_label(report)} "
                f"against version {report.adopted.label if report.adopted else '(none)'}",
                subject="Council-pack report: changes proposed to the protocol",
                mark="",
            )
            kind, version_id = REDLINE, report.draft.version_id
            label = proposed_label(report)  # the version the report asks the council to adopt
        else:
            from mop_desktop.services.pdf.protocol import protocol_story

            source = load_protocol(light, version_label=version_label, draft=draft)
            story = protocol_story(source)
            is_draft = source.status == VersionStatus.DRAFT
            mark = {"draft": "DRAFT", "superseded": "SUPERSEDED"}.get(source.status, "")
            version = source.version_line
            if is_draft:
                version += f" \u00b7 printed {format_short(today or dt.date.today())}"
            if source.adoption is not None and source.adoption.adopted_on:
                version += f" \u00b7 adopted {format_short(source.adoption.adopted_on)}"
                if source.adoption.minute_ref:
                    version += f", minute {source.adoption.minute_ref}"
            info = PageInfo(
                council=source.council.name,
                title=source.text.title,
                version=version,
                subject=(f"{source.text.title}, {source.version_line}"
                         + (f", {source.council.name}" if source.council.name else "")),
                mark=mark,
            )
            kind = DRAFT if is_draft else PROTOCOL
            version_id, label = source.version_id, source.label or ""

        def write(handle: IO[bytes]) -> None:
            nonlocal pages
            pages = render(handle, story, info)

        try:
            digest = _write_atomically(target, write)
        except OSError as exc:
            raise PdfError(f"cannot write {target}: {exc.strerror or exc}") from None
        created = dt.datetime.now()
        if record:
            created = _local(light.record_export(version_id=version_id, version_label=label,
                                                 kind=kind, path=str(target), sha256=digest))
    return ExportInfo(str(target), kind, label, digest, created, pages)


def verify(store: Store, path: str | os.PathLike[str]) -> str | None:
    """The version label if ``path`` is byte for byte an export of an adopted version."""
    digest = file_sha256(path)
    with open_light(store.path) as light:
        for version_id, label in light.exports_with(digest, PROTOCOL):
            status = light.version_status(version_id) if version_id else None
            if status is None or status in (VersionStatus.ADOPTED, VersionStatus.SUPERSEDED):
                return label or "(unlabelled)"
    return None


def _local(stamp: dt.datetime) -> dt.datetime:
    """A stored UTC time as the clerk's local time (naive, for display)."""
    return stamp.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def list_exports(store: Store) -> list[ExportInfo]:
    """Every PDF recorded, newest first; ``created_at`` in local time."""
    from sqlalchemy import select

    from mop_desktop.store.models import ExportRow

    with store.session() as session:
        rows = session.scalars(
            select(ExportRow).order_by(ExportRow.created_at.desc(), ExportRow.id.desc())
        ).all()
        return [ExportInfo(r.path, r.kind, r.version_label, r.sha256, _local(r.created_at))
                for r in rows]


def planned_name(store: Store, *, redline: bool = False, draft: bool = False,
                 today: dt.date | None = None, version_label: str | None = None) -> str:
    """The file name to suggest for an export, from the council, title, version and date."""
    day = today or dt.date.today()
    with open_light(store.path) as light:
        if redline:
            report = load_report(light, day)
            return suggested_name(report.council.name, report.draft.text.title,
                                  proposed_label(report), day, REDLINE)
        source = load_protocol(light, draft=draft, version_label=version_label)
        kind = DRAFT if source.status == VersionStatus.DRAFT else PROTOCOL
        return suggested_name(source.council.name, source.text.title, source.label or "",
                              day, kind)


def suggested_name(council: str, title: str, version: str, day: dt.date, kind: str) -> str:
    """A name a clerk recognises: "Example Town Council - Member-Officer Relations Protocol -
    version 2026 - 2026-03-23.pdf", the date kept however long the rest (see ``_safe``)."""
    title = _safe(title) or "Protocol"
    parts = [_safe(council)[:60], title[:90] if kind != REDLINE else f"Report on the {title[:80]}"]
    parts.append(f"version {_safe(version)}" if version else ("draft" if kind != PROTOCOL else ""))
    if kind == DRAFT and version:
        parts.append("draft")
    parts.append(day.isoformat())  # kept whatever the length of the rest
    return " - ".join(p for p in parts if p) + ".pdf"


def _safe(text: str) -> str:
    """``text`` for a file name: "/" and "\\" become "-", other characters Windows refuses
    go, and no "-" is left hanging at either end."""
    kept = "".join(
        "-" if c in "/\\" else "" if c in '<>:"|?*' or ord(c) < 32 else c for c in text
    )
    return " ".join(kept.split()).strip(" -.")
