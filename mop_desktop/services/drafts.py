"""The draft the clerk edits: start one from the adopted text, save it, load what the
protocol page shows. Adopted text is never changed here; editing starts a new draft."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mop_desktop.domain.dates import format_long
from mop_desktop.domain.document import DocumentText, ListItem
from mop_desktop.domain.storable import check_storable
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store
from mop_desktop.store.models import VersionRow
from mop_desktop.store.protocol_repo import protocol_from_row, reading


class DraftError(Exception):
    """A draft operation that cannot be done; the message is one line for the clerk."""


class DraftConflict(DraftError):
    """The draft was saved by someone else since this copy of it was loaded: saving would
    overwrite their changes, so nothing was written. ``saved_by`` and ``saved_at`` say who
    and when (UTC); reload the draft to carry on from their text."""

    def __init__(self, saved_by: str, saved_at: dt.datetime | None, revision: int) -> None:
        self.saved_by = saved_by or "someone else"
        self.saved_at = saved_at
        self.revision = revision
        when = ""
        if saved_at is not None:
            local = saved_at.replace(tzinfo=dt.UTC).astimezone()
            when = f" at {local:%H:%M} on {format_long(local.date())}"
        super().__init__(
            f"the draft was saved by {self.saved_by}{when} since you opened it: reload it to "
            "see their changes (yours were not saved)"
        )


def officer_name() -> str:
    """Who is saving, as recorded with the draft: ``MOP_OFFICER`` (a name the officer chose),
    else the operating system's user name."""
    import getpass
    import os

    name = os.environ.get("MOP_OFFICER", "").strip()
    if name:
        return name[:80]
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in this environment
        return "an officer"


@dataclass
class CurrentText:
    """What the protocol page needs to show the current document."""

    text: DocumentText
    status: str  # "draft" or "adopted"
    label: str  # version label ("2026"), "" when the version has none
    editable: bool  # only a draft can be edited
    version_id: int
    adopted_on: dt.date | None = None
    based_on_label: str = ""
    revision: int = 0  # the saves of this version so far (``save_draft(..., revision=)``)

    @property
    def banner(self) -> str:
        """The line shown above the text."""
        name = f"Version {self.label}" if self.label else "This version"
        if self.editable:
            base = f" based on version {self.based_on_label}" if self.based_on_label else ""
            return f"Draft{base} \u2014 changes are saved as you type"
        adopted = f", adopted {format_long(self.adopted_on)}" if self.adopted_on else ", adopted"
        return f"{name}{adopted} \u2014 adopted text cannot be changed"


def load_current(store: Store) -> CurrentText | None:
    """The draft if there is one, else the latest adopted version; None with no protocol."""
    with reading(store) as repo:
        protocol = repo.protocol()
        version = protocol.current if protocol is not None else None
        if protocol is None or version is None:
            return None
        standing = protocol.standing_adoption(version)
        base = protocol.version(version.based_on_id) if version.based_on_id is not None else None
        return CurrentText(
            text=repo.text(version),
            status=str(version.status),
            label=version.label or "",
            editable=version.is_draft,
            version_id=version.id,
            adopted_on=standing.adopted_on if standing is not None else None,
            based_on_label=(base.label or "") if base is not None else "",
            revision=version.revision,
        )


def start_new_draft(store: Store) -> VersionRow:
    """A new draft holding a copy of the latest adopted text, ``based_on`` that version."""
    with store.session() as session:
        doc = docs.protocol_document(session)
        if doc is None:
            raise DraftError("there is no protocol yet: import one or start from the model")
        protocol = protocol_from_row(doc)
        if protocol.draft is not None:
            raise DraftError("a draft already exists: carry on editing it")
        adopted = docs.latest_adopted(doc)
        if adopted is None:
            raise DraftError("there is no adopted version to start a draft from")
        text = docs.load_text(adopted)
        return docs.create_version(session, doc, text, based_on=adopted)


def check_text(text: DocumentText) -> None:
    """Refuse text that cannot be stored (a broken character from a bad paste), naming the
    part where it is, before anything is hashed or written."""
    text.renumber()
    check_storable(text.title, "the title")

    def walk(items: list[ListItem], where: str) -> None:
        for item in items:
            check_storable(item.text, f"a list item in {where}")
            walk(item.items, where)

    for s, section in enumerate(text.sections, start=1):
        name = f"section {section.number}" if section.number else f"section {s} (unnumbered)"
        check_storable(section.heading, f"the heading of {name}")
        for b, block in enumerate(section.blocks, start=1):
            where = f"clause {block.number}" if block.number else f"paragraph {b} of {name}"
            check_storable(block.text, where)
            walk(block.items, where)


def save_draft(
    store: Store, text: DocumentText, *, revision: int | None = None, saver: str | None = None
) -> int:
    """Write ``text`` into the draft, in one transaction, and return the draft's new revision.

    ``revision`` is the revision the text was loaded at (``CurrentText.revision``): if the
    stored draft has moved on since (someone saved it on another PC or in another window),
    ``DraftConflict`` is raised and nothing is written. ``None`` saves whatever is stored
    (the command line, which has no earlier copy). ``saver`` is recorded as who saved it
    (``officer_name()`` when not given). Raises ``UnstorableText`` (a ValueError naming the
    part) for text that cannot be stored; the store is then unchanged."""
    from mop_desktop.store.models import utcnow

    check_text(text)
    with store.write_session() as session:  # the revision read and the write are one step
        doc = docs.protocol_document(session)
        draft = docs.draft_of(doc) if doc else None
        if doc is None or draft is None:
            raise DraftError("there is no draft to save: start a new draft first")
        stored = draft.revision or 0
        if revision is not None and stored != revision:
            raise DraftConflict(draft.saved_by, draft.saved_at, stored)
        docs.write_text(session, draft, text)
        if text.title:
            doc.title = text.title
        draft.revision = stored + 1
        draft.saved_by = saver or officer_name()
        draft.saved_at = utcnow()
        return stored + 1
