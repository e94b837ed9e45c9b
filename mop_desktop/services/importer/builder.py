"""From a reader's paragraphs to an ``ImportResult``: council, title, history and body.

Shared by the text and the Word readers. The steps: find the version table and the adoption
lines (they go into the history only when they are read with confidence), take the council's
name and the title from the top, then build the body (``structure.BodyBuilder``).
"""

from __future__ import annotations

import re

from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.records import Adoption
from mop_desktop.services.importer import ImportIssue, ImportResult
from mop_desktop.services.importer.history import (
    MetaLine,
    merge_history,
    read_meta_line,
    read_version_table,
    review_interval,
    version_table_columns,
)
from mop_desktop.services.importer.lines import (
    Para,
    council_name_in,
    heading_like,
    is_caps,
    is_council_line,
    split_marker,
    strip_emphasis,
    title_like,
)
from mop_desktop.services.importer.structure import BodyBuilder, Layout

_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def build(
    paras: list[Para],
    source: str,
    *,
    extra_meta: list[str] | None = None,
    extra_council: str = "",
    unit: str = "line",
) -> ImportResult:
    """``extra_meta``: adoption lines from outside the body (Word headers and footers);
    ``extra_council``: a council name found there; ``unit``: what ``Para.line`` counts
    ("line" in a text file, "paragraph" in a Word document), for the warnings."""
    paras = [_clean(p) for p in paras]
    paras = [p for p in paras if p.rows is not None or p.text]
    paras = _split_title_and_dates(paras)
    _mark_contents(paras)
    warnings: list[str] = []

    # 1. history: version tables and adoption lines
    table_rows: list[Adoption] = []
    replaced: dict[int, list[Para]] = {}  # table paragraph -> what stays in the body
    metas: list[MetaLine] = []
    meta_at: list[int | None] = []
    for index, para in enumerate(paras):
        if para.rows:
            columns = version_table_columns(para.rows[0])
            if columns is None:
                # a two-column table of labels and values ("Adopted | 16/12/2021")
                pairs = [read_meta_line(": ".join(c for c in row if c)) for row in para.rows]
                if all(len(row) <= 2 for row in para.rows) and all(pairs):
                    metas.extend(m for m in pairs if m is not None)
                    meta_at.extend(index for _ in pairs)
                continue
            table = read_version_table(para.rows, columns)
            table_rows.extend(table.adoptions)
            replaced[index] = [
                Para(text=text, line=para.line, meta=why) for text, why in table.leftovers
            ]
        elif para.heading_level is None:
            meta = read_meta_line(para.text, sentence=True)
            if meta is not None:
                metas.append(meta)
                meta_at.append(index)
    for text in extra_meta or []:
        meta = read_meta_line(text)
        if meta is not None:
            metas.append(meta)
            meta_at.append(None)
    merged = merge_history(table_rows, metas)
    warnings.extend(merged.warnings)
    consumed = {at for at in meta_at if at is not None}
    consumed -= {meta_at[i] for i in range(len(metas)) if i not in merged.used_meta}

    # 2. council and title from the top
    council = ""
    title = ""
    body_start = len(paras)
    front: list[Para] = []
    kept_meta = {  # lines read for the history and kept as text
        at for at in meta_at if at is not None and paras[at].rows is None
    } - consumed
    for index in kept_meta:
        paras[index].meta = True
    for index, para in enumerate(paras):
        if index in consumed:
            continue
        if index in replaced:
            front.extend(replaced[index])
            continue
        if index in kept_meta and not title:
            front.append(para)  # an adoption sentence above the title
            continue
        text = para.text
        if para.toc:
            body_start = index
            break
        if para.rows is None and not council and is_council_line(text):
            council = council_name_in(text)
            continue
        if para.rows is None and not title and (_title_like(para) or _section_title(para)):
            title = text
            council = council or council_name_in(text)
            continue
        if title and para.rows is None and text.casefold() == title.casefold():
            continue
        body_start = index
        break
    council = council or extra_council or _council_in_sentence(paras)

    # 3. the body
    body: list[Para] = list(front)
    for index in range(body_start, len(paras)):
        if index in consumed:
            continue
        if index in replaced:
            body.extend(replaced[index])
        else:
            body.append(paras[index])
    layout = _layout(body)
    builder = BodyBuilder(layout)
    builder.body = body
    for position, para in enumerate(body):
        builder.position = position
        nxt = body[position + 1] if position + 1 < len(body) else None
        if para.meta and isinstance(para.meta, str):
            builder.new_block(para.text, "", para, para.meta)
            continue
        if para.meta is True and split_marker(para.text).kind == "":
            builder.new_block(para.text, "", para)  # an adoption line kept: a paragraph
            continue
        if para.toc:
            builder.new_block(para.text, "", para, "contents line kept as a paragraph")
            continue
        builder.add(para, nxt)
    sections = builder.finish()
    document = DocumentText(title=title, sections=sections)
    issues = [ImportIssue(0, "history", w, unit) for w in warnings]
    for section in sections:
        if section.doubtful:
            where = builder.source_line(section)
            heading = _short(section.heading)
            issues.append(
                ImportIssue(
                    where,
                    _kind(section.doubtful),
                    f"heading \u201c{heading}\u201d: {section.doubtful}",
                    unit,
                )
            )
        for block in section.blocks:
            if block.doubtful:
                where = builder.source_line(block)
                label = f"clause {block.number}" if block.number else _quote(block.text)
                issues.append(
                    ImportIssue(where, _kind(block.doubtful), f"{label}: {block.doubtful}", unit)
                )
    issues.extend(_missing(title, council, merged.adoptions, unit))
    texts = [p.text for p in paras if p.rows is None] + [
        " ".join(row) for p in paras if p.rows for row in p.rows
    ]
    return ImportResult(
        text=document,
        council_name=council,
        history=merged.adoptions,
        warnings=[str(i) for i in issues if _warned(i)],
        source=source,
        issues=issues,
        review_interval_months=review_interval(texts + list(extra_meta or [])),
    )


