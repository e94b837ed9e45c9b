"""Plain text and Markdown protocols: lines to paragraphs.

Blank lines and page breaks (form feed) separate paragraphs; a wrapped line is joined to the
one before it; Markdown headings (``#``), ``**bold**`` lines, pipe tables (with or without a
separator row) and tab-separated tables are recognised. ``builder.build`` does the rest.
"""

from __future__ import annotations

import re

from mop_desktop.services.importer import ImportResult
from mop_desktop.services.importer.builder import build
from mop_desktop.services.importer.lines import TOC_LINE, Para, split_marker

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*([-=_*~#])(\s*\1){2,}\s*$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SENTENCE_END = (".", ":", ";", "!", "?")
_LONE_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,4}\.?|\(?[a-z]\)|\(?[ivx]{1,5}\))$")


def parse_text(text: str, *, markdown: bool = False, source: str = "") -> ImportResult:
    return build(text_paragraphs(text, markdown=markdown), source)


def _lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in ("\u2028", "\u2029", "\x0b", "\x85"):
        text = text.replace(sep, "\n")
    text = text.replace("\f", "\n\f\n")
    return text.split("\n")


def _indent(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " " or ch == "\u00a0":
            width += 1
        elif ch == "\t":
            width += 4
        else:
            break
    return width


def _cells_tab(line: str) -> list[str]:
    return [c.strip() for c in line.strip(" \n").rstrip().split("\t")]


def _cells_pipe(line: str) -> list[str] | None:
    stripped = line.strip()
    if stripped.count("|") < 2 and not (stripped.startswith("|") and stripped.endswith("|")):
        return None
    parts = stripped.split("|")
    if stripped.startswith("|"):
        parts = parts[1:]
    if stripped.endswith("|"):
        parts = parts[:-1]
    return [p.strip() for p in parts] if len(parts) >= 2 else None


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None for one line per paragraph."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 5:
        return None
    high = lengths[int(len(lengths) * 0.9)]
    return high if 50 <= high <= 110 else None


def text_paragraphs(text: str, *, markdown: bool = False) -> list[Para]:
    lines = _lines(text)
    width = _wrap_width(lines)
    # a text with a paragraph on every line and (almost) no blank lines (copied from a web
    # page): every line stands alone, as if blank lines were between them
    filled = [line for line in lines if line.strip()]
    one_per_line = (
        width is None
        and len(filled) >= 8
        and len(lines) - len(filled) < len(filled) * 0.1
        and sum(len(line) > 120 for line in filled) >= 2
    )
    # a blank line after (almost) every line: the blank lines do not part paragraphs
    runs = sum(1 for a, b in zip(lines, lines[1:], strict=False) if a.strip() and not b.strip())
    double_spaced = len(filled) >= 8 and runs >= 0.6 * len(filled)
    paras: list[Para] = []
    blank = False
    page = False
    current: Para | None = None  # the paragraph that a following line may continue
    last_line = ""
    index = 0
    while index < len(lines):
        raw = lines[index].replace("\u00a0", " ").rstrip()
        lineno = index + 1
        index += 1
        if raw == "\f":
            page, current = True, None
            continue
        if not raw.strip() or _RULE.match(raw):
            blank = True
            if current is None or not _LONE_NUMBER.match(current.text):
                current = None
            continue
        # tables: a run of pipe rows, or of two or more rows with tabs between 3+ cells
        table = _table_at(lines, index - 1)
        if table is not None:
            rows, used = table
            paras.append(Para(text="", line=lineno, rows=rows, blank_before=blank,
                              page_break_before=page))  # fmt: skip
            index = index - 1 + used
            blank = page = False
            current = None
            continue
        stripped = raw.strip()
        heading = _MD_HEADING.match(stripped) if markdown or stripped.startswith("#") else None
        if heading and (markdown or len(heading.group(1)) <= 3):
            level = len(heading.group(1))
            paras.append(Para(text=heading.group(2), line=lineno, blank_before=blank,
                              page_break_before=page, heading_level=level))  # fmt: skip
            blank = page = False
            current = None
            continue
        if markdown:
            stripped = re.sub(r"^(?:>\s*)+", "", stripped)  # a block quote
            stripped = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", stripped)
        marker = split_marker(stripped)
        if current is not None and _LONE_NUMBER.match(current.text):
            current.text = f"{current.text} {stripped}"  # "1.1" on a line of its own
            last_line = raw
            continue
        if _LONE_NUMBER.match(stripped) and _page_number_before_heading(lines, index, stripped):
            # "1" alone, and "1. Introduction" a few lines on: the PDF's page number
            paras.append(Para(text=stripped, line=lineno, blank_before=True,
                              page_break_before=page))  # fmt: skip
            blank = page = False
            current = None
            last_line = raw
            continue
        if (
            current is not None
            and marker.kind == ""
            and not _LONE_NUMBER.match(stripped)  # a number alone starts something new
            and not current.toc
            and not TOC_LINE.search(raw)
            and _continues(current, last_line, stripped, _indent(raw), width, markdown)
        ):
            current.text = f"{current.text} {stripped}"
            last_line = raw
            continue
        last = paras[-1] if paras else None
        if (
            double_spaced and blank and not markdown and last is not None and last.rows is None
            and marker.kind == "" and stripped[:1].islower() and not last.toc
            and not last.text.rstrip("*").endswith((".", ":", "!", "?"))  # "...;" / "and"
        ):  # fmt: skip
            # a text copied out of a PDF with a blank line after every line: "... by
            # discouraging the" / (blank) / "harbouring of grievances;" is one sentence
            last.text = f"{last.text} {stripped}"
            blank = page = False
            current = last
            last_line = raw
            continue
        para = Para(text=stripped, line=lineno, indent=_indent(raw),
                    blank_before=blank or one_per_line, page_break_before=page,
                    toc=bool(TOC_LINE.search(raw)))  # fmt: skip
        paras.append(para)
        blank = page = False
        current = para
        last_line = raw
    return paras


def _page_number_before_heading(lines: list[str], index: int, number: str) -> bool:
    """A bare "1" whose number starts a heading or clause within the next few lines."""
    if not number.isdigit():
        return False
    following = [line.strip() for line in lines[index : index + 8] if line.strip()][:5]
    return any(re.match(rf"{number}(?:\.\s|\s)", line) for line in following)


def _continues(
    current: Para, last_line: str, line: str, indent: int, width: int | None, markdown: bool
) -> bool:
    """Whether ``line`` carries on the paragraph ``current`` (a wrapped line)."""
    previous = last_line.rstrip()
    if markdown:
        return not last_line.endswith("  ") and not last_line.endswith("\\")
    if split_marker(current.text).kind == "item" and indent >= current.indent + 2:
        return True
    if line[:1].islower() and not previous.endswith(_SENTENCE_END):
        return True
    if width is None:
        return False
    first_word = line.split()[0]
    return len(previous) + 1 + len(first_word) > width - 2


def _table_at(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """A table starting at ``lines[start]``: its rows and how many lines it takes."""
    first = lines[start].rstrip()
    if _cells_pipe(first) is not None:
        rows: list[list[str]] = []
        used = 0
        for line in lines[start:]:
            if not line.strip():
                break
            if _PIPE_SEPARATOR.match(line):
                used += 1
                continue
            cells = _cells_pipe(line)
            if cells is None:
                break
            rows.append(cells)
            used += 1
        if len(rows) >= 2 or (rows and used > 1):
            return rows, used
        return None
    if "\t" not in first.strip() or split_marker(first.strip()).kind:
        return None
    rows = []
    for line in lines[start:]:
        stripped = line.strip()
        if "\t" not in stripped:
            break
        cells = _cells_tab(line)
        if sum(1 for c in cells if c) < (3 if not rows else 2):
            break
        rows.append(cells)
    if len(rows) >= 2:
        return rows, len(rows)
    return None
