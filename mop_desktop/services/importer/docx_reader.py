"""Word (.docx) protocols through python-docx.

Paragraphs and tables are read in body order. Word's automatic numbering (a paragraph's or
its style's ``numPr``: ``numId`` and ``ilvl``, resolved through the numbering part's
``numFmt``/``lvlText``/``start``) is written out as the marker the reader would see ("2.1",
"a)", "iv.", a bullet), so numbered clauses and lists come out as they print. Heading styles
give headings; headers and footers are searched for the council's name and adoption lines.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from mop_desktop.domain.numbering import to_alpha, to_roman
from mop_desktop.services.importer import ImportFailed, ImportResult
from mop_desktop.services.importer.builder import build
from mop_desktop.services.importer.lines import Para, council_name_in, is_council_line

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + "pPr", W + "rPr", W + "drawing", W + "pict", MC + "AlternateContent", W + "object"}


def read_docx(data: bytes, name: str) -> ImportResult:
    document = _open(data, name)
    numbering = _Numbering(document)
    paras: list[Para] = []
    state = {"blank": False, "page": False, "count": 0}
    for element in _body_elements(document.element.body):
        if element.tag == W + "tbl":
            rows = _table_rows(element)
            if rows:
                paras.append(Para(text="", line=state["count"] + 1, rows=rows,
                                  blank_before=bool(state["blank"]),
                                  page_break_before=bool(state["page"])))  # fmt: skip
                state.update(blank=False, page=False)
            continue
        state["count"] += 1
        text, page_before, page_after = _paragraph_text(element)
        style = _style_of(document, element)
        marker, ilvl = numbering.marker(element, style)
        if page_before:
            state["page"] = True
        pieces = [p for p in text.split("\n")]
        if not any(p.strip() for p in pieces):
            state["blank"] = True
            if page_after:
                state["page"] = True
            continue
        level = _heading_level(style, element)
        for position, piece in enumerate(pieces):
            if not piece.strip():
                continue
            first = position == 0
            body = f"{marker} {piece.strip()}" if (first and marker) else piece.strip()
            paras.append(
                Para(
                    text=body,
                    line=state["count"],
                    indent=ilvl * 4 if marker else 0,
                    blank_before=True,  # every Word paragraph stands on its own
                    page_break_before=bool(state["page"]),
                    heading_level=level if first else None,
                    bold=_all_bold(element, style),
                    auto_list=bool(marker),
                    toc=_is_toc(style),
                )
            )
            state.update(blank=False, page=False)
        if page_after:
            state["page"] = True
    extra, council = _headers_and_footers(document)
    return build(paras, name, extra_meta=extra, extra_council=council, unit="paragraph")


def _open(data: bytes, name: str) -> Any:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailed(f"{name}: is an old Word .doc file: save it as .docx and import that")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFailed(f"{name}: is not a Word document (.docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise ImportFailed(f"{name}: is a zip file but not a Word document")
            bad = archive.testzip()
            if bad is not None:
                raise ImportFailed(f"{name}: is damaged ({bad} cannot be read)")
        import docx

        return docx.Document(io.BytesIO(data))
    except ImportFailed:
        raise
    except Exception as exc:  # zip, XML and package errors all mean the same to the clerk
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ImportFailed(f"{name}: is damaged or not a Word document ({reason})") from None


def _body_elements(body: Any) -> list[Any]:
    out: list[Any] = []
    for child in body:
        if child.tag in (W + "p", W + "tbl"):
            out.append(child)
        elif child.tag in (W + "sdt", W + "customXml", W + "ins"):
            content = child.find(W + "sdtContent")
            out.extend(_body_elements(content if content is not None else child))
    return out


def _paragraph_text(p: Any) -> tuple[str, bool, bool]:
    """The paragraph's text ("\\n" for a line break), a page break before it, and one at its
    end (a page break inside a run ends the page after the text before it)."""
    parts: list[str] = []
    page_before = False
    page_after = False
    ppr = p.find(W + "pPr")
    if ppr is not None and ppr.find(W + "pageBreakBefore") is not None:
        page_before = True

    def walk(element: Any) -> None:
        nonlocal page_after
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") == "page":
                    if "".join(parts).strip():
                        page_after = True
                        parts.append("\n")
                    else:
                        nonlocal_page[0] = True
                else:
                    parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    nonlocal_page = [False]
    walk(p)
    return "".join(parts), page_before or nonlocal_page[0], page_after


def _cell_text(tc: Any) -> str:
    texts = []
    for p in tc.iter(W + "p"):
        text, _, _ = _paragraph_text(p)
        if text.strip():
            texts.append(" ".join(text.split()))
    return " ".join(texts)


def _table_rows(tbl: Any) -> list[list[str]]:
    rows = []
    for tr in tbl.iter(W + "tr"):
        if tr.getparent() is not tbl and tr.getparent().tag != W + "sdtContent":
            continue  # rows of a nested table are read with their cell
        cells = [_cell_text(tc) for tc in tr if tc.tag == W + "tc"]
        if any(cells):
            rows.append(cells)
    return rows


def _style_of(document: Any, p: Any) -> Any:
    ppr = p.find(W + "pPr")
    style_id = None
    if ppr is not None and ppr.find(W + "pStyle") is not None:
        style_id = ppr.find(W + "pStyle").get(W + "val")
    try:
        return document.styles.element.get_by_id(style_id) if style_id else \
            document.styles.element.default_for(1)  # fmt: skip
    except Exception:
        return None


def _style_chain(style: Any) -> list[Any]:
    chain = []
    seen = set()
    while style is not None and id(style) not in seen:
        seen.add(id(style))
        chain.append(style)
        based = style.find(W + "basedOn")
        if based is None:
            break
        root = style.getparent()
        style = next(
            (s for s in root.findall(W + "style") if s.get(W + "styleId") == based.get(W + "val")),
            None,
        )
    return chain


def _is_toc(style: Any) -> bool:
    for s in _style_chain(style):
        name_el = s.find(W + "name")
        name = (name_el.get(W + "val") if name_el is not None else "").lower()
        if name.startswith("toc"):
            return True
    return False


def _heading_level(style: Any, p: Any) -> int | None:
    ppr = p.find(W + "pPr")
    for element in [ppr] + [s.find(W + "pPr") for s in _style_chain(style)]:
        if element is not None and element.find(W + "outlineLvl") is not None:
            level = int(element.find(W + "outlineLvl").get(W + "val", "9"))
            if level < 9:
                return level + 1
    for s in _style_chain(style):
        name_el = s.find(W + "name")
        name = (name_el.get(W + "val") if name_el is not None else "").lower()
        if name == "title":
            return 0
        m = re.fullmatch(r"heading\s*(\d)", name)
        if m:
            return int(m.group(1))
    return None


def _all_bold(p: Any, style: Any) -> bool:
    style_bold = any(
        s.find(f"{W}rPr/{W}b") is not None
        and s.find(f"{W}rPr/{W}b").get(W + "val", "true") not in ("0", "false")
        for s in _style_chain(style)
    )
    runs = [r for r in p.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()]
    if not runs:
        return False
    for run in runs:
        b = run.find(f"{W}rPr/{W}b")
        bold = style_bold if b is None else b.get(W + "val", "true") not in ("0", "false")
        if not bold:
            return False
    return True


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False


@dataclass
class _Numbering:
    """Word's list numbering: counters per abstract list, restarted by start overrides."""

    document: Any
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    abstracts: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    links: dict[str, str] = field(default_factory=dict)  # abstractNum -> numbering style id

    def __post_init__(self) -> None:
        try:
            root = self.document.part.numbering_part.element
        except Exception:
            return
        for abstract in root.findall(W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(W + "lvl"):
                levels[int(lvl.get(W + "ilvl", "0"))] = _Level(
                    fmt=_val(lvl, "numFmt", "decimal"),
                    text=_val(lvl, "lvlText", ""),
                    start=int(_val(lvl, "start", "1") or 1),
                    legal=lvl.find(W + "isLgl") is not None,
                )
            self.abstracts[abstract.get(W + "abstractNumId")] = levels
            link = abstract.find(W + "numStyleLink")
            if link is not None and not levels:
                self.links[abstract.get(W + "abstractNumId")] = link.get(W + "val", "")
        for num in root.findall(W + "num"):
            abstract_id = _val(num, "abstractNumId", "")
            overrides = {}
            for override in num.findall(W + "lvlOverride"):
                start = override.find(W + "startOverride")
                if start is not None:
                    overrides[int(override.get(W + "ilvl", "0"))] = int(start.get(W + "val", "1"))
            self.nums[num.get(W + "numId")] = (abstract_id, overrides)

    def _follow_link(self, abstract_id: str) -> str:
        """A list that only names a numbering style (numStyleLink) takes that style's list."""
        for _ in range(3):
            style_id = self.links.get(abstract_id)
            if not style_id:
                break
            try:
                style = self.document.styles.element.get_by_id(style_id)
                num_id = style.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val")
                abstract_id = self.nums[num_id][0]
            except (AttributeError, KeyError):
                break
        return abstract_id

    def marker(self, p: Any, style: Any) -> tuple[str, int]:
        num_id, ilvl = None, None
        ppr = p.find(W + "pPr")
        sources = [ppr] + [s.find(W + "pPr") for s in _style_chain(style)]
        for element in sources:
            numpr = element.find(W + "numPr") if element is not None else None
            if numpr is None:
                continue
            if num_id is None and numpr.find(W + "numId") is not None:
                num_id = numpr.find(W + "numId").get(W + "val")
            if ilvl is None and numpr.find(W + "ilvl") is not None:
                ilvl = int(numpr.find(W + "ilvl").get(W + "val", "0"))
        if not num_id or num_id == "0" or num_id not in self.nums:
            return "", 0
        ilvl = ilvl or 0
        abstract_id, overrides = self.nums[num_id]
        abstract_id = self._follow_link(abstract_id)
        levels = self.abstracts.get(abstract_id, {})
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                counters[level] = start - 1
                for deeper in [k for k in counters if k > level]:
                    del counters[deeper]
        level_def = levels.get(ilvl, _Level())
        counters[ilvl] = counters.get(ilvl, level_def.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level_def.fmt == "bullet":
            return "\u2022", ilvl
        if level_def.fmt == "none" or not level_def.text:
            return "", ilvl

        def fill(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            definition = levels.get(k, _Level())
            value = counters.get(k, definition.start)
            fmt = "decimal" if level_def.legal else definition.fmt
            return _format(fmt, value)

        return re.sub(r"%(\d)", fill, level_def.text).strip(), ilvl


def _val(element: Any, tag: str, default: str) -> str:
    child = element.find(W + tag)
    return child.get(W + "val", default) if child is not None else default


def _format(fmt: str, value: int) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        return to_alpha(value)
    if fmt in ("lowerRoman", "upperRoman"):
        return to_roman(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _headers_and_footers(document: Any) -> tuple[list[str], str]:
    lines: list[str] = []
    council = ""
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):  # fmt: skip
            try:
                if part.is_linked_to_previous:
                    continue
                for p in part._element.iter(W + "p"):
                    text, _, _ = _paragraph_text(p)
                    for piece in text.replace("\t", "\n").split("\n"):
                        piece = " ".join(piece.split())
                        if not piece:
                            continue
                        lines.append(piece)
                        if not council and (is_council_line(piece) or council_name_in(piece)):
                            council = council_name_in(piece)
            except Exception:
                continue
    return lines, council