def _warned(issue: ImportIssue) -> bool:
    """The places printed as "check:" lines: doubtful ones, and a missing title."""
    return issue.kind not in ("missing", "left-out") or issue.message.startswith("no title")


def _kind(doubt: str) -> str:
    if re.search(r"numbering|number \S+ (?:repeats|comes)|numbered \S+ but", doubt):
        return "numbering"
    if "version-table" in doubt or "history" in doubt:
        return "history"
    return "structure"


def _missing(title: str, council: str, history: list[Adoption], unit: str) -> list[ImportIssue]:
    """What the document does not state (nothing is made up for it)."""
    out = []
    if not title:
        out.append("no title found: the document does not state one (set it before saving)")
    if not council:
        out.append("no council named in the document")
    adopted = [a for a in history if a.adopted_on]
    if not adopted:
        out.append("no adoption date found: it will be imported as the draft")
    else:
        latest = adopted[-1]
        if not latest.minute_ref:
            out.append("the latest adoption has no minute reference")
        if not latest.review_due:
            out.append("the latest adoption has no review date")
    return [ImportIssue(0, "missing", m, unit) for m in out]


def _council_in_sentence(paras: list[Para]) -> str:
    """A council named only inside a sentence ("This protocol applies to X Town Council")."""
    for para in paras[:400]:  # near the top, where a document says whose it is
        if para.rows is None and _COUNCIL_WORDS.search(para.text):
            name = council_name_in(para.text)
            words = name.split()
            while words and (  # "Adopted by Shavington-cum-Gresty Parish Council"
                words[0].lower() in _NOT_NAMES
                or words[0].lower().endswith(("ed", "ing", "ly"))
                or words[0].islower()
            ):
                words.pop(0)
            name = " ".join(words)
            if len(words) >= 3 and council_name_in(name) == name:
                return name
    return ""


_COUNCIL_WORDS = re.compile(r"(?:town|parish|community|city|village|neighbourhood)\s+council", re.I)
# words that start a sentence before "Town Council" but are no place's name
_NOT_NAMES = set(
    """a an all any each every our your their its this that these those local
whole full new bring contact ask see join email write call inform tell notify report refer
send give make if when where whether please dear chairman chair clerk members councillors
by of on at to for from with and the""".split()
)


def _clean(para: Para) -> Para:
    if para.rows is not None:
        para.rows = [[strip_emphasis(c)[0] for c in row] for row in para.rows]
        return para
    text, bold = strip_emphasis(_CONTROLS.sub("", para.text))
    para.text = " ".join(text.split())
    para.bold = para.bold or bold
    return para


_DOC_WORD = re.compile(
    r"\b(?:protocol|policy|code|procedure|orders|relations|constitution|guidance|scheme)\b", re.I
)
_META_START = re.compile(
    r"\s(?=(?:adopted|accepted|approved|agreed|ratified|last\s+updated|updated|revised|"
    r"reviewed|version)\b)",
    re.I,
)


