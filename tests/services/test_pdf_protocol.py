"""The protocol PDF: every word of the text, every font embedded, a title in the metadata,
the version table and sign-off, DRAFT and SUPERSEDED marks."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from mop_desktop.domain.records import Council
from mop_desktop.services.pdf.exports import PdfError, export_pdf, list_exports
from mop_desktop.store import documents as docs
from tests.services.pdf_support import (
    font_report,
    model_protocol_text,
    pdf_text,
    pdf_words,
    put_adopted,
    put_draft,
    sample_text,
    set_council,
)

SAMPLES = ("borough-model-protocol.txt", "peacehaven-protocol.txt")


def missing_words(expected: list[str], pdf: Path) -> list[str]:
    """Words of ``expected`` that the PDF's text does not hold, in order."""
    got = pdf_words(pdf)
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    found = sum(block.size for block in matcher.get_matching_blocks())
    if found == len(expected):
        return []
    kept = set()
    for block in matcher.get_matching_blocks():
        kept.update(range(block.a, block.a + block.size))
    return [w for i, w in enumerate(expected) if i not in kept]


def assert_fonts_embedded(pdf: Path) -> None:
    fonts = font_report(pdf)
    assert fonts, "the PDF names no fonts"
    assert [name for name, embedded in fonts if not embedded] == []
    assert all("DejaVuSans" in name for name, _e in fonts)
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        rows = out.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), out


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_pdf_holds_every_word_embeds_fonts_and_has_a_title(store, samples, tmp_path, name):
    text, history, council = sample_text(samples / name)
    label = put_adopted(store, text, history, council or "Example Town Council")
    out = tmp_path / "protocol.pdf"
    info = export_pdf(store, out)

    assert info.kind == "protocol" and info.version_label == label
    assert info.pages >= 2
    assert missing_words(text.plain_words(), out) == []
    assert_fonts_embedded(out)
    reader = PdfReader(str(out))
    meta = reader.metadata
    assert meta.title == text.title
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert meta.subject and label in meta.subject
    assert meta.author == (council or "Example Town Council")


def test_model_protocol_pdf_holds_every_word(store, tmp_path):
    text = model_protocol_text()
    put_draft(store, text)
    out = tmp_path / "model.pdf"
    export_pdf(store, out, draft=True)
    assert missing_words(text.plain_words(), out) == []
    assert_fonts_embedded(out)
    assert PdfReader(str(out)).metadata.title == text.title


def test_welsh_and_typographic_characters_survive(store, tmp_path):
    from tests.services.pdf_support import model_like_text

    text = model_like_text()
    put_adopted(store, text, [], "Cyngor Tref Llanfair\u0175\u0177")
    out = tmp_path / "cy.pdf"
    export_pdf(store, out)
    words = pdf_text(out)
    for needle in (
        "Llanfair\u0175\u0177",
        "\u0175\u0177",
        "\u00a3\u00bd",
        "\u20ac2",
        "\u201cquoted\u201d",
        "\u2018single\u2019",
    ):
        assert needle in words


def test_every_page_has_header_footer_and_page_x_of_y(store, samples, tmp_path):
    text, history, _c = sample_text(samples / SAMPLES[0])
    put_adopted(store, text, history, "Borough Green Town Council")
    out = tmp_path / "p.pdf"
    info = export_pdf(store, out)
    pages = PdfReader(str(out)).pages
    assert len(pages) == info.pages
    for number, page in enumerate(pages, start=1):
        page_text = " ".join((page.extract_text() or "").split())
        assert "Borough Green Town Council" in page_text
        assert text.title in page_text
        assert f"Version {info.version_label}" in page_text
        assert f"Page {number} of {len(pages)}" in page_text


def test_version_table_and_sign_off(store, samples, tmp_path):
    text, history, _c = sample_text(samples / SAMPLES[0])
    set_council(store, Council(name="Borough Green Town Council"))
    put_adopted(
        store, text, history, "Borough Green Town Council", chair="Cllr A Jones", clerk="B Smith"
    )
    out = tmp_path / "p.pdf"
    export_pdf(store, out)
    words = pdf_text(out)
    assert "Version Date of Adoption Minute Reference Review Date Originator/Reviewer" in words
    for adoption in history:
        assert adoption.minute_ref in words
    last = history[-1]
    assert (
        f"Adopted by Borough Green Town Council on "
        f"{last.adopted_on.day} {last.adopted_on:%B %Y}, minute {last.minute_ref}."
    ) in words
    assert "Cllr A Jones" in words and "Chair of the Council" in words
    assert "B Smith" in words and "Clerk to the Council" in words


