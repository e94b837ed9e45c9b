"""The council-pack report: a report to Full Council on the review of the protocol.

Meeting, purpose, summary of changes, recommendation, then Appendix A (the draft marked
against the last adopted version: insertions underlined, deletions struck through, with a
legend, so it reads in black and white) and Appendix B (the clean draft).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mop_desktop.domain.change_notes import notes_by_entry
from mop_desktop.domain.dates import format_long
from mop_desktop.domain.diff import DELETE, INSERT, ClauseChange, DocumentDiff, WordOp, compare
from mop_desktop.services.pdf import fonts
from mop_desktop.services.pdf.content import ReportSource, proposed_label
from mop_desktop.services.pdf.escape import para
from mop_desktop.services.pdf.layout import (
    ACCENT,
    RULE,
    SHADE,
    TEXT_WIDTH,
    list_style,
    styles,
)
from mop_desktop.services.pdf.protocol import (
    block_style_and_indent,
    body,
    heading_flowables,
    hold_headings,
    lead_with_items,
    table_style,
)

INSERT_COLOUR = "#0B5CAD"
DELETE_COLOUR = "#B3261E"
NOTE_COLOUR = "#6B4E00"


def mark_ops(ops: list[WordOp]) -> str:
    """Word operations as Paragraph markup: insertions underlined, deletions struck."""
    parts = []
    for op in ops:
        text = para(op.text)
        if op.op == INSERT:
            parts.append(f'<u><font color="{INSERT_COLOUR}">{text}</font></u>')
        elif op.op == DELETE:
            parts.append(f'<strike><font color="{DELETE_COLOUR}">{text}</font></strike>')
        else:
            parts.append(text)
    return " ".join(parts)


def _note(text: str) -> str:
    return f'<font size="8.5" color="{NOTE_COLOUR}"><i>[{para(text)}]</i></font> '


# -- the summary -----------------------------------------------------------------------------
def _summary_rows(diff: DocumentDiff) -> list[tuple[str, str, str]]:
    return [row for row, _index in _summary_rows_with_entries(diff)]


def _summary_rows_with_entries(diff: DocumentDiff) -> list[tuple[tuple[str, str, str], int]]:
    """The summary's rows, each with the index of its entry in ``diff.entries`` (-1 for the
    renumbering row)."""
    out: list[tuple[tuple[str, str, str], int]] = []
    for index, e in enumerate(diff.entries):
        rows: list[tuple[str, str, str]] = []
        what = "Heading" if e.kind == "heading" else "Clause"
        if e.added:
            rows.append((f"{what} added", e.label, _where_or_words(e, e.new_text)))
        elif e.removed:
            rows.append((f"{what} removed", e.label, _where_or_words(e, e.old_text)))
        else:
            if e.moved:
                where = f"moved from {e.old_number}" if e.old_number else "moved"
                rows.append((f"{what} moved", e.label, where + _in_section(e)))
            if e.reworded:
                rows.append((f"{what} reworded", e.label, _word_counts(e.ops)))
            if e.items_changed:
                rows.append(("List changed", e.label, _item_counts(e)))
        out += [(row, index) for row in rows]
    renumbered = diff.renumbered
    if renumbered:
        pairs = ", ".join(f"{e.old_number} \u2192 {e.new_number}" for e in renumbered)
        out.append((("Renumbered", f"{len(renumbered)}", f"as a result: {pairs}"), -1))
    return out


def _where_or_words(e: ClauseChange, text: str | None) -> str:
    """The first words of a numbered clause; for an unnumbered one (already named by its
    first words) the heading it sits under."""
    number = e.old_number if e.removed else e.new_number
    if number or e.kind != "block":
        return _first_words(text)
    return f"under \u201c{e.section}\u201d" if e.section else "before the first heading"


def _in_section(e: ClauseChange) -> str:
    return f" to \u201c{e.section}\u201d" if e.section and e.kind == "block" else ""


def _first_words(text: str | None, n: int = 12) -> str:
    words = (text or "").split()
    return " ".join(words[:n]) + ("\u2026" if len(words) > n else "")


def _word_counts(ops: list[WordOp]) -> str:
    ins = sum(len(o.text.split()) for o in ops if o.op == INSERT)
    dels = sum(len(o.text.split()) for o in ops if o.op == DELETE)
    bits = []
    if ins:
        bits.append(f"{ins} word{'s' if ins != 1 else ''} inserted")
    if dels:
        bits.append(f"{dels} word{'s' if dels != 1 else ''} deleted")
    return ", ".join(bits) or "wording changed"


def _item_counts(e: ClauseChange) -> str:
    bits = []
    for kind, name in (("added", "added"), ("removed", "removed"), ("reworded", "reworded")):
        n = sum(1 for i in e.items if i.kind == kind)
        if n:
            bits.append(f"{n} list item{'s' if n != 1 else ''} {name}")
    return ", ".join(bits)


def summary_sentence(diff: DocumentDiff) -> str:
    counts = [
        (len([e for e in diff.added if e.kind == "block"]), "added"),
        (len([e for e in diff.removed if e.kind == "block"]), "removed"),
        (len([e for e in diff.reworded if e.kind == "block"]), "reworded"),
        (len([e for e in diff.moved if e.kind == "block"]), "moved"),
    ]
    parts = [f"{n} clause{'s' if n != 1 else ''} {word}" for n, word in counts if n]
    if not parts and not diff.renumbered and not diff.changed:
        return "The draft makes no change to the wording of the protocol."
    text = "The draft makes these changes: " + (", ".join(parts) or "headings only") + "."
    if diff.renumbered:
        n = len(diff.renumbered)
        text += f" {n} clause{'s are' if n != 1 else ' is'} renumbered as a result."
    return text


def summary_table(diff: DocumentDiff, notes: dict[int, str] | None = None) -> list[Flowable]:
    """The table of changes; with ``notes`` (entry index -> the clerk's note) a "Why" column
    beside each change that has one."""
    st = styles()
    with_entries = _summary_rows_with_entries(diff)
    rows = [row for row, _index in with_entries]
    if not rows:
        return []
    notes = notes or {}
    why = bool(notes)
    heads = ("Change", "Clause", "Detail", "Why") if why else ("Change", "Clause", "Detail")
    data = [[Paragraph(h, st["cellhead"]) for h in heads]]
    seen: set[int] = set()
    for (a, b, c), index in with_entries:
        cells = [
            Paragraph(para(a), st["cell"]),
            Paragraph(para(b), st["cell"]),
            Paragraph(para(c), st["cell"]),
        ]
        if why:  # the note once per change, on its first row
            note = notes.get(index, "") if index not in seen else ""
            seen.add(index)
            cells.append(Paragraph(para(note), st["cell"]))
        data.append(cells)
    # unnumbered clauses are named by their first words: give the Clause column room
    named = any(b.startswith("\u201c") for _a, b, _c in rows)
    widths: tuple[float, ...]
    if why:
        widths = (0.17, 0.3, 0.26, 0.27) if named else (0.18, 0.14, 0.36, 0.32)
    else:
        widths = (0.2, 0.42, 0.38) if named else (0.22, 0.22, 0.56)
    table = Table(data, colWidths=[w * TEXT_WIDTH for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style())
    return [table]


# -- the marked draft ------------------------------------------------------------------------
def legend() -> list[Flowable]:
    st = styles()
    text = (
        f'How to read this appendix: <u><font color="{INSERT_COLOUR}">inserted text is '
        f'underlined</font></u>; <strike><font color="{DELETE_COLOUR}">deleted text is struck '
        f"through</font></strike>; {_note('notes in brackets')}say where a clause is new, was "
        "removed, moved or renumbered. Numbers are those of the draft."
    )
    box = Table([[Paragraph(text, st["small"])]], colWidths=[TEXT_WIDTH])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))  # fmt: skip
    return [box, Spacer(1, 4 * mm)]


def _clause_note(e: ClauseChange) -> str:
    what = "heading" if e.kind == "heading" else "clause"
    if e.added:
        return _note(f"new {what}")
    if e.removed:
        return _note(f"{what} removed" + (f", was {e.old_number}" if e.old_number else ""))
    if e.moved:
        return _note("moved" + (f" from {e.old_number}" if e.old_number else ""))
    if e.renumbered:
        return _note(f"renumbered, was {e.old_number}")
    return ""


def marked_entry(e: ClauseChange, hanging: bool = True) -> list[Flowable]:
    number = e.old_number if e.removed else e.new_number
    note = _clause_note(e)
    text = note + mark_ops(e.ops)
    if e.kind == "heading":
        return heading_flowables(text, number, hanging)
    assert e.block is not None
    pstyle, indent = block_style_and_indent(e.block, hanging)
    lead = Paragraph(text, pstyle, bulletText=number or None)
    items: list[Flowable] = []
    for item in e.items:
        if item.kind == "added":
            markup = mark_ops([WordOp(INSERT, item.new or "")])
        elif item.kind == "removed":
            markup = mark_ops([WordOp(DELETE, item.old or "")])
        elif item.kind == "reworded":
            markup = mark_ops(item.ops)
        else:
            markup = para(item.new)
        items.append(Paragraph(markup, list_style(item.depth, indent), bulletText=item.marker))
    return lead_with_items(lead, items)


def marked_draft(diff: DocumentDiff, hanging: bool = True) -> list[Flowable]:
    out: list[Flowable] = []
    for e in diff.entries:
        out += marked_entry(e, hanging)
    return hold_headings(out)


# -- the report ------------------------------------------------------------------------------
def report_story(report: ReportSource) -> list[Flowable]:
    fonts.register_fonts(italic=True)  # the notes in brackets are in italics
    st = styles()
    draft, adopted = report.draft, report.adopted
    diff = compare(adopted.text if adopted else None, draft.text)
    title = draft.text.title
    label = proposed_label(report)
    council = report.council.name or "the Council"
    out: list[Flowable] = []
    if report.council.name:
        out.append(Paragraph(para(report.council.name), st["council"]))
    out.append(Paragraph("Report to Full Council", st["meta"]))
    out.append(Paragraph(f"Review of the {para(title)}", st["title"]))
    meeting = report.meeting
    if meeting is not None:
        line = f"Meeting: {para(meeting.body)}, {format_long(meeting.date)}"
        if meeting.location:
            line += f", {para(meeting.location)}"
    else:
        line = "Meeting: the next meeting of Full Council"
    out.append(Paragraph(line, st["meta"]))
    out.append(Paragraph(f"Date of report: {format_long(report.today)}", st["meta"]))
    if report.council.clerk:
        out.append(
            Paragraph(f"From: {para(report.council.clerk)}, Clerk to the Council", st["meta"])
        )
    out.append(HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=6, spaceAfter=6))

    last = adopted.adoption if adopted else None
    if adopted is not None:
        since = f"as version {para(adopted.label or '')}"
        if last is not None and last.adopted_on:
            since += f" on {format_long(last.adopted_on)}"
            if last.minute_ref:
                since += f" (minute {para(last.minute_ref)})"
        purpose = (
            f"To review the {para(title)} of {para(council)}, last adopted {since}, and to "
            "consider the changes proposed in the draft attached."
        )
    else:
        purpose = (
            f"To consider and adopt the {para(title)} of {para(council)}, which has not "
            "been adopted before."
        )
    out += [Paragraph("1. Purpose", st["h2"]), Paragraph(purpose, st["body"])]
    out += [
        Paragraph("2. Summary of changes", st["h2"]),
        Paragraph(para(summary_sentence(diff)), st["body"]),
        *summary_table(diff, notes_by_entry(diff, list(report.change_notes))),
    ]
    out += [
        Paragraph("3. Recommendation", st["h2"]),
        Paragraph(
            f"<b>That the Council adopts version {para(label)} of the {para(title)}.</b>",
            st["body"],
        ),
        Paragraph(
            "Appendix A shows the draft marked against the version in force; Appendix B "
            "is the clean draft for adoption.",
            st["body"],
        ),
    ]
    against = f"version {para(adopted.label or '')}" if adopted else "no earlier version"
    out += [
        PageBreak(),
        Paragraph(f"Appendix A: the draft marked against {against}", st["h2"]),
        *legend(),
        *marked_draft(diff, draft.text.numbered),
    ]
    out += [
        PageBreak(),
        Paragraph(f"Appendix B: the draft for adoption (version {para(label)})", st["h2"]),
        Spacer(1, 2 * mm),
        *body(draft.text),
    ]
    return out
