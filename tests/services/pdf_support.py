"""Helpers for the PDF tests: documents built by hand, samples read into the store, and
reading a PDF back (text, fonts, metadata) with pypdf."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.records import Adoption, Council, VersionStatus
from mop_desktop.store import documents as docs


# -- documents -------------------------------------------------------------------------------
def sample_text(path: Path) -> tuple[DocumentText, list[Adoption], str]:
    """A sample protocol as (text, history, council): the app's importer when it is there,
    else a small reader of the samples' plain-text layout."""
    try:
        from mop_desktop.services.importer import read_protocol

        result = read_protocol(path)
        return result.text, result.history, result.council_name
    except (ImportError, ModuleNotFoundError):
        return _read_plain(path)


_ROW = re.compile(r"^(\S+)\t(\d{1,2})\.(\d{1,2})\.(\d{4})\t(\S+)\t(\w+) (\d{4})\t(.+)$")
_SECTION = re.compile(r"^(\d+)\.\s+(.+)$")
_CLAUSE = re.compile(r"^(?:-\s+)?(\d+\.\d+)\s+(.+)$")


def _read_plain(path: Path) -> tuple[DocumentText, list[Adoption], str]:
    lines = [ln.rstrip() for ln in path.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln.strip()]
    council = ""
    if lines and lines[0].strip().endswith("Council"):
        council = lines.pop(0).strip()
    title = lines.pop(0).strip()
    history: list[Adoption] = []
    doc = DocumentText(title=title)
    numbered = any(_SECTION.match(ln) for ln in lines)
    current: Section | None = None
    for line in lines:
        text = line.strip()
        row = _ROW.match(text)
        if row:
            v, d, m, y, ref, month, year, who = row.groups()
            month_no = dt.datetime.strptime(month, "%B").month
            history.append(
                Adoption(
                    v, dt.date(int(y), int(m), int(d)), ref, dt.date(int(year), month_no, 28), who
                )
            )
            continue
        if text.startswith("Version\t") or text == title:
            continue
        section = _SECTION.match(text)
        clause = _CLAUSE.match(text)
        if numbered and section and not clause:
            current = Section(heading=section.group(2))
            doc.sections.append(current)
            continue
        if (
            not numbered
            and len(text) < 60
            and not text.endswith((".", ":"))
            and not text.startswith("-")
        ):
            current = Section(heading=text, numbered=False)
            doc.sections.append(current)
            continue
        if current is None:
            current = Section(heading="", numbered=numbered)
            doc.sections.append(current)
        if text.startswith("- ") and not clause and current.blocks:
            current.blocks[-1].items.append(ListItem(text[2:].strip()))
            current.blocks[-1].list_style = "bullet"
            continue
        if clause:
            current.blocks.append(Block(text=clause.group(2)))
        else:
            current.blocks.append(Block(text=text, numbered=False))
    return doc.renumber(), history, council


def model_like_text() -> DocumentText:
    """A model protocol built by hand: numbered, nested lists of every style, Welsh names."""
    return DocumentText(
        title="Member/Officer Relations Protocol",
        sections=[
            Section(
                "Introduction",
                [
                    Block(
                        "This protocol guides the relationship between councillors and the "
                        "Clerk of Llanfair\u2011ym\u2011Muallt Town Council (Cyngor Tref), "
                        "including Gwenllian ap Rhys and Dafydd \u0175\u0177 Owen."
                    ),
                    Block(
                        "It costs \u00a3\u00bd a page and \u20ac2 to copy; \u201cquoted\u201d "
                        "and \u2018single\u2019 quotes are kept."
                    ),
                ],
            ),
            Section(
                "Expectations",
                [
                    Block(
                        "Councillors can expect from the Clerk:",
                        list_style="lower-alpha",
                        items=[
                            ListItem("impartial advice;"),
                            ListItem(
                                "timely answers, in particular:",
                                list_style="lower-roman",
                                items=[ListItem("to letters;"), ListItem("to e-mails.")],
                            ),
                            ListItem("respect."),
                        ],
                    ),
                    Block("A sub-clause about courtesy.", level=2),
                    Block(
                        "Officers can expect:",
                        list_style="decimal",
                        items=[ListItem("fair treatment."), ListItem("no undue pressure.")],
                    ),
                ],
            ),
        ],
    ).renumber()


def model_protocol_text() -> DocumentText:
    """The importer's model protocol once it lands; the hand-built one until then."""
    try:
        from mop_desktop.services.importer.model import model_protocol

        return model_protocol()
    except (ImportError, ModuleNotFoundError):
        return model_like_text()


# -- the store -------------------------------------------------------------------------------
def put_adopted(
    store,
    text: DocumentText,
    history: list[Adoption],
    council: str = "",
    *,
    label: str | None = None,
    chair: str = "",
    clerk: str = "",
):
    """Save ``text`` as the adopted version with ``history`` (the last row is its adoption)."""
    if not history:
        history = [
            Adoption("2026", dt.date(2026, 3, 23), "2026-101", dt.date(2027, 3, 31), "G White")
        ]
    with store.session() as session:
        if council:
            session_council = docs.get_council(session)
            session_council.name = council
            session_council.chair = chair
            session_council.clerk = clerk
            docs.save_council(session, session_council)
        doc = docs.ensure_protocol(session, text.title)
        for v in doc.versions:
            if v.status == VersionStatus.ADOPTED:
                v.status = VersionStatus.SUPERSEDED
        version = docs.create_version(
            session,
            doc,
            text,
            status=VersionStatus.ADOPTED,
            label=label or history[-1].version_label,
        )
        for adoption in history:
            last = adoption is history[-1]
            if last:
                adoption.text_sha256 = version.text_sha256
                adoption.chair = adoption.chair or chair
                adoption.clerk = adoption.clerk or clerk
            docs.append_adoption(session, doc, adoption, version=version if last else None)
        return version.label


def put_draft(store, text: DocumentText) -> None:
    """``text`` as the draft (replacing one that exists), as the app starts a draft."""
    from mop_desktop.services.workspace import start_from_text

    start_from_text(store, text)


def set_council(store, council: Council) -> None:
    with store.session() as session:
        docs.save_council(session, council)


# -- reading PDFs back -----------------------------------------------------------------------
def pdf_words(path: Path) -> list[str]:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return text.split()


def pdf_text(path: Path) -> str:
    return " ".join(pdf_words(path))


def contains_in_order(haystack: list[str], needles: list[str]) -> list[str]:
    """The words of ``needles`` not found, in order, in ``haystack`` (empty: all found).
    Words are compared after splitting both sides the same way."""
    joined = " ".join(haystack)
    missing = []
    pos = 0
    for word in needles:
        found = joined.find(word, pos)
        if found < 0:
            missing.append(word)
        else:
            pos = found + len(word)
    return missing


def font_report(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font any page uses."""
    from pypdf import PdfReader

    out: dict[str, bool] = {}
    reader = PdfReader(str(path))
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font.get("/BaseFont"))
            descriptors = []
            if "/FontDescriptor" in font:
                descriptors.append(font["/FontDescriptor"].get_object())
            for child in font.get("/DescendantFonts") or []:
                child = child.get_object()
                if "/FontDescriptor" in child:
                    descriptors.append(child["/FontDescriptor"].get_object())
            embedded = any(
                any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors
            )
            out[name] = out.get(name, True) and embedded
    return sorted(out.items())