def test_draft_and_superseded_are_marked(store, tmp_path):
    from tests.services.pdf_support import model_like_text

    text = model_like_text()
    first = put_adopted(store, text, [], "Example Town Council")
    second = text.clone()
    second.sections[0].blocks[0].text += " Revised."
    import datetime as dt

    from mop_desktop.domain.records import Adoption

    put_adopted(
        store, second, [Adoption("2027", dt.date(2027, 3, 22), "2027-12")], "Example Town Council"
    )
    put_draft(store, second)

    draft_pdf, old_pdf, new_pdf = tmp_path / "d.pdf", tmp_path / "o.pdf", tmp_path / "n.pdf"
    export_pdf(store, draft_pdf, draft=True)
    export_pdf(store, old_pdf, version_label=first)
    export_pdf(store, new_pdf)
    assert "DRAFT" in pdf_text(draft_pdf) and "not adopted" in pdf_text(draft_pdf)
    # the title block used to say "Draft" and then "Draft for consideration ..."
    first_page = PdfReader(str(draft_pdf)).pages[0].extract_text()
    assert "Draft Draft" not in " ".join(first_page.split())
    assert "Draft for consideration by Full Council: not adopted" in first_page
    assert "Sign-off" not in pdf_text(draft_pdf)
    assert "SUPERSEDED" in pdf_text(old_pdf) and "(superseded)" in pdf_text(old_pdf)
    assert "SUPERSEDED" not in pdf_text(new_pdf) and "DRAFT" not in pdf_text(new_pdf)
    kinds = [(e.kind, e.version_label) for e in list_exports(store)]
    assert kinds == [("protocol", "2027"), ("protocol", first), ("draft", "")]


def test_errors_are_one_line_and_write_nothing(store, tmp_path):
    with pytest.raises(PdfError, match="no protocol yet"):
        export_pdf(store, tmp_path / "x.pdf")
    from tests.services.pdf_support import model_like_text

    put_adopted(store, model_like_text(), [], "Example Town Council")
    with pytest.raises(PdfError, match="no version labelled 'nope'"):
        export_pdf(store, tmp_path / "x.pdf", version_label="nope")
    with pytest.raises(PdfError, match="no draft"):
        export_pdf(store, tmp_path / "x.pdf", draft=True)
    with pytest.raises(PdfError, match="does not exist"):
        export_pdf(store, tmp_path / "missing" / "x.pdf")
    assert list(tmp_path.glob("*.pdf")) == []
    assert list_exports(store) == []


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(store, tmp_path, monkeypatch):
    from tests.services.pdf_support import model_like_text

    put_adopted(store, model_like_text(), [], "Example Town Council")
    folder = tmp_path / "pack"
    folder.mkdir()
    out = folder / "protocol.pdf"
    out.write_bytes(b"the previous export")
    from mop_desktop.services.pdf import layout

    def broken(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(layout, "render", broken)
    with pytest.raises(RuntimeError):
        export_pdf(store, out)
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in folder.iterdir()) == ["protocol.pdf"]
    assert list_exports(store) == []


def _png(path: Path, colour: str) -> bytes:
    from PIL import Image

    Image.new("RGB", (120, 40), colour).save(path, "PNG")
    return path.read_bytes()


def _image_count(pdf: Path) -> int:
    count = 0
    for page in PdfReader(str(pdf)).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


def test_logo_and_signature_images_from_settings(store, tmp_path):
    from sqlalchemy import select

    from mop_desktop.store import settings
    from mop_desktop.store.models import CouncilRow
    from tests.services.pdf_support import model_like_text

    put_adopted(
        store, model_like_text(), [], "Example Town Council", chair="A Chair", clerk="A Clerk"
    )
    plain = tmp_path / "plain.pdf"
    export_pdf(store, plain)
    assert _image_count(plain) == 0  # signature lines, no pictures

    with store.session() as session:
        session.scalars(select(CouncilRow)).first().logo = _png(tmp_path / "logo.png", "navy")
        settings.put(session, settings.SIGNATURE_CHAIR, str(tmp_path / "chair.png"))
        settings.put(session, settings.SIGNATURE_CLERK, str(tmp_path / "missing.png"))
    _png(tmp_path / "chair.png", "black")
    # the images are recorded with an adoption made while they are in Settings
    _adopt_again(store, chair="A Chair", clerk="A Clerk")
    signed = tmp_path / "signed.pdf"
    export_pdf(store, signed)
    assert _image_count(signed) == 2  # the logo and the chair's signature; no clerk's file
    assert "A Chair" in pdf_text(signed) and "A Clerk" in pdf_text(signed)


