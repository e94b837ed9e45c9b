"""The status bar's line reads as a sentence in every state of the protocol."""

from mop_desktop.domain.document import Block, DocumentText, Section
from mop_desktop.services.status import status_line
from mop_desktop.services.workspace import start_from_text


def test_no_protocol(store):
    assert status_line(store) == "No protocol yet"


def test_a_draft_with_no_adoption_starts_with_a_capital(store):
    start_from_text(store, DocumentText("Protocol", [Section("Intro", [Block("text")])]))
    line = status_line(store)
    assert line == "Draft in progress \u00b7 no review date set"
