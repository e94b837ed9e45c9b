"""The council-pack changes as a Word document with tracked changes.

The draft, with every change against the last adopted version as a real Word revision: words
inserted inside ``w:ins`` and words deleted inside ``w:del`` (author and date on each), new
clauses and list items inserted whole, removed ones deleted whole (their paragraph marks too),
a changed clause number as the old number deleted and the new one inserted. A moved clause is
inserted at its new place with a Word comment saying where it was. Built from the app's own
comparison (domain/diff.py), the same one the PDF report prints, so the council (or the clerk
after the meeting) can accept or reject each change in Word's Review pane: accepting every
change gives the draft's words.

Clause numbers and list markers are typed text here (not Word numbering): Word would count a
deleted paragraph in its numbering until the change is accepted.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from itertools import count
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from mop_desktop.domain.change_notes import notes_by_entry
from mop_desktop.domain.dates import format_long
from mop_desktop.domain.diff import DELETE, EQUAL, INSERT, ClauseChange, DocumentDiff, WordOp
from mop_desktop.services.pdf.content import ReportSource, proposed_label
from mop_desktop.services.publish.word_document import new_document

_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


class Revisions:
    """Writes runs and revisions into python-docx paragraphs, numbering each revision."""

    def __init__(self, author: str, when: dt.datetime) -> None:
        self.author = _x(author)
        self.date = when.replace(microsecond=0).isoformat() + "Z"
        self._ids = count(1)

    def _attrs(self) -> str:
        return f'w:id="{next(self._ids)}" w:author="{self.author}" w:date="{self.date}"'

    def run(self, paragraph: Any, text: str, kind: str = EQUAL) -> None:
        if not text:
            return
        w = nsdecls("w")
        if kind == INSERT:
            xml = (
                f'<w:ins {w} {self._attrs()}><w:r><w:t xml:space="preserve">{_x(text)}'
                "</w:t></w:r></w:ins>"
            )
        elif kind == DELETE:
            xml = (
                f'<w:del {w} {self._attrs()}><w:r><w:delText xml:space="preserve">'
                f"{_x(text)}</w:delText></w:r></w:del>"
            )
        else:
            xml = f'<w:r {w}><w:t xml:space="preserve">{_x(text)}</w:t></w:r>'
        paragraph._p.append(parse_xml(xml))

    def ops(self, paragraph: Any, ops: list[WordOp]) -> None:
        for index, op in enumerate(ops):
            tail = " " if index < len(ops) - 1 else ""
            self.run(paragraph, op.text + tail, op.op)

    def mark_paragraph(self, paragraph: Any, kind: str) -> None:
        """The paragraph mark itself inserted or deleted (a whole new or removed paragraph)."""
        tag = "w:ins" if kind == INSERT else "w:del"
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f"<w:rPr {nsdecls('w')}><{tag} {self._attrs()}/></w:rPr>"))


def _number_runs(rev: Revisions, paragraph: Any, entry: ClauseChange) -> None:
    old, new = entry.old_number, entry.new_number
    if entry.removed:
        rev.run(paragraph, f"{old}\t" if old else "", DELETE)
    elif entry.added:
        rev.run(paragraph, f"{new}\t" if new else "", INSERT)
    elif old != new:
        rev.run(paragraph, f"{old}\t" if old else "", DELETE)
        rev.run(paragraph, f"{new}\t" if new else "", INSERT)
    elif new:
        rev.run(paragraph, f"{new}\t")


def _whole(entry: ClauseChange) -> str:
    return INSERT if entry.added else DELETE if entry.removed else EQUAL


def _entry(document: Any, rev: Revisions, entry: ClauseChange, why: str = "") -> None:
    from docx.shared import Twips
    from docx.text.run import Run

    whole = _whole(entry)
    if entry.kind == "heading":
        paragraph = document.add_heading("", level=1)
    else:
        paragraph = document.add_paragraph()
        if entry.old_number or entry.new_number:
            level = 2 if entry.block is not None and entry.block.level >= 2 else 1
            paragraph.paragraph_format.left_indent = Twips(567 * level)
            paragraph.paragraph_format.first_line_indent = Twips(-567)
    _number_runs(rev, paragraph, entry)
    moved_note = entry.moved and not (entry.added or entry.removed)
    if moved_note:
        rev.run(paragraph, " ".join(op.text for op in entry.ops if op.op != DELETE), INSERT)
        rev.mark_paragraph(paragraph, INSERT)
        where = f" from {entry.old_number}" if entry.old_number else ""
        runs = [Run(r, paragraph) for r in paragraph._p.xpath(".//w:r")]
        note = f"Moved{where}: this clause stood elsewhere in the adopted version."
        if why:
            note += f" Why it changed: {why}"
        if runs:
            document.add_comment(runs, text=note, author=rev.author, initials="MOP")
    else:
        rev.ops(paragraph, entry.ops)
        if whole != EQUAL:
            rev.mark_paragraph(paragraph, whole)
        runs = [Run(r, paragraph) for r in paragraph._p.xpath(".//w:r")]
        if why and runs:  # the clerk's note on the change, as a comment beside it
            document.add_comment(
                runs, text=f"Why it changed: {why}", author=rev.author, initials="MOP"
            )
    for item in entry.items:
        line = document.add_paragraph(style="List Paragraph")
        line.paragraph_format.left_indent = Twips(567 + 425 * (item.depth + 1))
        line.paragraph_format.first_line_indent = Twips(-425)
        kind = {"added": INSERT, "removed": DELETE}.get(item.kind, EQUAL)
        if whole != EQUAL:
            kind = whole
        rev.run(line, f"{item.marker}\t", kind)
        if item.kind == "reworded" and whole == EQUAL:
            rev.ops(line, item.ops)
        else:
            rev.run(line, (item.new if kind != DELETE else item.old) or "", kind)
        if kind != EQUAL:
            rev.mark_paragraph(line, kind)


def redline_docx(
    report: ReportSource, diff: DocumentDiff, author: str = "", now: dt.datetime | None = None
) -> bytes:
    """The draft with tracked changes against the last adopted version, as bytes."""
    draft, adopted = report.draft, report.adopted
    title = draft.text.title or "Protocol"
    council = report.council.name
    document = new_document(f"{title}: changes proposed", council)
    rev = Revisions(author or report.council.clerk or "Clerk", now or dt.datetime.utcnow())
    if council:
        document.add_paragraph(council, style="Subtitle")
    document.add_heading(title, level=0)
    against = (
        f"version {adopted.label}"
        if adopted is not None and adopted.label
        else ("the adopted version" if adopted is not None else "nothing adopted yet")
    )
    document.add_paragraph(
        f"Draft version {proposed_label(report)}, with every change against {against} shown "
        f"as a tracked change (Review, Track Changes). Prepared {format_long(report.today)}."
    )
    why = notes_by_entry(diff, list(report.change_notes))
    for index, entry in enumerate(diff.entries):
        _entry(document, rev, entry, why.get(index, ""))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
