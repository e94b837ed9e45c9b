"""A log's cells as the register's values: roles and statuses matched leniently (any case,
the words clerks use: "Cllr", "Member" -> councillor; "Resolved" -> closed), dates from Excel
date cells or text (23/03/2026, 2026-03-23, 23-03-2026, 23 March 2026; never a two-digit
year), text tidied. Messages never repeat the cell's content."""

from __future__ import annotations

import datetime as dt
import re

from mop_desktop.domain.concerns import ROLES, STATUSES
from mop_desktop.domain.dates import DateError, parse_user_date

from .reader import Cell


class ValueProblem(ValueError):
    """What is wrong with a cell, in words that do not repeat it."""


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "officer": (
        "officer",
        "officers",
        "staff",
        "employee",
        "staff member",
        "deputy clerk",
        "assistant clerk",
        "rfo",
        "responsible financial officer",
        "admin",
        "administrator",
        "assistant",
        "caretaker",
        "groundsman",
        "warden",
    ),
    "councillor": (
        "councillor",
        "councillors",
        "cllr",
        "cllrs",
        "member",
        "members",
        "council member",
        "elected member",
        "mayor",
        "deputy mayor",
        "chair",
        "chairman",
        "chairwoman",
        "vice chair",
        "vice chairman",
        "town councillor",
        "parish councillor",
        "leader",
        "cllr chair",
    ),
    "clerk": (
        "clerk",
        "town clerk",
        "parish clerk",
        "the clerk",
        "proper officer",
        "clerk to the council",
        "clerk rfo",
    ),
    "member of the public": (
        "member of the public",
        "public",
        "mop",
        "resident",
        "residents",
        "parishioner",
        "local resident",
        "elector",
        "the public",
        "member of public",
    ),
    "other": (
        "other",
        "others",
        "contractor",
        "volunteer",
        "external",
        "unknown",
        "n a",
        "na",
        "third party",
    ),
}
_ROLE_LOOKUP = {_key(word): role for role, words in _ROLE_WORDS.items() for word in words}
for _role in ROLES:
    _ROLE_LOOKUP[_key(_role)] = _role

_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "open": (
        "open",
        "opened",
        "new",
        "ongoing",
        "on going",
        "in progress",
        "active",
        "live",
        "pending",
        "awaiting",
        "under review",
        "under investigation",
        "current",
        "received",
        "logged",
    ),
    "informal resolution": (
        "informal",
        "informal resolution",
        "informally",
        "informal stage",
        "mediation",
        "informal route",
    ),
    "formal": (
        "formal",
        "formal stage",
        "formal investigation",
        "investigation",
        "grievance",
        "formal complaint",
        "disciplinary",
    ),
    "referred to monitoring officer": (
        "referred to monitoring officer",
        "referred to the monitoring officer",
        "referred to mo",
        "mo",
        "monitoring officer",
        "with the mo",
        "with monitoring officer",
        "referred",
    ),
    "closed": (
        "closed",
        "close",
        "resolved",
        "complete",
        "completed",
        "done",
        "finished",
        "withdrawn",
        "no further action",
        "nfa",
        "dismissed",
        "upheld",
        "not upheld",
        "partly upheld",
        "concluded",
        "settled",
        "ended",
        "archived",
    ),
}
_STATUS_LOOKUP = {_key(word): status for status, words in _STATUS_WORDS.items() for word in words}
for _status in STATUSES:
    _STATUS_LOOKUP[_key(_status)] = _status


#: Words inside a longer role ("Parish Councillor", "Member of staff"): first match wins.
_ROLE_PARTS = (
    ("deputy clerk", "officer"),
    ("assistant clerk", "officer"),
    ("clerk", "clerk"),
    ("councillor", "councillor"),
    ("cllr", "councillor"),
    ("mayor", "councillor"),
    ("chair", "councillor"),
    ("public", "member of the public"),
    ("resident", "member of the public"),
    ("officer", "officer"),
    ("staff", "officer"),
    ("employee", "officer"),
)


def match_role(value: str) -> str:
    """A role as stored, "" for a blank cell; ValueProblem if it is none of them."""
    key = _key(value)
    if not key:
        return ""
    if key in _ROLE_LOOKUP:
        return _ROLE_LOOKUP[key]
    for part, role in _ROLE_PARTS:
        if re.search(rf"\b{part}\b", key):
            return role
    raise ValueProblem(
        "not a role this app knows; use one of: "
        + ", ".join(ROLES)
        + " (Cllr and Member read as councillor)"
    )


