"""PDFs from the register: the case report and the subject-access export (password-protected,
CONFIDENTIAL on every page) and the recovery sheet printed at set-up.

Written only to the path the user chose (no temporary file): the PDF is laid out in memory and,
when a password is given, encrypted there with AES-256 by pypdf (reportlab's own 256-bit mode
writes files that poppler and pdfium cannot open) before a single write to that path. Fonts and
escaping come from ``services/pdf`` (DejaVu Sans embedded; user text always escaped).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mop_desktop.domain.concerns import (
    Concern,
    category_label,
    field_label,
    role_label,
    status_label,
)
from mop_desktop.domain.dates import format_long, format_short

from .service import AuditEntry, TimelineEntry

CONFIDENTIAL = "CONFIDENTIAL"


#: The shortest password a protected PDF accepts (it travels to a third party by e-mail).
MIN_PDF_PASSWORD = 10


class ReportError(Exception):
    pass


class PdfPasswordRefused(ReportError, ValueError):
    """A PDF password that would not protect the PDF; the message says why, in one line."""


def check_pdf_password(password: str | None) -> None:
    """Refuse an empty or short PDF password (the register's passphrase is refused by
    ``RegisterService.check_pdf_password``, which knows it)."""
    if not password:
        raise PdfPasswordRefused("the PDF password must not be empty")
    if len(password) < MIN_PDF_PASSWORD:
        raise PdfPasswordRefused(
            f"the PDF password is too short: use at least {MIN_PDF_PASSWORD} characters"
        )


def _styles() -> dict[str, Any]:
    from mop_desktop.services.pdf.layout import styles

    return styles()


def _p(text: str | None, style: str = "body") -> Any:
    from reportlab.platypus import Paragraph

    from mop_desktop.services.pdf.escape import para

    return Paragraph(para(text), _styles()[style])


def _heading(text: str, style: str = "h2") -> Any:
    return _p(text, style)


def _table(rows: list[list[str]], widths: list[float], header: bool = False) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    from mop_desktop.services.pdf import fonts

    data = [[_p(cell, "cell") for cell in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9DB3C8")),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ])  # fmt: skip
    if header:
        style.add("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E9EFF5"))
    table.setStyle(style)
    return table


def _render(
    path: Path,
    story: list[Any],
    title: str,
    council: str,
    password: str | None,
    files: Sequence[tuple[str, bytes]] = (),
) -> int:
    """Lay out ``story`` with CONFIDENTIAL and the page number on every page."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from mop_desktop.services.pdf import fonts
    from mop_desktop.services.pdf.escape import attr

    fonts.register_fonts()
    width, height = A4

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.BOLD, 10)
        canvas.setFillColorRGB(0.7, 0.1, 0.1)
        canvas.drawCentredString(width / 2, height - 14 * mm, CONFIDENTIAL)
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.setFillColorRGB(0.33, 0.33, 0.33)
        footer = attr(" · ".join(x for x in (council, title) if x))[:110]
        canvas.drawString(22 * mm, 12 * mm, footer)
        canvas.drawRightString(width - 22 * mm, 12 * mm, f"{CONFIDENTIAL} · page {doc.page}")
        canvas.restoreState()

    if password is not None:
        check_pdf_password(password)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=22 * mm,
        bottomMargin=22 * mm,
        title=attr(title),
        author=attr(council),
        creator="MOP Desktop",
        initialFontName=fonts.REGULAR,
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    data = buffer.getvalue()
    if password is not None or files:
        data = _encrypt(data, password, files)
    try:
        path.write_bytes(data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return int(doc.page)


def _encrypt(pdf: bytes, password: str | None, files: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """AES-256 (PDF 2.0 standard security handler, revision 6): printing allowed, copying and
    changing not; a random owner password nobody keeps. ``files`` are embedded as the PDF's own
    attachments first, so they are encrypted with it."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import UserAccessPermissions as Allowed

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    used: set[str] = set()
    for name, data in files:
        unique, n = name, 1
        while unique in used:
            n += 1
            unique = f"{n}-{name}"
        used.add(unique)
        writer.add_attachment(unique, data)
    if password is None:
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    writer.encrypt(
        user_password=password,
        owner_password=secrets.token_hex(16),
        algorithm="AES-256",
        permissions_flag=Allowed.PRINT | Allowed.PRINT_TO_REPRESENTATION,
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _case_story(concern: Concern, timeline: list[TimelineEntry], guidance: str) -> list[Any]:
    from reportlab.lib.units import mm

    rows = [
        ["Reference", concern.reference],
        ["Raised on", format_long(concern.raised_on)],
        ["Raised by", f"{concern.raised_by} ({role_label(concern.raised_by_role)})".strip()],
        [
            "About",
            f"{concern.about} ({role_label(concern.about_role)})"
            if concern.about_role
            else concern.about,
        ],
        ["Category", category_label(concern.category)],
        ["Protocol clauses", ", ".join(concern.clauses)],
        ["Route", concern.route],
        ["Status", status_label(concern.status)],
        ["Follow-up", format_long(concern.follow_up_on)],
        [
            "Closed on",
            "unknown (closing date not recorded)"
            if concern.closing_date_unknown
            else format_long(concern.closed_on),
        ],
    ]
    story = [
        _heading(f"Concern {concern.reference}", "title"),
        _table(rows, [40 * mm, 126 * mm]),
        _heading("Summary"),
        _p(concern.summary),
        _heading("Details"),
        _p(concern.details or "None recorded."),
    ]
    if guidance:
        story += [_heading("Route under the protocol"), _p(guidance)]
    story.append(_heading("Timeline"))
    if timeline:
        story.append(
            _table(
                [["Date", "Action or contact"]] + [[format_short(t.on), t.entry] for t in timeline],
                [26 * mm, 140 * mm],
                header=True,
            )
        )
    else:
        story.append(_p("No entries."))
    story += [_heading("Outcome"), _p(concern.outcome or "Not yet recorded.")]
    return story


def case_report(
    path: Path,
    concern: Concern,
    timeline: list[TimelineEntry],
    audit: list[AuditEntry],
    council: str,
    password: str,
    guidance: str = "",
    files: Sequence[tuple[str, bytes]] = (),
) -> int:
    """The password-protected case report for one concern; ``files`` (its attachments) are
    listed in it and embedded in the PDF."""
    from reportlab.lib.units import mm

    story = [
        _p(council, "council"),
        _p(f"Case report · printed {format_long(dt.date.today())}", "meta"),
    ]
    story += _case_story(concern, timeline, guidance)
    story.append(_heading("Audit trail"))
    story.append(
        _table(
            [["When", "Who", "What", "Field"]]
            + [
                [a.local_time(), a.actor, a.action, field_label(a.field) if a.field else ""]
                for a in audit
            ],
            [34 * mm, 34 * mm, 58 * mm, 40 * mm],
            header=True,
        )
    )
    story += attachment_story(files)
    return _render(path, story, f"Case report {concern.reference}", council, password, files)


def attachment_story(files: Sequence[tuple[str, bytes]]) -> list[Any]:
    """The list of attached files (name, size, SHA-256), each embedded in the PDF itself."""
    import hashlib

    from reportlab.lib.units import mm

    if not files:
        return []
    from mop_desktop.services.concerns.attachments import size_text

    rows = [["File", "Size", "SHA-256"]] + [
        [name, size_text(len(data)), hashlib.sha256(data).hexdigest()] for name, data in files
    ]
    return [
        _heading("Attachments"),
        _p("Each file is attached to this PDF (open the attachments pane of the PDF reader)."),
        _table(rows, [60 * mm, 20 * mm, 86 * mm], header=True),
    ]


def subject_access_report(
    path: Path,
    name: str,
    cases: list[tuple[Concern, list[TimelineEntry]]],
    council: str,
    password: str,
    files: Sequence[tuple[str, bytes]] = (),
    files_left_out: int = 0,
) -> int:
    """The records that name ``name`` (as the clerk chose them), for a subject access
    request."""
    from reportlab.platypus import PageBreak

    story: list[Any] = [
        _p(council, "council"),
        _heading("Subject access request", "title"),
        _p(
            f"The records in the concern register that name {name}, printed "
            f"{format_long(dt.date.today())}. {len(cases)} record(s)."
        ),
    ]
    for index, (concern, timeline) in enumerate(cases):
        if index:
            story.append(PageBreak())
        story += _case_story(concern, timeline, "")
    story += attachment_story(files)
    if files_left_out:
        story.append(
            _p(
                f"{files_left_out} other attached file(s) of these records do not name "
                f"{name}, or cannot be read for names, and are not included: the "
                "clerk reviews them before deciding what else to disclose."
            )
        )
    return _render(path, story, "Subject access request", council, password, files)


def _key_paragraph(recovery_key: str) -> Any:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from mop_desktop.services.pdf.escape import para

    style = ParagraphStyle(
        "recovery-key", parent=_styles()["title"], fontSize=17, leading=24, splitLongWords=0
    )
    return Paragraph(para(recovery_key), style)


def recovery_sheet(path: Path, recovery_key: str, council: str, created: dt.date) -> int:
    """The sheet for the council's safe: the recovery key and what to do with it."""
    story = [
        _p(council or "The council", "council"),
        _heading("Concern register: recovery key", "title"),
        _p(f"Created on {format_long(created)}."),
        _heading("Recovery key"),
        _key_paragraph(recovery_key),
        _heading("What this is"),
        _p(
            "The council keeps a confidential record of concerns between councillors and staff "
            "in MOP Desktop, on the clerk's computer. The record is locked (encrypted): it opens "
            "with the clerk's passphrase, or with this recovery key. If the passphrase is "
            "forgotten, or the clerk leaves or is away for a long time, this key lets the "
            "council open the record and choose a new passphrase: without it the record would "
            "be lost for good."
        ),
        _heading("When it is needed"),
        _p(
            "On the clerk's computer, open MOP Desktop, go to the Concerns page and choose "
            "\u201cForgotten passphrase? Use the recovery key\u201d. Type the key above as it "
            "is printed (capital letters, spaces and hyphens do not matter), then choose the new "
            "passphrase. The chair (or the chair of the personnel committee) should be there "
            "when the key is used, and the use noted in the confidential minutes."
        ),
        _heading("Keeping it safe"),
        _p(
            "The clerk and the chair sign and date this sheet, and it is kept in the council's "
            "safe or another locked place, away from the computer. Delete the PDF file once the "
            "sheet is printed: anyone holding the key and a copy of the council's data could "
            "read the record. If the key may have been seen by someone who should not have it, "
            "the clerk issues a new one (Concerns page, More, Replace recovery key); this key "
            "then stops working and this sheet can be shredded."
        ),
        _p(
            "The key is letters and digits only. Its last group is a check that catches typing "
            "mistakes."
        ),
        _p("Clerk: ______________________      Date: ______________", "signoff"),
        _p("Chair: ______________________      Date: ______________", "signoff"),
    ]
    return _render(path, story, "Recovery key", council or "", None)
