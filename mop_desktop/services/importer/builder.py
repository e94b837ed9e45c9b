"""From a reader's paragraphs to an ``ImportResult``: council, title, history and body.

Shared by the text and the Word readers. The steps: find the version table and the adoption
lines (they go into the history only when they are read with confidence), take the council's
name and the title from the top, then build the body (``structure.BodyBuilder``).
"""

from __future__ import annotations

import re

from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.records import Adoption
from mop_desktop.services.importer import ImportResult
from mop_desktop.services.importer.history import (
    MetaLine,
    merge_history,
    read_meta_line,
    read_version_table,
    version_table_columns,
)
from mop_desktop.services.importer.lines import (
    Para,
    council_name_in,
    heading_like,
    is_council_line,
    split_marker,
    strip_emphasis,
    title_like,
)
from mop_desktop.services.importer.structure import BodyBuilder, Layout

DEFAULT_TITLE = "Member/Officer Relations Protocol"
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
            meta = read_meta_line(para.text)
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
    for index, para in enumerate(paras):
        if index in consumed:
            continue
        if index in replaced:
            front.extend(replaced[index])
            continue
        text = para.text
        if para.toc:
            body_start = index
            break
        if para.rows is None and not council and is_council_line(text):
            council = council_name_in(text)
            continue
        if para.rows is None and not title and _title_like(para):
            title = text
            council = council or council_name_in(text)
            continue
        if title and para.rows is None and text.casefold() == title.casefold():
            continue
        body_start = index
        break
    if not title:
        title = DEFAULT_TITLE
        warnings.append(f"no title found: using \u201c{DEFAULT_TITLE}\u201d")
    council = council or extra_council

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
    for position, para in enumerate(body):
        nxt = body[position + 1] if position + 1 < len(body) else None
        if para.meta and isinstance(para.meta, str):
            builder.new_block(para.text, "", para, para.meta)
            continue
        if para.toc:
            builder.new_block(para.text, "", para, "contents line kept as a paragraph")
            continue
        builder.add(para, nxt)
    sections = builder.finish()
    text = DocumentText(title=title, sections=sections)
    for section in sections:
        if section.doubtful:
            where = builder.source_line(section)
            heading = _short(section.heading)
            warnings.append(f"{unit} {where}: heading \u201c{heading}\u201d: {section.doubtful}")
        for block in section.blocks:
            if block.doubtful:
                where = builder.source_line(block)
                label = f"clause {block.number}" if block.number else _quote(block.text)
                warnings.append(f"{unit} {where}: {label}: {block.doubtful}")
    return ImportResult(
        text=text,
        council_name=council,
        history=merged.adoptions,
        warnings=warnings,
        source=source,
    )


def _clean(para: Para) -> Para:
    if para.rows is not None:
        para.rows = [[strip_emphasis(c)[0] for c in row] for row in para.rows]
        return para
    text, bold = strip_emphasis(_CONTROLS.sub("", para.text))
    para.text = " ".join(text.split())
    para.bold = para.bold or bold
    return para


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
    layout.numbered_headings = any(
        number in layout.section_prefixes or heading_like(text) or para.heading_level is not None
        for number, text, para in singles
    )
    return layout


def _quote(text: str) -> str:
    return f"\u201c{_short(text)}\u201d" if text else "an empty paragraph"


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."
