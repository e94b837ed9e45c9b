"""A subject access request: the records that name the requester as a person, each with why.

A record is a candidate when the person is named:

- in **raised by** or **about** (person fields): the requested name as whole words ("Ann Smith"
  in "Cllr Ann Smith"), or the field holds part of it ("Ann" or "Mrs Smith" when the request
  is "Ann Smith"; an initial stands for a word, "A. Smith"). A field naming several people
  ("Ann Smith and Bob Jones", "Ann Smith, Bob Jones") is read person by person;
- in the **free text** (summary, details, route, outcome, timeline entries): the whole
  requested name as consecutive whole words, or a title with the surname ("Mrs Smith",
  "Cllr Smith").

Always whole words, never parts of words: "Ann" never matches Joanne, Hannah, Planning or
annual. Case, accents and titles (Cllr, Mr, Mrs, Ms, Dr ...) do not matter. Each candidate
carries its reasons (the field and how it matched), never the text around the match, so the
clerk can be shown the list, leave any record out, and only then write the PDF.

Concern fields are narrowed with the register's FTS5 index (same word rules: unicode61,
accents removed) and then checked here word by word; timeline entries are read and checked
here. Nothing is logged or kept.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from mop_desktop.domain.concerns import Concern, ConcernError
from mop_desktop.store.register import ConcernRow, TimelineRow

from .service import RegisterService, TimelineEntry, to_concern

TITLES = frozenset(
    {
        "cllr",
        "councillor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "rev",
        "revd",
        "reverend",
        "sir",
        "dame",
        "lady",
        "lord",
        "prof",
        "professor",
    }
)
#: Words as FTS5's unicode61 tokenizer sees them: letters and digits (no underscore).
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: Between people in a person field: commas, semicolons, slashes, ampersands, "and".
_PEOPLE = re.compile(r"[,;/&+]|\band\b", re.IGNORECASE)

PERSON_FIELDS = ("raised_by", "about")
TEXT_FIELDS = ("summary", "details", "route", "outcome")
WHOLE = "whole name"
PART = "part of the name"
_LABELS = {
    "raised_by": "raised by",
    "about": "about",
    "summary": "summary",
    "details": "details",
    "route": "route",
    "outcome": "outcome",
    "timeline": "timeline",
}


@dataclass(frozen=True)
class CaseFile:
    concern: Concern
    timeline: list[TimelineEntry]


@dataclass(frozen=True)
class Candidate:
    """A record that names the requester, and why: ``("about: whole name", ...)``."""

    reference: str
    raised_on: dt.date
    reasons: tuple[str, ...]

    def why(self) -> str:
        return "; ".join(self.reasons)


def words(value: str) -> list[str]:
    """Text -> its words, case and accents folded ("Zoë O'Brien" -> zoe, o, brien)."""
    if value.isascii():  # the common case, without the per-character pass below
        return _WORD.findall(value.lower())
    folded = unicodedata.normalize("NFKD", value.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def name_words(name: str) -> list[str]:
    """The words of a person's name without titles ("Cllr Ann Smith" -> ann, smith)."""
    return [w for w in words(name) if w not in TITLES]


