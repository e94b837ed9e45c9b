"""Recognising what starts a line of a protocol: a clause number, a list marker, a heading.

``Para`` is one paragraph of the source (a text line or several joined, a Word paragraph, or
a table), with what the reader knows about it. ``split_marker`` reads its leading marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mop_desktop.domain.numbering import to_alpha, to_roman
from mop_desktop.domain.textdates import find_date


@dataclass
class Para:
    text: str
    line: int = 0  # first source line (1-based), or paragraph number for .docx
    indent: int = 0  # columns before the marker
    blank_before: bool = False
    page_break_before: bool = False
    heading_level: int | None = None  # markdown '#' count or Word heading style level
    bold: bool = False  # the whole line is bold (**...** or bold runs)
    rows: list[list[str]] | None = None  # a table
    auto_list: bool = False  # Word numbering put the marker there
    toc: bool = False  # a line of a table of contents
    meta: object | None = field(default=None, repr=False)  # set by the builder


# -- markers ----------------------------------------------------------------------------------
BULLETS = "-*\u2022\u2013\u2014\u00b7\u25aa\u25e6\u25cb\u25cf\u25a0\u25a1\u27a2\u27a4\u25ba\u2043\u2219\uf0b7\uf0a7\uf076\uf0d8\uf0fc"  # noqa: E501
_BULLET = re.compile(rf"^([{re.escape(BULLETS)}]|o(?=\s))\s+(?P<rest>.*)$", re.S)
_CLAUSE = re.compile(
    r"^(?:\*\*)?(?P<num>\d{1,3}(?:\.\d{1,3}){0,4})(?P<dot>\\?\.)?(?:\*\*)?"
    r"(?P<sep>\s+|\t|$)(?:\*\*\s*)?(?P<rest>.*)$",
    re.S,
)
_GLUED_CLAUSE = re.compile(  # "1.3All responses": the space after the number lost
    r"^(?P<num>\d{1,3}(?:\.\d{1,3}){1,4})(?P<dot>)(?P<sep>)(?P<rest>[A-Z][a-z].*)$", re.S
)
_SECTION_WORD = re.compile(
    r"^(?:section|part|clause|article)\s+(?P<num>\d{1,3})\s*(?:[.:)\-\u2013\u2014]\s*|\s+)"
    r"(?P<rest>.*)$",
    re.I | re.S,
)
_PAREN_ITEM = re.compile(r"^\((?P<m>[a-zA-Z]{1,5}|\d{1,3})\)\s*(?P<rest>.*)$", re.S)
_CLOSE_ITEM = re.compile(r"^(?P<m>[a-zA-Z]{1,5}|\d{1,3})\)\s*(?P<rest>.*)$", re.S)
_DOT_ITEM = re.compile(r"^(?P<m>[a-z]{1,5}|[A-Z])\\?\.\s+(?P<rest>.*)$", re.S)
_SPACE_ITEM = re.compile(r"^(?P<m>[a-z])\s+(?P<rest>\S.*)$", re.S)
_ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def roman_value(text: str) -> int | None:
    t = text.lower()
    if not t or not _ROMAN.match(t):
        return None
    for n in range(1, 40):
        if to_roman(n) == t:
            return n
    return None


def alpha_value(text: str) -> int | None:
    t = text.lower()
    if len(t) == 1 and t.isalpha():
        return ord(t) - ord("a") + 1
    if len(t) == 2 and t[0] == t[1] and t.isalpha():  # aa, bb ...
        return 26 + ord(t[0]) - ord("a") + 1
    return None


@dataclass
class Marker:
    """What starts a paragraph. ``kind`` is "clause", "item" or "" (none)."""

    kind: str
    text: str  # the rest, without the marker
    number: str = ""  # clause number without trailing dot ("2.1")
    dot: bool = False  # the clause number had a trailing dot ("1.")
    style: str = ""  # list style for items, or "alpha|roman" when either could be meant
    value: int = 0  # position the marker names (a=1, iv=4, 3)
    alt_value: int = 0  # value as a letter, when style is "alpha|roman"
    bulleted: bool = False  # a bullet stood before a clause number or letter ("- 1.1")
    weak: bool = False  # "a text": a letter only counts when it continues a list
    section_word: bool = False  # "Section 2 - ..."
    raw: str = ""  # for a weak letter: the text after the bullet, letter included


def _item(marker: str, rest: str, *, bulleted: bool = False, weak: bool = False) -> Marker:
    if marker.isdigit():
        return Marker("item", rest, style="decimal", value=int(marker), bulleted=bulleted)
    r = roman_value(marker)
    a = alpha_value(marker)
    if r is not None and a is not None and len(marker) > 1:
        a = None
    if r is not None and a is not None:
        return Marker("item", rest, style="alpha|roman", value=r, alt_value=a,
                      bulleted=bulleted, weak=weak)  # fmt: skip
    if a is not None:
        return Marker("item", rest, style="lower-alpha", value=a, bulleted=bulleted, weak=weak)
    if r is not None:
        return Marker("item", rest, style="lower-roman", value=r, bulleted=bulleted, weak=weak)
    return Marker("", "")


@lru_cache(maxsize=4096)
def split_marker(text: str) -> Marker:
    """The marker at the start of ``text`` (already stripped of indentation)."""
    bulleted = False
    rest = text
    bullet = _BULLET.match(text)
    if bullet:
        bulleted = True
        rest = bullet.group("rest")
    clause = _CLAUSE.match(rest) or _GLUED_CLAUSE.match(rest)
    if clause and clause.group("rest").strip():
        number = clause.group("num")
        dot = bool(clause.group("dot"))
        inner = _CLAUSE.match(clause.group("rest").strip())
        if "." not in number and inner and "." in inner.group("num") and inner.group("rest"):
            clause = inner  # "1. 1.1 The Council ...": a list's number before the typed one
            number, dot = inner.group("num"), bool(inner.group("dot"))
        if "." in number or dot or clause.group("sep").startswith("\t") or not bulleted:
            if not _looks_like_quantity(number, clause.group("rest")):
                return Marker(
                    "clause", clause.group("rest").strip().removeprefix("**").strip(),
                    number=number, dot=dot, bulleted=bulleted,
                )  # fmt: skip
    section = _SECTION_WORD.match(rest)
    if section and section.group("rest").strip():
        return Marker("clause", section.group("rest").strip(), number=section.group("num"),
                      section_word=True, bulleted=bulleted)  # fmt: skip
    for pattern in (_PAREN_ITEM, _CLOSE_ITEM, _DOT_ITEM):
        m = pattern.match(rest)
        if m and m.group("rest").strip():
            item = _item(m.group("m"), m.group("rest").strip(), bulleted=bulleted)
            if item.kind:
                return item
    if bulleted:
        m = _SPACE_ITEM.match(rest)
        if m:
            item = _item(m.group("m"), m.group("rest").strip(), bulleted=True, weak=True)
            if item.kind:
                item.raw = rest.strip()
                return item
        return Marker("item", rest.strip(), style="bullet", bulleted=True)
    return Marker("", text)


def _looks_like_quantity(number: str, rest: str) -> bool:
    """'2026 was ...', '17.3.2020 ...' are not clause numbers."""
    parts = number.split(".")
    return any(len(p) > 2 for p in parts) or (len(parts) == 1 and int(parts[0]) > 99)


def marker_text(style: str, value: int) -> str:
    if style == "lower-alpha":
        return to_alpha(value)
    if style == "lower-roman":
        return to_roman(value)
    return str(value)


# -- headings ---------------------------------------------------------------------------------
_COUNCIL = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019.\-]*\s+(?:(?:and|on|upon|under|in|the|le|de|cum|with|by|"
    r"next|juxta|en)\s+)*)+(?:Town|Parish|Community|City|Village|Neighbourhood)\s+Council)\b"
)


def council_name_in(text: str) -> str:
    """The council named in ``text`` ("Peacehaven Town Council"), or ""."""
    caps = is_caps(text)
    probe = text.title() if caps else text  # "NEWTOWN PARISH COUNCIL" is matched as written
    m = _COUNCIL.search(probe)
    if not m:
        return ""
    start = m.start("name")
    name = text[start : m.end("name")] if caps else m.group("name")
    name = re.sub(r"^(?:The|Of|For)\s+", "", name, flags=re.I).strip()
    first = name.split()[0].title()
    if first in {"Town", "Parish", "Community", "City", "Village", "Neighbourhood"}:
        return ""
    return name


def is_council_line(text: str) -> bool:
    name = council_name_in(text)
    return bool(name) and re.sub(r"^(?:The)\s+", "", text.strip(" ."), flags=re.I) == name


TOC_LINE = re.compile(r"(?:\.{4,}|\u2026{2,}|(?:\. ){3,}|\t)\s*\d{1,3}\s*$")
_NOT_TITLES = {"introduction", "purpose", "background", "scope", "overview", "contents"}


def title_like(text: str) -> bool:
    """A heading that could be the document's title (not "Introduction" or "Contents")."""
    return heading_like(text) and text.strip(" :").lower() not in _NOT_TITLES


def heading_like(text: str) -> bool:
    """A short line that could stand alone as a heading: few words, no closing full stop,
    comma, semicolon or colon (a question mark is allowed)."""
    t = text.strip()
    if t.endswith((":-", ":\u2013")):  # "The meeting standard agenda:-" leads into a list
        return False
    if not t or len(t) > 90 or len(t.split()) > 12:
        return False
    if t[-1] in ".,;:" or t.endswith("etc") or find_date(t) is not None:
        return False
    first = t.lstrip("\"'\u201c\u2018(")[:1]
    return first.isupper() or first.isdigit()


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def strip_emphasis(text: str) -> tuple[str, bool]:
    """Markdown bold/underline markers removed; True when the whole text was bold."""
    t = text.strip()
    if "**" not in t and "__" not in t:
        return t, False
    whole = False
    m = re.fullmatch(r"(\*\*|__)(.+?)\1([:.]?)", t)
    if m and "**" not in m.group(2):
        whole = True
    t = _EMPHASIS.sub(r"\2", t)
    t = re.sub(r"(?<=\S)\*\*(?=\s|$)", "", t)  # a stray "**" after a number or word
    t = re.sub(r"(^|\s)\*\*(?=\S)", r"\1", t)
    return t.strip(), whole
