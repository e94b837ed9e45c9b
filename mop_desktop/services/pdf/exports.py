"""Writing PDFs and keeping the record of them.

``export_pdf`` writes the protocol (a version, the draft) or the council-pack report to a
temporary file beside the target and renames it into place, so a half-written PDF never
carries the target's name. Every export is recorded in the ``export`` table with the SHA-256 of
the file; ``verify`` answers with the version label when a file is an unaltered export of an
adopted version, and ``list_exports`` gives the record for the Review schedule.

Every read and the export's record go through ``store.protocol_repo``.
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
from mop_desktop.domain.records import VersionStatus, short_record_hash
from mop_desktop.services.pdf.content import (
    PdfError,
    load_protocol,
    load_report,
    proposed_label,
)
from mop_desktop.store.db import Store
from mop_desktop.store.protocol_repo import ProtocolRepository, reading

PROTOCOL, DRAFT, REDLINE = "protocol", "draft", "redline"
#: the adopted version's record hash rides in the PDF's keywords, for ``verify``
RECORD_KEYWORD = "mop-record:"
KIND_NAMES = {PROTOCOL: "Adopted protocol", DRAFT: "Draft protocol", REDLINE: "Council-pack report"}

__all__ = [
    "PdfError",
    "ExportInfo",
    "export_pdf",
    "verify",
    "verify_file",
    "find_record",
    "list_exports",
    "file_sha256",
    "planned_name",
    "suggested_name",
]


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


def write_atomically(target: Path, write: Callable[[IO[bytes]], object]) -> str:
    """Call ``write(file)`` on a temporary file beside ``target``, then rename it into
    place (``store.atomic``). Returns the SHA-256 of what was written."""
    from mop_desktop.store.atomic import atomic_writer

    if not target.parent.is_dir():
        raise PdfError(f"the folder {target.parent} does not exist")
    with atomic_writer(target) as handle:
        write(handle)
    os.chmod(target, 0o644)  # for the agenda pack or the website, not a private file
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
    with reading(store) as repo:
        if redline:
            from mop_desktop.services.pdf.redline import report_story

            report = load_report(repo, today)
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

            source = load_protocol(repo, version_label=version_label, draft=draft)
            story = protocol_story(source)
            is_draft = source.status == VersionStatus.DRAFT
            mark = {"draft": "DRAFT", "superseded": "SUPERSEDED"}.get(source.status, "")
            version = source.version_line
            if is_draft:
                version += f" \u00b7 printed {format_short(today or dt.date.today())}"
            keywords = ""
            if source.adoption is not None and source.adoption.adopted_on:
                version += f" \u00b7 adopted {format_short(source.adoption.adopted_on)}"
                if source.adoption.minute_ref:
                    version += f", minute {source.adoption.minute_ref}"
            if source.adoption is not None and source.adoption.record_hash:
                version += f" \u00b7 record {short_record_hash(source.adoption.record_hash)}"
                keywords = f"{RECORD_KEYWORD}{source.adoption.record_hash}"
            info = PageInfo(
                council=source.council.name,
                title=source.text.title,
                version=version,
                subject=(
                    f"{source.text.title}, {source.version_line}"
                    + (f", {source.council.name}" if source.council.name else "")
                ),
                mark=mark,
                keywords=keywords,
            )
            kind = DRAFT if is_draft else PROTOCOL
            version_id, label = source.version_id, source.label or ""

        def write(handle: IO[bytes]) -> None:
            nonlocal pages
            pages = render(handle, story, info)

        try:
            digest = write_atomically(target, write)
        except OSError as exc:
            raise PdfError(f"cannot write {target}: {exc.strerror or exc}") from None
        created = dt.datetime.now()
        if record:
            created = _local(
                repo.record_export(
                    version_id=version_id,
                    version_label=label,
                    kind=kind,
                    path=str(target),
                    sha256=digest,
                )
            )
    return ExportInfo(str(target), kind, label, digest, created, pages)


def verify(store: Store, path: str | os.PathLike[str]) -> str | None:
    """The version label if ``path`` is byte for byte an export of an adopted version and the
    adoption record printed on it is still the history's record (``verify_file``)."""
    return verify_file(store, path).label


@dataclass(frozen=True)
class Verdict:
    """``label`` when the file is sound; otherwise ``problem`` says why not, in one line."""

    label: str | None
    problem: str = ""


def printed_record(data: bytes) -> str | None:
    """The adoption record hash an adopted version's PDF carries in its keywords."""
    import re

    found = re.search(rb"mop-record:((?:v2-)?[0-9a-f]{64})", data)
    return found.group(1).decode("ascii") if found else None