def role_from_name(name: str) -> str:
    """A role read off a name when the log has no role column: "Cllr J Smith" is a
    councillor, "Town Clerk" the clerk; anything else "" (unknown)."""
    key = _key(name)
    if key.startswith(("cllr ", "councillor ")) or key in ("cllr", "councillor"):
        return "councillor"
    if key in _ROLE_LOOKUP and _ROLE_LOOKUP[key] == "clerk":
        return "clerk"
    return ""


#: Words inside a longer status ("Closed - resolved informally", "Open, awaiting reply"), in
#: the order they decide: a closing word first, then the Monitoring Officer, then the stages.
_STATUS_PARTS = (
    (
        (
            "closed",
            "resolved",
            "complete",
            "completed",
            "withdrawn",
            "concluded",
            "nfa",
            "upheld",
            "dismissed",
            "settled",
            "finished",
            "archived",
        ),
        "closed",
    ),
    (("monitoring", "mo"), "referred to monitoring officer"),
    (("informal", "informally", "mediation"), "informal resolution"),
    (("formal", "investigation", "grievance", "disciplinary"), "formal"),
    (
        (
            "open",
            "ongoing",
            "pending",
            "progress",
            "awaiting",
            "active",
            "live",
            "new",
            "current",
            "review",
        ),
        "open",
    ),
)


def match_status(value: str) -> str:
    """A status as stored, "" for a blank cell; ValueProblem if it is none of them."""
    key = _key(value)
    if not key:
        return ""
    if key in _STATUS_LOOKUP:
        return _STATUS_LOOKUP[key]
    words = set(key.split())
    for parts, status in _STATUS_PARTS:
        if words & set(parts):
            return status
    raise ValueProblem(
        "not a status this app knows; use one of: "
        + ", ".join(STATUSES)
        + " (Resolved reads as closed)"
    )


_MONTHS = {
    m.casefold(): i
    for i, m in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WORDY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s/-]+([A-Za-z]+)\.?,?[\s/-]+(\d{4})$")
_TIME = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
#: What a log writes for "no date" in an optional date column (closing date, follow-up).
NO_DATE = frozenset(
    (
        "n a",
        "na",
        "none",
        "nil",
        "unknown",
        "not known",
        "tbc",
        "tba",
        "not recorded",
        "no date",
        "not applicable",
    )
)
_DASHED = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_SLASH_ISO = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_STAMP = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def cell_date(cell: Cell) -> dt.date | None:
    """An Excel date cell, or text as a clerk writes a date; None when blank."""
    if cell is None:
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | float):
        raise ValueProblem("a number, not a date: format the column as dates in Excel")
    text = " ".join(str(cell).split())
    if not text or not _key(text) or _key(text) in NO_DATE:  # "-", "?", "n/a", "unknown"
        return None
    stamp = _STAMP.match(text)
    if stamp:
        text = stamp.group(1)
    text = _TIME.sub("", text)  # "05/04/2023 00:00" as some exports write a date
    for pattern, order in ((_DASHED, "dmy"), (_SLASH_ISO, "ymd")):
        match = pattern.match(text)
        if match:
            a, b, c = (int(g) for g in match.groups())
            day, month, year = (a, b, c) if order == "dmy" else (c, b, a)
            return _real(year, month, day)
    match = _WORDY.match(text)
    if match:
        named = _MONTHS.get(match.group(2).casefold())
        if named is None:
            raise ValueProblem("not a date: use 23/03/2026, 2026-03-23 or 23 March 2026")
        return _real(int(match.group(3)), named, int(match.group(1)))
    try:
        return parse_user_date(text)
    except DateError:
        if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}", text):
            raise ValueProblem(
                "a two-digit year is not guessed: write the year in full, as 23/03/2026"
            ) from None
        if re.fullmatch(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", text):
            raise ValueProblem("not a real date (no such day in that month)") from None
        raise ValueProblem("not a date: use 23/03/2026, 2026-03-23 or 23 March 2026") from None


def _real(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueProblem("not a real date (no such day in that month)") from None


def cell_text(cell: Cell) -> str:
    """A cell as text: numbers without a stray ".0", dates as 23/03/2026, spaces trimmed."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        cell = cell.date() if cell.time() == dt.time() else cell
    if isinstance(cell, dt.datetime):
        return cell.strftime("%d/%m/%Y %H:%M")
    if isinstance(cell, dt.date):
        return cell.strftime("%d/%m/%Y")
    return str(cell).replace("\r\n", "\n").replace("\r", "\n").strip()
