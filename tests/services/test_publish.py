"""Publishing: the accessible web page, the Word document (Word's own styles and numbering) and
the council-pack changes as Word tracked changes, checked on what the files hold."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mop_desktop.services.pdf.exports import list_exports
from mop_desktop.services.publish.exports import ExportError, export_document
from tests.domain.test_diff import adopted, draft_with_four_changes
from tests.services.pdf_support import put_adopted, put_draft, sample_text

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Page(HTMLParser):
    """Tags, attributes and text of a page, as a test needs them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.by_tag: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)
        self.by_tag.setdefault(tag, []).append("")

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if "style" in self.stack:
            return
        self.text.append(data)
        for tag in set(self.stack):
            self.by_tag[tag][-1] += data

    def words(self) -> list[str]:
        return " ".join(self.text).split()


def _words(doc) -> list[str]:
    return doc.plain_words()


@pytest.fixture
def borough(store):
    text, history, council = sample_text(SAMPLES / "borough-model-protocol.txt")
    put_adopted(store, text, history, council or "Oakford Town Council")
    return text


def _page(store, tmp_path, **kw) -> tuple[str, Page]:
    out = tmp_path / "protocol.html"
    export_document(store, out, **kw)
    html = out.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    return html, page


def test_web_page_structure_and_every_word(store, borough, tmp_path):
    html, page = _page(store, tmp_path)
    tags = [t for t, _ in page.tags]
    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en-GB"}) in page.tags
    assert tags.count("h1") == 1 and page.by_tag["h1"] == [borough.title]
    assert page.by_tag["title"][0].startswith(borough.title)
    headed = [s for s in borough.sections if s.heading.strip()]
    assert len(page.by_tag["h2"]) == len(headed) + 1  # and the sign-off
    for section, h2 in zip(headed, page.by_tag["h2"], strict=False):
        assert h2 == f"{section.number}{section.heading}" if section.number else section.heading
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert not re.search(r"(src|href)\s*=\s*[\"']?https?:", html)  # nothing fetched
    words = page.words()
    expected = _words(borough)
    assert [w for w in expected if w not in words] == []
    # clause numbers are text beside their clause
    for _section, block in borough.iter_blocks():
        if block.number:
            assert block.number in words


def test_web_page_lists_and_version_table(store, tmp_path):
    from mop_desktop.domain.document import Block, DocumentText, ListItem, Section

    text = DocumentText(
        "Protocol",
        [
            Section(
                "Expectations",
                [
                    Block(
                        "Councillors can expect:",
                        items=[
                            ListItem("courtesy"),
                            ListItem(
                                "information",
                                items=[ListItem("in writing"), ListItem("on time")],
                                list_style="lower-roman",
                            ),
                        ],
                        list_style="lower-alpha",
                    ),
                    Block("Also:", items=[ListItem("a bullet")]),
                ],
            )
        ],
    ).renumber()
    put_adopted(store, text, [], "Oakford Town Council")
    html, page = _page(store, tmp_path)
    tags = [t for t, _ in page.tags]
    assert tags.count("ol") == 2 and tags.count("ul") == 1
    assert "a)courtesy" in html.replace('<span class="marker">', "").replace("</span>", "")
    assert "i)</span>in writing" in html and "ii)</span>on time" in html
    assert ("table", {}) in page.tags and page.by_tag["caption"] == ["Version history"]
    assert [a.get("scope") for t, a in page.tags if t == "th"] == ["col"] * 5
    assert "23 March 2026" in " ".join(page.text)
    assert "Adopted by Oakford Town Council on 23 March 2026" in " ".join(page.text)


def test_web_page_escapes_user_text(store, tmp_path):
    from mop_desktop.domain.document import Block, DocumentText, Section

    text = DocumentText(
        "<script>alert(1)</script>", [Section("A & B", [Block('<img src=x onerror="y">')])]
    ).renumber()
    put_adopted(store, text, [], "Oakford <b>Town</b> Council")
    html, page = _page(store, tmp_path)
    assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
    assert page.by_tag["h1"] == ["<script>alert(1)</script>"]


def _docx_xml(path) -> tuple[str, str, str]:
    with zipfile.ZipFile(path) as z:
        return (
            z.read("word/document.xml").decode(),
            z.read("word/numbering.xml").decode(),
            z.read("docProps/core.xml").decode(),
        )


