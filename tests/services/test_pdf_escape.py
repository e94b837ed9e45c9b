"""User text is text: markup prints literally, no file is ever opened, control characters
are marked, very long clauses and big version tables lay out."""

from __future__ import annotations

import builtins
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.records import Adoption, Council
from mop_desktop.services.pdf.content import ProtocolSource
from mop_desktop.services.pdf.escape import REPLACEMENT, para
from mop_desktop.services.pdf.layout import PageInfo, render
from mop_desktop.services.pdf.protocol import protocol_story

HOSTILE = [
    "Fish & Chips < Pie > Mash",
    "&lt; stays as typed &amp; &#169; too",
    '<img src=/etc/passwd> and <img src="/etc/hostname" width=10 height=10/>',
    "<font color=red size=40>big</font> <b>bold?</b>",
    '</para> closes nothing <para> <br/> <a href="file:///etc/passwd">link</a>',
    "bell\x07 nul\x00 escape\x1b end",
]


def source(
    text: DocumentText,
    history: list[Adoption] | None = None,
    council: str = "Example <b>Town</b> & Council",
) -> ProtocolSource:
    history = history or [
        Adoption(
            "2026 <v>",
            dt.date(2026, 3, 23),
            "<img src=x>",
            dt.date(2027, 3, 31),
            "G & H White",
            chair="<i>Chair</i>",
            clerk="Clerk & Co",
        )
    ]
    return ProtocolSource(
        version_id=1,
        status="adopted",
        label=history[-1].version_label,
        council=Council(name=council, chair="<i>Chair</i>", clerk="Clerk & Co"),
        text=text,
        adoption=history[-1],
        history=history,
        logo=None,
        signature_chair=None,
        signature_clerk=None,
    )


def hostile_text() -> DocumentText:
    return DocumentText(
        title="Protocol <title> & more",
        sections=[
            Section("<h1>Heading</h1> & co", [Block(t) for t in HOSTILE]),
            Section(
                "Lists",
                [
                    Block(
                        "Lead <in>:", list_style="lower-alpha", items=[ListItem(t) for t in HOSTILE]
                    )
                ],
            ),
        ],
    ).renumber()


def build(src: ProtocolSource) -> bytes:
    out = io.BytesIO()
    render(
        out,
        protocol_story(src),
        PageInfo(src.council.name, src.text.title, "Version <x>", "subject & <s>"),
    )
    return out.getvalue()


def extract(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((p.extract_text() or "") for p in reader.pages).split())


def test_para_escapes_markup_and_marks_control_characters():
    assert para("a & b < c > d") == "a &amp; b &lt; c &gt; d"
    assert para("&lt;") == "&amp;lt;"
    assert para("x\x07y\x00z") == f"x{REPLACEMENT}y{REPLACEMENT}z"
    assert para("one\ntwo\tthree") == "one<br/>two three"


def test_markup_prints_literally_and_no_file_is_opened(monkeypatch):
    from mop_desktop.services.pdf import fonts

    fonts.register_fonts()  # the shipped fonts are read before the guard goes up
    from mop_desktop.services.pdf.layout import styles

    styles()
    opened: list[str] = []

    def refuse(*args, **kwargs):
        opened.append(repr(args[:1]))
        raise AssertionError(f"a file was opened while printing user text: {args[:1]}")

    import reportlab.lib.utils as rl_utils
    import reportlab.platypus.paraparser as paraparser

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(io, "open", refuse)
    monkeypatch.setattr(rl_utils, "open_for_read", refuse)
    monkeypatch.setattr(paraparser, "ImageReader", refuse)
    data = build(source(hostile_text()))
    monkeypatch.undo()
    assert opened == []

    text = extract(data)
    expected_clean = [
        "Fish & Chips < Pie > Mash",
        "&lt; stays as typed &amp; &#169; too",
        '<img src=/etc/passwd> and <img src="/etc/hostname" width=10 height=10/>',
        "<font color=red size=40>big</font> <b>bold?</b>",
        '</para> closes nothing <para> <br/> <a href="file:///etc/passwd">link</a>',
        f"bell{REPLACEMENT} nul{REPLACEMENT} escape{REPLACEMENT} end",
    ]
    for line in expected_clean:
        assert text.count(line) == 2, line  # once as a clause, once as a list item
    for typed in (
        "Protocol <title> & more",
        "<h1>Heading</h1> & co",
        "Lead <in>:",
        "Example <b>Town</b> & Council",
        "<i>Chair</i>",
        "Clerk & Co",
        "G & H White",
        "Version <x>",
    ):
        assert typed in text, typed
    assert PdfReader(io.BytesIO(data)).metadata.title == "Protocol <title> & more"


def test_a_50000_character_clause_lays_out_with_every_word():
    words = [f"word{i}" for i in range(7000)]
    clause = " ".join(words)
    assert len(clause) > 50_000
    long_word = "x" * 3000  # one unbroken "word" far wider than the page
    text = DocumentText("Long", [Section("Long", [Block(clause), Block(long_word)])]).renumber()
    data = build(source(text))
    got = extract(data).split()
    assert [w for w in got if w.startswith("word")] == words
    assert "".join(w for w in got if set(w) == {"x"}).count("x") == 3000
    assert len(PdfReader(io.BytesIO(data)).pages) > 10


def test_a_version_table_of_100_rows_splits_across_pages_with_its_heading_repeated():
    history = [
        Adoption(
            f"v{n:03d}",
            dt.date(1926 + n // 12, n % 12 + 1, 1),
            f"M{n:03d}",
            dt.date(1927 + n // 12, n % 12 + 1, 28),
            f"Reviewer {n}",
        )
        for n in range(100)
    ]
    text = DocumentText("Protocol", [Section("One", [Block("A clause.")])]).renumber()
    data = build(source(text, history))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 3
    all_text = extract(data)
    for n in range(100):
        assert f"M{n:03d}" in all_text
    headed = [p for p in reader.pages if "Originator/Reviewer" in (p.extract_text() or "")]
    assert len(headed) >= 3  # the heading row repeats on every page the table reaches


@pytest.mark.parametrize("bad", [b"", b"not an image", b"\x89PNG\r\n\x1a\nbroken"])
def test_a_damaged_logo_or_signature_is_left_out(bad):
    src = source(DocumentText("P", [Section("S", [Block("x")])]).renumber())
    src.logo = bad
    src.signature_chair = bad
    assert extract(build(src)).startswith("Example")