def verify_file(store: Store, path: str | os.PathLike[str]) -> Verdict:
    """Is ``path`` byte for byte an export of an adopted version, with the adoption record it
    printed still in the history, unaltered, and the text that record adopted unchanged?"""
    digest = file_sha256(path)
    name = os.fspath(path)
    not_export = Verdict(None, f"{name} is not an unaltered export of an adopted version")
    with reading(store) as repo:
        match = None
        for version_id, label in repo.exports_with(digest, PROTOCOL):
            status = repo.version_status(version_id) if version_id else None
            if status is None or status in (VersionStatus.ADOPTED, VersionStatus.SUPERSEDED):
                match = (version_id, label or "(unlabelled)")
                break
        if match is None:
            return not_export
        printed = printed_record(Path(path).read_bytes())
        if printed is None:  # exported before PDFs carried their record
            return Verdict(match[1])
        problem = _record_problem(repo, printed, check_text=True)
        return Verdict(None, f"{name}: {problem}") if problem else Verdict(match[1])


def _record_problem(repo: ProtocolRepository, record_hash: str, *, check_text: bool) -> str:
    """Why the record ``record_hash`` is not sound in the history ("" when it is)."""
    from mop_desktop.domain.records import short_record_hash

    protocol = repo.protocol()
    history = protocol.history() if protocol is not None else []
    short = short_record_hash(record_hash)
    previous = ""
    for record in history:
        intact = record.prev_hash == previous and record.compute_hash() == record.record_hash
        previous = record.record_hash
        if not intact:
            return (
                f"the adoption history has been altered before or at record {short}; "
                "run mop-desktop check"
            )
        if record.record_hash != record_hash:
            continue
        if check_text and record.text_sha256 and record.version_id is not None:
            version = protocol.version(record.version_id) if protocol is not None else None
            if version is None or repo.text(version).sha256() != record.text_sha256:
                return (
                    f"the text adopted with record {short} has been changed in the store "
                    "since this was printed; run mop-desktop check"
                )
        return ""
    return (
        f"the adoption record printed on it ({short}) is no longer in the history: the "
        "history has been changed since it was printed; run mop-desktop check"
    )


def find_record(store: Store, typed: str) -> tuple[str | None, str]:
    """The history record whose hash begins with the digits ``typed`` (as printed on paper:
    spaces and case do not matter). Returns (a line describing it, "") or (None, problem)."""
    from mop_desktop.domain.dates import format_long
    from mop_desktop.domain.records import record_digest, short_record_hash

    digits = "".join(typed.split()).lower()
    if len(digits) < 8 or any(c not in "0123456789abcdef" for c in digits):
        return None, (
            "--record: give the record's digits as printed (at least 8 of 0-9 and "
            "a-f, e.g. 9d28 4122 a2d6)"
        )
    with reading(store) as repo:
        protocol = repo.protocol()
        history = protocol.history() if protocol is not None else []
        found = [a for a in history if record_digest(a.record_hash).startswith(digits)]
        if not found:
            return None, (
                f"no record in the adoption history begins with "
                f"{short_record_hash(digits)}: the history has been changed since "
                "it was printed, or the digits were mistyped"
            )
        record = found[-1]
        problem = _record_problem(repo, record.record_hash, check_text=True)
    if problem:
        return None, problem
    line = f"record {short_record_hash(record.record_hash)}: version {record.version_label}"
    if record.adopted_on:
        line += f", adopted {format_long(record.adopted_on)}"
    if record.minute_ref:
        line += f", minute {record.minute_ref}"
    return line + "; it is in the adoption history, intact", ""


def _local(stamp: dt.datetime) -> dt.datetime:
    """A stored UTC time as the clerk's local time (naive, for display)."""
    return stamp.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def list_exports(store: Store) -> list[ExportInfo]:
    """Every PDF recorded, newest first; ``created_at`` in local time."""
    with reading(store) as repo:
        return [
            ExportInfo(path, kind, label, sha256, _local(created))
            for path, kind, label, sha256, created in repo.exports()
        ]


def planned_name(
    store: Store,
    *,
    redline: bool = False,
    draft: bool = False,
    today: dt.date | None = None,
    version_label: str | None = None,
) -> str:
    """The file name to suggest for an export, from the council, title, version and date."""
    day = today or dt.date.today()
    with reading(store) as repo:
        if redline:
            report = load_report(repo, day)
            return suggested_name(
                report.council.name, report.draft.text.title, proposed_label(report), day, REDLINE
            )
        source = load_protocol(repo, draft=draft, version_label=version_label)
        kind = DRAFT if source.status == VersionStatus.DRAFT else PROTOCOL
        return suggested_name(source.council.name, source.text.title, source.label or "", day, kind)


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
    kept = "".join("-" if c in "/\\" else "" if c in '<>:"|?*' or ord(c) < 32 else c for c in text)
    return " ".join(kept.split()).strip(" -.")