def _adopt_again(store, *, chair: str = "", clerk: str = "", on: str = "2026-05-14") -> None:
    from mop_desktop.services.adoption import AdoptionRequest, adopt
    from mop_desktop.services.drafts import start_new_draft

    start_new_draft(store)
    adopt(
        store,
        AdoptionRequest(
            adopted_on=on, minute_ref="FC 26/77", reviewer="G White", chair=chair, clerk=clerk
        ),
        today=dt.date(2026, 6, 1),
    )


def test_a_version_prints_only_the_sign_off_recorded_with_its_own_adoption(store, tmp_path):
    """An imported 2021 version with no sign-off recorded prints no names and no signature
    images, whoever is chair and clerk today; a later adoption keeps its own."""
    from mop_desktop.domain.records import Adoption
    from mop_desktop.store import settings
    from tests.services.pdf_support import model_like_text

    put_adopted(
        store,
        model_like_text(),
        [
            Adoption("2021", dt.date(2021, 12, 16), "FC 21/88", dt.date(2022, 12, 31), "R Old"),
        ],
        "Example Town Council",
    )
    with store.session() as session:
        council = docs.get_council(session)
        council.chair, council.clerk = "Cllr Today Chair", "Today Clerk"
        docs.save_council(session, council)
        settings.put(session, settings.SIGNATURE_CHAIR, str(tmp_path / "chair.png"))
        settings.put(session, settings.SIGNATURE_CLERK, str(tmp_path / "clerk.png"))
    _png(tmp_path / "chair.png", "black")
    _png(tmp_path / "clerk.png", "grey")
    old = tmp_path / "2021.pdf"
    export_pdf(store, old)
    text = pdf_text(old)
    assert "16 December 2021" in text
    assert "Today Chair" not in text and "Today Clerk" not in text
    assert _image_count(old) == 0

    _adopt_again(store, chair="Cllr Today Chair", clerk="Today Clerk")
    with store.session() as session:  # the chair changes after that adoption
        settings.put(session, settings.SIGNATURE_CHAIR, "")
        council = docs.get_council(session)
        council.chair = "Cllr Next Chair"
        docs.save_council(session, council)
    new = tmp_path / "2026.pdf"
    export_pdf(store, new)
    assert "Cllr Today Chair" in pdf_text(new) and "Next Chair" not in pdf_text(new)
    assert _image_count(new) == 2  # both signatures as recorded with the 2026 adoption
    again = tmp_path / "2021-again.pdf"
    export_pdf(store, again, version_label="2021")
    assert _image_count(again) == 0 and "Today Chair" not in pdf_text(again)


def _pages_of(pdf: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(pdf)).pages]


@pytest.mark.parametrize("name", SAMPLES)
def test_no_heading_ends_a_page_without_its_first_clause(store, samples, tmp_path, name):
    """A heading whose first clause leads into a list (Peacehaven's "Limitations upon
    behaviour") used to end page 2 with its clause on page 3; every heading now shares its
    page with the first words of its first clause, in the protocol and in the report."""
    text, history, council = sample_text(samples / name)
    put_adopted(store, text, history, council or "Example Town Council")
    put_draft(store, text.clone())
    checked = 0
    for out, options in (
        (tmp_path / "protocol.pdf", {}),
        (tmp_path / "report.pdf", {"redline": True}),
    ):
        export_pdf(store, out, **options)
        pages = _pages_of(out)
        for section in text.sections:
            if not section.heading.strip() or not section.blocks:
                continue
            heading = " ".join(section.heading.split())
            first = " ".join(section.blocks[0].text.split()[:4])
            holding = [p for p in pages if heading in p]
            assert holding, f"{heading!r} not found in {out.name}"
            assert any(first in p for p in holding), (
                f"{out.name}: {heading!r} ends a page without {first!r}"
            )
            checked += 1
    assert checked >= 8
