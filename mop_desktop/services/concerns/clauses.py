"""The clauses a concern can point at, cited as the adopted protocol shows them.

A numbered protocol: its clause numbers ("3.1"). A protocol without clause numbers: its
section numbers where the sections are numbered, else its headings ("Roles"), and the
paragraphs under them ("paragraph 3 under Expectations"); never a number the document does
not print.
"""

from __future__ import annotations

from mop_desktop.domain.document import DocumentText
from mop_desktop.store.db import Store
from mop_desktop.store.documents import latest_adopted, load_text, protocol_document

WORDS = 70


def protocol_clauses(store: Store) -> list[tuple[str, str]]:
    """(citation, opening words) of what a concern can cite in the latest adopted version
    (``citations``); empty when nothing is adopted."""
    with store.session() as session:
        doc = protocol_document(session)
        version = latest_adopted(doc) if doc is not None else None
        if version is None:
            return []
        text = load_text(version)
    return citations(text)


def _opening(text: str) -> str:
    words = " ".join(text.split())
    return words[:WORDS] + ("\u2026" if len(words) > WORDS else "")


def _plain(citation: str) -> str:
    """A concern keeps its citations as one comma-separated list: no comma inside one."""
    return " ".join(citation.replace(",", " ").replace(";", " ").split())


def citations(text: DocumentText) -> list[tuple[str, str]]:
    """(citation, opening words): the numbered clauses; for a document without clause
    numbers, each section (its number if it prints one, else its heading, with no opening
    words) and the paragraphs under it, counted as a reader counts them."""
    numbered = [
        (block.number, _opening(block.text))
        for _section, block in text.iter_blocks()
        if block.number and block.numbered
    ]
    if numbered:
        return numbered
    out: list[tuple[str, str]] = []
    for section in text.sections:
        heading = _plain(section.heading)
        if section.numbered and section.number:
            name = section.number
            out.append((name, _opening(section.heading)))
        elif heading:
            name = heading
            out.append((name, ""))
        else:
            name = ""
        paragraphs = [b for b in section.blocks if b.text.strip()]
        for position, block in enumerate(paragraphs, start=1):
            where = f"under {name}" if name else "before the first heading"
            out.append((f"paragraph {position} {where}", _opening(block.text)))
    return out