def _same_word(a: str, b: str) -> bool:
    """Equal, or one is the other's initial ("a" and "ann")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _run_in(run: list[str], seq: list[str]) -> bool:
    """``run`` appears in ``seq`` as consecutive words (initials allowed), with at least one
    word spelt out in full on both sides."""
    n = len(run)
    for i in range(len(seq) - n + 1):
        window = seq[i : i + n]
        if all(_same_word(a, b) for a, b in zip(run, window, strict=True)) and any(
            a == b and len(a) > 1 for a, b in zip(run, window, strict=True)
        ):
            return True
    return False


def _exact_run(run: list[str], seq: list[str]) -> bool:
    n = len(run)
    return any(seq[i : i + n] == run for i in range(len(seq) - n + 1))


def person_field_match(request: list[str], value: str) -> str | None:
    """How a raised-by / about field names the requester: WHOLE, PART or None."""
    best = None
    for person in _PEOPLE.split(value):
        held = name_words(person)
        if not held:
            continue
        if _run_in(request, held):
            return WHOLE
        if len(held) < len(request) and _run_in(held, request):
            best = PART
    return best


def text_match(request: list[str], value: str) -> str | None:
    """How free text names the requester: the whole name as consecutive whole words, or a
    title with the surname ("Mrs Smith"); else None."""
    seq = words(value)
    if not seq:
        return None
    if _exact_run(request, seq):
        return WHOLE
    if len(request) > 1:
        surname = request[-1]
        for i in range(1, len(seq)):
            if seq[i] == surname and seq[i - 1] in TITLES:
                return PART
    return None


def _request(name: str) -> list[str]:
    request = name_words(name)
    if not request:
        raise ConcernError("name", "give the person's name (a title alone is not a name)")
    return request


def _reasons(request: list[str], values: dict[str, str], entries: Iterable[str]) -> list[str]:
    found: list[str] = []
    for field in PERSON_FIELDS:
        kind = person_field_match(request, values[field] or "")
        if kind:
            found.append(f"{_LABELS[field]}: {kind}")
    for field in TEXT_FIELDS:
        kind = text_match(request, values[field] or "")
        if kind:
            found.append(f"{_LABELS[field]}: {kind}")
    kinds = {text_match(request, entry) for entry in entries} - {None}
    if kinds:
        found.append(f"timeline: {WHOLE if WHOLE in kinds else PART}")
    return found


def _fts_candidates(session: Session, request: list[str]) -> set[int]:
    """Concerns whose indexed fields hold any word of the name (narrowed further here)."""
    expression = " OR ".join(f'"{w}"' for w in dict.fromkeys(request))
    return {
        rowid
        for (rowid,) in session.execute(
            text("SELECT rowid FROM concern_fts WHERE concern_fts MATCH :m"), {"m": expression}
        )
    }


def _timeline_by_concern(session: Session, request: list[str]) -> dict[int, list[str]]:
    """Timeline entries that could name the person (every word checked here)."""
    wanted = set(request)
    out: dict[int, list[str]] = {}
    rows = session.execute(select(TimelineRow.concern_id, TimelineRow.entry)).yield_per(2000)
    for concern_id, entry in rows:
        if wanted & set(words(entry)):
            out.setdefault(concern_id, []).append(entry)
    return out


def find_candidates(session: Session, name: str) -> list[Candidate]:
    """Every record that names ``name`` as a person, oldest first, with its reasons."""
    request = _request(name)
    ids = _fts_candidates(session, request)
    timeline = _timeline_by_concern(session, request)
    ids |= set(timeline)
    found: list[Candidate] = []
    if not ids:
        return found
    fields = PERSON_FIELDS + TEXT_FIELDS
    columns = [getattr(ConcernRow, f) for f in fields]
    rows = [
        row
        for chunk in _chunks(sorted(ids))  # the columns needed only, never whole rows
        for row in session.execute(
            select(ConcernRow.raised_on, ConcernRow.id, ConcernRow.reference, *columns).where(
                ConcernRow.id.in_(chunk)
            )
        ).all()
    ]
    rows.sort(key=lambda r: (r[0], r[1]))
    for raised_on, concern_id, reference, *texts in rows:
        reasons = _reasons(
            request, dict(zip(fields, texts, strict=True)), timeline.get(concern_id, ())
        )
        if reasons:
            found.append(Candidate(reference, raised_on, tuple(reasons)))
    return found


_T = TypeVar("_T")

#: Values per ``IN (...)``: well under SQLite's limit on bound variables.
_CHUNK = 500


def _chunks(values: list[_T]) -> Iterator[list[_T]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def case_files(session: Session, references: Iterable[str]) -> list[CaseFile]:
    """The chosen records in full (oldest first), for the PDF."""
    wanted = list(dict.fromkeys(references))
    rows: list[ConcernRow] = []
    for chunk in _chunks(wanted):
        rows += session.scalars(
            select(ConcernRow)
            .where(ConcernRow.reference.in_(chunk))
            .options(selectinload(ConcernRow.timeline))  # one query per chunk, not per record
        ).all()
    rows.sort(key=lambda r: (r.raised_on, r.id))
    return [
        CaseFile(to_concern(r), [TimelineEntry(t.on, t.entry) for t in r.timeline]) for r in rows
    ]


def choose(candidates: list[Candidate], exclude: Iterable[str]) -> list[str]:
    """The references to include: every candidate but those left out. A reference left out
    that is not a candidate is refused (a typing mistake must not go unnoticed)."""
    known = {c.reference for c in candidates}
    left_out = set()
    for reference in exclude:
        ref = reference.strip()
        if ref not in known:
            raise ConcernError("--exclude", f"{ref} is not among the records that name this person")
        left_out.add(ref)
    return [c.reference for c in candidates if c.reference not in left_out]


def about_person(session: Session, name: str) -> list[CaseFile]:
    """Every record that names ``name`` as a person (all candidates, none left out)."""
    return case_files(session, [c.reference for c in find_candidates(session, name)])


def candidates(service: RegisterService, name: str) -> list[Candidate]:
    """``find_candidates`` on the unlocked register, in its own transaction."""
    with service.session() as session:
        return find_candidates(session, name)


def chosen_case_files(service: RegisterService, references: Iterable[str]) -> list[CaseFile]:
    """``case_files`` on the unlocked register, in its own transaction."""
    with service.session() as session:
        return case_files(session, references)