def _mark_contents(paras: list[Para]) -> None:
    """A table of contents without page numbers: a run of three or more numbered headings
    in a row whose first entry comes again later as a heading. Its lines are marked as
    contents (kept as paragraphs, not taken for empty sections)."""
    index = 0
    while index < len(paras):
        run = []
        previous = ""
        while index < len(paras):
            para = paras[index]
            marker = split_marker(para.text) if para.rows is None else None
            if marker is None or marker.kind != "clause" or not heading_like(marker.text):
                break
            if previous and not _follows(previous, marker.number):
                break  # the numbers start again: the body's first heading
            run.append(para)
            previous = marker.number
            index += 1
        if len(run) >= 3:
            first = run[0].text.casefold()
            later = {p.text.casefold() for p in paras[index:] if p.rows is None}
            if first in later:
                for para in run:
                    para.toc = True
        index += 1


def _follows(previous: str, number: str) -> bool:
    """ "2" follows "1", "1.2" follows "1.1", "2" follows "1.3"."""
    a, b = previous.split("."), number.split(".")
    if not all(p.isdigit() for p in a + b):
        return False
    return int(b[0]) > int(a[0]) or (b[0] == a[0] and len(b) > 1 and b > a)


def _section_title(para: Para) -> bool:
    """ "Section 16: A Protocol for Member/Officer Relations" heading the document is its
    title (all its words kept), not a numbered section."""
    marker = split_marker(para.text)
    return (
        marker.kind == "clause"
        and marker.section_word
        and bool(_DOC_WORD.search(marker.text))
        and len(para.text) <= 120
    )


def _split_title_and_dates(paras: list[Para]) -> list[Para]:
    """A first line carrying the title and the adoption facts ("DUNSTON PARISH COUNCIL
    GRIEVANCE POLICY  Accepted October 2021/ Review October 2024") becomes two lines."""
    for index, para in enumerate(paras[:3]):
        if para.rows is not None or read_meta_line(para.text) is not None:
            continue
        m = _META_START.search(para.text)
        if not m:
            continue
        head, tail = para.text[: m.start()].strip(" -\u2013|,"), para.text[m.end() :].strip()
        ends_title = is_caps(head) or bool(_DOC_WORD.search(head.split()[-1] if head else ""))
        if head and title_like(head) and ends_title and read_meta_line(tail) is not None:
            first = Para(text=head, line=para.line, blank_before=para.blank_before,
                         heading_level=para.heading_level, bold=para.bold)  # fmt: skip
            second = Para(text=tail, line=para.line, blank_before=True)
            return paras[:index] + [first, second] + paras[index + 1 :]
    return paras


def _title_like(para: Para) -> bool:
    if para.rows is not None:
        return False
    if split_marker(para.text).kind == "clause":
        return False
    if para.heading_level is not None:
        return para.text.strip(" :").lower() not in ("contents", "introduction")
    return title_like(para.text)


def _layout(body: list[Para]) -> Layout:
    layout = Layout()
    singles: list[tuple[str, str, Para]] = []
    levels: list[int] = []
    for para in body:
        if para.rows is not None or para.toc:
            continue
        marker = split_marker(para.text)
        if para.heading_level is not None and para.heading_level > 0:
            levels.append(para.heading_level)
        if marker.kind != "clause":
            continue
        if "." in marker.number and not re.fullmatch(r"\d+\.0+", marker.number):
            layout.section_prefixes.add(marker.number.split(".")[0])
        elif "." in marker.number:
            singles.append((marker.number, marker.text, para))
        else:
            singles.append((marker.number, marker.text, para))
    layout.heading_level = min(levels) if levels else None
    layout.dense = len(body) >= 8 and sum(p.blank_before or p.page_break_before for p in body) <= 1
    # single numbers on sentences ("1. There will be held ...") in a run: numbered paragraphs
    plain = [p for n, text, p in singles if p.heading_level is None and not p.auto_list]
    sentences = sum(1 for p in plain if not heading_like(split_marker(p.text).text))
    layout.single_clauses = (
        not layout.section_prefixes and len(plain) >= 4 and sentences >= 0.75 * len(plain)
    )
    if plain:
        indents = [p.indent for p in plain]
        layout.clause_indent = max(set(indents), key=indents.count)
    layout.numbered_headings = any(
        heading_like(text) or para.heading_level is not None for _number, text, para in singles
    )
    return layout


def _quote(text: str) -> str:
    return f"\u201c{_short(text)}\u201d" if text else "an empty paragraph"


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."