def test_word_document_styles_numbering_table_and_properties(store, borough, tmp_path):
    import docx

    out = tmp_path / "protocol.docx"
    info = export_document(store, out)
    assert info.kind == "protocol"
    document = docx.Document(str(out))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", borough.title) in styles
    headed = [s for s in borough.sections if s.heading.strip()]
    headings = [t for s, t in styles if s == "Heading 1"]
    assert headings[0] == "Version history"
    assert headings[1 : 1 + len(headed)] == [s.heading for s in headed]  # numbers are Word's
    body, numbering, core = _docx_xml(out)
    clause_paragraphs = [
        p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    numbered = [b for _s, b in borough.iter_blocks() if b.number]
    list_items = sum(len(b.items) for _s, b in borough.iter_blocks())
    assert len(clause_paragraphs) >= len(numbered) + list_items
    assert "<w:tblHeader/>" in body
    assert 'w:lvlText w:val="%1.%2"' in numbering
    assert "<dc:title>" + borough.title in core and "<dc:language>en-GB" in core
    assert "Oakford Town Council" in core
    text = " ".join(p.text for p in document.paragraphs)
    for cell_row in document.tables[0].rows:
        text += " " + " ".join(c.text for c in cell_row.cells)
    missing = [w for w in _words(borough) if w not in text.split()]
    assert missing == []


def test_word_document_keeps_a_source_numbering_that_skips():
    """An imported document whose own numbers skip keeps them as typed (Word's numbering
    would print 1.2 for the second clause)."""
    import docx

    from mop_desktop.domain.document import Block, DocumentText, Section
    from mop_desktop.services.publish.word_document import add_body
    from mop_desktop.services.publish.word_numbering import follows_position

    skipping = DocumentText(
        "Protocol",
        [
            Section(
                "Roles", [Block("First.", number="1.1"), Block("Third.", number="1.3")], number="1"
            )
        ],
    )
    assert not follows_position(skipping)
    assert follows_position(skipping.clone().renumber())
    document = docx.Document()
    add_body(document, skipping)
    texts = [p.text for p in document.paragraphs]
    assert texts == ["1\tRoles", "1.1\tFirst.", "1.3\tThird."]


@pytest.fixture
def redline_docx(store, tmp_path):
    put_adopted(store, adopted(), [], "Example Town Council")
    put_draft(store, draft_with_four_changes())
    out = tmp_path / "report.docx"
    info = export_document(store, out, redline=True, author="Jo Clerk")
    return out, info


def test_tracked_changes_hold_each_change(redline_docx):
    out, info = redline_docx
    assert info.kind == "redline"
    body, _numbering, _core = _docx_xml(out)
    inserted = " ".join(re.findall(r"<w:ins [^>]*>(?:<w:r>)?<w:t[^>]*>([^<]*)</w:t>", body))
    deleted = " ".join(re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", body))
    assert 'w:author="Jo Clerk"' in body
    assert "continue" in deleted  # the reworded clause lost a word
    assert "Respect, dignity and courtesy." in deleted  # a removed list item
    assert "Councillors and officers shall be courteous at meetings." in inserted  # a new clause
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml").decode()
    assert "Moved from 1.3" in comments


def test_accepting_every_change_gives_the_draft(redline_docx):
    """Drop deletions and keep insertions: the words are the draft's words."""
    out, _info = redline_docx
    body, _n, _c = _docx_xml(out)
    body = re.sub(r"<w:del [^>]*>.*?</w:del>", "", body, flags=re.S)
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", body, flags=re.S)
    text = " ".join("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs)
    words = text.replace("\t", " ").split()
    draft = draft_with_four_changes()
    for _section, block in draft.iter_blocks():
        assert " ".join(block.text.split()) in " ".join(words)


def test_export_refusals_and_record(store, borough, tmp_path):
    with pytest.raises(ExportError, match="name the file .pdf, .html or .docx"):
        export_document(store, tmp_path / "protocol.odt")
    with pytest.raises(ExportError, match="as PDF"):
        export_document(store, tmp_path / "report.html", redline=True)
    info = export_document(store, tmp_path / "web.html")
    assert any(e.sha256 == info.sha256 and e.path.endswith("web.html") for e in list_exports(store))


def test_export_command_line(cli, store, borough, tmp_path):
    out = tmp_path / "p.docx"
    code, stdout, err = cli("export", "-o", str(out))
    assert code == 0, err
    assert "Word document" in stdout and out.exists()
    code, _out, err = cli("export", "-o", str(tmp_path / "p.txt"))
    assert code == 2 and "name the file" in err and "Traceback" not in err
