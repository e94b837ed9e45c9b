"""The clerk's choices about the program itself: whether it starts with the computer, and
whether the first-run welcome has been answered (with the council's name typed there)."""

from __future__ import annotations

from mop_desktop.domain.document import DocumentText
from mop_desktop.services.workspace import has_document, start_from_text
from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from mop_desktop.store.db import Store


def start_with_computer(store: Store) -> bool:
    with store.session() as session:
        return settings.get(session, settings.START_WITH_COMPUTER)


def set_start_with_computer(store: Store, enabled: bool) -> None:
    with store.session() as session:
        settings.put(session, settings.START_WITH_COMPUTER, enabled)


def needs_welcome(store: Store) -> bool:
    """No protocol yet and the welcome not answered."""
    if has_document(store):
        return False
    with store.session() as session:
        return not settings.get(session, settings.WELCOME_DONE)


def finish_welcome(store: Store, council_name: str = "") -> None:
    """The council's name (if typed) and that the welcome has been answered, together."""
    name = " ".join(council_name.split())
    with store.session() as session:
        if name:
            council = docs.get_council(session)
            council.name = name
            docs.save_council(session, council)
        settings.put(session, settings.WELCOME_DONE, True)


def start_protocol(store: Store, text: DocumentText, council_name: str = "") -> None:
    """The welcome's model or blank choice: ``text`` as the draft, then the answer saved."""
    start_from_text(store, text)
    finish_welcome(store, council_name)
