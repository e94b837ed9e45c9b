"""Why a change was made: short notes the clerk attaches to the changes of a draft ("to
reflect the new Code of Conduct"), shown beside each change in the council-pack report.

Plain Python. A note is tied to a change by the text it changes: a clause kept from, moved
within or removed from the adopted version by the adopted wording (which never changes, so the
note stays with the clause however much it is reworded); a new clause by its wording when the
note was written, found again by similarity if it has been edited since.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from mop_desktop.domain.diff import SIMILAR, ClauseChange, DocumentDiff

MAX_NOTE = 500  # characters; a note is a line, not an essay


@dataclass(frozen=True)
class ChangeNote:
    kind: str  # "heading" or "block"
    old: str | None  # the adopted wording (None for a new clause or heading)
    new: str | None  # the draft's wording when the note was written (new ones only)
    note: str


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _is_new(e: ClauseChange) -> bool:
    return e.added or e.old_text is None


def note_for(e: ClauseChange, notes: list[ChangeNote]) -> ChangeNote | None:
    """The note attached to the change ``e``, if any."""
    if not _is_new(e):
        old = _norm(e.old_text)
        return next(
            (n for n in notes if n.old is not None and n.kind == e.kind and _norm(n.old) == old),
            None,
        )
    new = _norm(e.new_text)
    best: tuple[float, ChangeNote] | None = None
    for n in notes:
        if n.old is not None or n.kind != e.kind:
            continue
        if _norm(n.new) == new:
            return n
        score = difflib.SequenceMatcher(None, _norm(n.new).split(), new.split()).ratio()
        if score >= SIMILAR and (best is None or score > best[0]):
            best = (score, n)
    return best[1] if best else None


def notes_by_entry(diff: DocumentDiff, notes: list[ChangeNote]) -> dict[int, str]:
    """Entry index in ``diff.entries`` -> note, for the changed entries that have one."""
    out: dict[int, str] = {}
    for index, e in enumerate(diff.entries):
        if not (e.changed or e.renumbered):
            continue
        found = note_for(e, notes)
        if found is not None and found.note.strip():
            out[index] = found.note
    return out


def set_note(notes: list[ChangeNote], e: ClauseChange, text: str) -> list[ChangeNote]:
    """The notes with ``e``'s note set to ``text`` (an empty text removes it)."""
    text = " ".join(text.split())[:MAX_NOTE]
    old = note_for(e, notes)
    kept = [n for n in notes if n is not old]
    if text:
        if _is_new(e):
            kept.append(ChangeNote(e.kind, None, e.new_text or "", text))
        else:
            kept.append(ChangeNote(e.kind, e.old_text or "", None, text))
    return kept


def to_json(notes: list[ChangeNote]) -> str:
    return json.dumps(
        [{"kind": n.kind, "old": n.old, "new": n.new, "note": n.note} for n in notes],
        ensure_ascii=False,
    )


def from_json(text: str | None) -> list[ChangeNote]:
    """Notes from their stored form; anything unreadable is left out, never an error."""
    if not text:
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    out: list[ChangeNote] = []
    for row in data if isinstance(data, list) else []:
        if not isinstance(row, dict) or not isinstance(row.get("note"), str):
            continue
        old, new = row.get("old"), row.get("new")
        out.append(
            ChangeNote(
                kind=str(row.get("kind") or "block"),
                old=old if isinstance(old, str) else None,
                new=new if isinstance(new, str) else None,
                note=row["note"],
            )
        )
    return out
