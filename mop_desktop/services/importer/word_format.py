"""Word's formatting as the importer needs it: paragraph styles (with their basedOn chain,
read once into a table) and automatic list numbering (numPr / numbering part)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mop_desktop.domain.numbering import to_alpha, to_roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _on(element: Any) -> bool:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``) is on."""
    return element is not None and element.get(W + "val", "true") not in ("0", "false", "off")


class Styles:
    """The document's paragraph styles by id, with each style's basedOn chain cached."""

    def __init__(self, document: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default: str | None = None
        try:
            root = document.styles.element
        except Exception:
            root = None
        for style in root.findall(W + "style") if root is not None else []:
            style_id = style.get(W + "styleId")
            self.by_id[style_id] = style
            if style.get(W + "type") == "paragraph" and _on(style.find(W + "default")):
                self.default = style_id
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
                self.default = style_id
        self._chains: dict[str | None, list[Any]] = {}

    def chain(self, p: Any) -> list[Any]:
        """The paragraph's style and the styles it is based on, nearest first."""
        ppr = p.find(W + "pPr")
        pstyle = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = pstyle.get(W + "val") if pstyle is not None else self.default
        if style_id not in self._chains:
            chain: list[Any] = []
            current = self.by_id.get(style_id) if style_id else None
            while current is not None and current not in chain and len(chain) < 20:
                chain.append(current)
                based = current.find(W + "basedOn")
                current = self.by_id.get(based.get(W + "val")) if based is not None else None
            self._chains[style_id] = chain
        return self._chains[style_id]


def _name(style: Any) -> str:
    name = style.find(W + "name")
    return (name.get(W + "val") if name is not None else "").lower()


def is_toc(chain: list[Any]) -> bool:
    return any(_name(s).startswith("toc") for s in chain)


def heading_level(chain: list[Any], p: Any) -> int | None:
    """0 for the Title style, 1-9 for headings (outline level or Heading N), else None."""
    for element in [p.find(W + "pPr")] + [s.find(W + "pPr") for s in chain]:
        level = element.find(W + "outlineLvl") if element is not None else None
        if level is not None and int(level.get(W + "val", "9")) < 9:
            return int(level.get(W + "val", "9")) + 1
    for style in chain:
        name = _name(style)
        if name == "title":
            return 0
        match = re.fullmatch(r"heading\s*(\d)", name)
        if match:
            return int(match.group(1))
    return None


def all_bold(p: Any, chain: list[Any]) -> bool:
    """Every run with text in it is bold (directly or through the paragraph style)."""
    style_bold = any(_on(s.find(f"{W}rPr/{W}b")) for s in chain)
    runs = [r for r in p.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()]
    if not runs:
        return False
    for run in runs:
        b = run.find(f"{W}rPr/{W}b")
        if not (style_bold if b is None else _on(b)):
            return False
    return True


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False


@dataclass
class Numbering:
    """Word's list numbering: counters per abstract list, restarted by start overrides."""

    document: Any
    styles: Styles
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
                style = self.styles.by_id[style_id]
                num_id = style.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val")
                abstract_id = self.nums[num_id][0]
            except (AttributeError, KeyError):
                break
        return abstract_id

    def marker(self, p: Any, chain: list[Any]) -> tuple[str, int]:
        """The printed marker of paragraph ``p`` ("2.1", "a)", a bullet) and its list level;
        ("", 0) for a paragraph that Word does not number. Counts as Word does."""
        num_id, ilvl = None, None
        for element in [p.find(W + "pPr")] + [s.find(W + "pPr") for s in chain]:
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
