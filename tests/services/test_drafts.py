import datetime as dt

import pytest

from mop_desktop.domain.document import Block, DocumentText, Section
from mop_desktop.domain.records import Adoption, VersionStatus
from mop_desktop.services import drafts
from mop_desktop.store import documents as docs


def text() -> DocumentText:
    return DocumentText(
        title="Member/Officer Relations Protocol",
        sections=[Section("Introduction", [Block("Purpose"), Block("Scope")])],
    ).renumber()


def adopt(store) -> None:
    with store.session() as session:
        doc = docs.ensure_protocol(session)
        version = docs.create_version(
            session, doc, text(), status=VersionStatus.ADOPTED, label="2026"
        )
        docs.append_adoption(
            session,
            doc,
            Adoption("2026", dt.date(2026, 3, 23), "2026-101", text_sha256=version.text_sha256),
            version=version,
        )


def test_no_protocol(store):
    assert drafts.load_current(store) is None
    with pytest.raises(drafts.DraftError, match="no protocol"):
        drafts.start_new_draft(store)


def test_adopted_text_is_read_only_until_a_draft_is_started(store):
    adopt(store)
    current = drafts.load_current(store)
    assert current is not None and not current.editable
    assert current.banner == (
        "Version 2026, adopted 23 March 2026 \u2014 adopted text cannot be changed"
    )
    with pytest.raises(drafts.DraftError, match="no draft"):
        drafts.save_draft(store, current.text)

    draft = drafts.start_new_draft(store)
    assert draft.status == VersionStatus.DRAFT
    current = drafts.load_current(store)
    assert current.editable and current.status == "draft"
    assert current.text.canonical_json() == text().canonical_json()
    assert current.banner.startswith("Draft based on version 2026")
    with store.session() as session:
        doc = docs.protocol_document(session)
        assert docs.draft_of(doc).based_on_id == docs.latest_adopted(doc).id
    with pytest.raises(drafts.DraftError, match="already exists"):
        drafts.start_new_draft(store)


def test_save_draft_keeps_adopted_text(store):
    adopt(store)
    drafts.start_new_draft(store)
    edited = drafts.load_current(store).text
    edited.sections[0].blocks[0].text = "The purpose of this protocol"
    drafts.save_draft(store, edited)
    assert drafts.load_current(store).text.sections[0].blocks[0].text == (
        "The purpose of this protocol"
    )
    with store.session() as session:
        adopted = docs.latest_adopted(docs.protocol_document(session))
        assert docs.load_text(adopted).sections[0].blocks[0].text == "Purpose"


def test_a_broken_character_is_refused_naming_the_clause(store):
    from mop_desktop.domain.document import ListItem
    from mop_desktop.domain.storable import UnstorableText

    adopt(store)
    drafts.start_new_draft(store)
    edited = drafts.load_current(store).text
    edited.sections[0].blocks[1].items = [ListItem("fine"), ListItem("half \ud83d emoji")]
    with pytest.raises(UnstorableText, match="a list item in clause 1.2: .*character 6"):
        drafts.save_draft(store, edited)
    edited.sections[0].blocks[1].items = []
    edited.sections[0].heading = "Intro \ud800"
    with pytest.raises(UnstorableText, match="the heading of section 1"):
        drafts.save_draft(store, edited)
    assert drafts.load_current(store).text.sections[0].heading == "Introduction"
