"""A protocol's adoption history from its version table and its adoption or review lines.

The version table (Version / Date of Adoption / Minute Reference / Review Date /
Originator-Reviewer, in any order and wording close to that) gives one ``Adoption`` per row.
Lines such as "Policy adopted: 16th December 2021", "Review Date: December 2026" or "Adopted
16th October 2017. (To be reviewed October 2019)" give or complete the latest one. Whatever
cannot be read with confidence is handed back as text so the importer keeps it in the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from mop_desktop.domain.records import Adoption
from mop_desktop.domain.textdates import all_dates, parse_text_date
from mop_desktop.services.importer.lines import split_marker

# -- the version table ------------------------------------------------------------------------
FIELDS = ("version", "adopted_on", "minute_ref", "review_due", "reviewer", "body")


def _column_field(header: str) -> str | None:
    h = " ".join(header.strip().lower().split())
    if not h:
        return None
    if re.search(
        r"\b(approved|adopted|agreed|ratified|accepted) (by|at)\b|\bcommittee\b|"
        r"\bmeeting\b|\bbody\b",
        h,
    ):
        return "body"  # "Approved by: Full Council" names a body, not a person or a date
    if re.search(
        r"originator|reviewer|author|owner|responsible|officer|reviewed by|by whom|"
        r"prepared by|amended by|^by$|^who$",
        h,
    ):
        return "reviewer"
    if re.search(r"minute|\bmin\b|resolution|\bref", h):
        return "minute_ref"
    if re.search(r"next review|review (date|due|by)|due for review|^review$|to be reviewed", h):
        return "review_due"
    if re.search(r"adopt|approv|agreed|ratif|\bdate\b|reviewed|updated|revised|amended", h):
        return "adopted_on"
    if "review" in h:
        return "review_due"
    if re.search(r"version|issue|\bver\b|\brev\b|revision|\bno\.?$|^v$|edition", h):
        return "version"
    return None


def version_table_columns(header: list[str]) -> dict[int, str] | None:
    """Column index -> field, when ``header`` is the header row of a version table."""
    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = _column_field(cell)
        if name and name not in columns.values():
            columns[index] = name
    if "adopted_on" in columns.values() and len(columns) >= 2:
        return columns
    return None


@dataclass
class TableHistory:
    adoptions: list[Adoption] = field(default_factory=list)
    leftovers: list[tuple[str, str]] = field(default_factory=list)  # (text, why) for the body


def row_text(cells: list[str]) -> str:
    return " | ".join(c.strip() for c in cells if c.strip())


def read_version_table(rows: list[list[str]], columns: dict[int, str]) -> TableHistory:
    """The rows below the header. A row whose dates cannot be read is kept as text."""
    out = TableHistory()
    header = rows[0]
    for row in rows[1:]:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        values: dict[str, str] = {}
        extra: list[str] = []
        for index, cell in enumerate(cells):
            if not cell:
                continue
            name = columns.get(index)
            if name is None:
                label = header[index].strip() if index < len(header) else ""
                extra.append(f"{label}: {cell}" if label else cell)
            else:
                values[name] = cell
        adopted = parse_text_date(values.get("adopted_on", ""))
        review_text = values.get("review_due", "")
        review = parse_text_date(review_text) if review_text else None
        if adopted is None or (review_text and review is None):
            text = row_text(cells)
            out.leftovers.append((text, "version-table row not understood"))
            continue
        out.adoptions.append(
            Adoption(
                version_label=values.get("version", ""),
                adopted_on=adopted,
                minute_ref=values.get("minute_ref", ""),
                review_due=review,
                reviewer=values.get("reviewer", ""),
                adopted_by=values.get("body", ""),
            )
        )
        if extra:
            label = values.get("version", "") or adopted.isoformat()
            text = f"Version {label}: " + "; ".join(extra)
            out.leftovers.append((text, "version-table column with no place in the history"))
    return out


# -- adoption and review lines ----------------------------------------------------------------
_KEYWORD = re.compile(
    r"adopt|approv|agreed|ratif|review|version|issue|minute|originator|author|prepared|"
    r"updated|revised|amended|resolution|accepted",
    re.I,
)
_ADOPT = re.compile(
    r"adopt|approv|agreed|ratif|accepted|updated|revised|amended|(?<!next )(?<!date of )reviewed|"
    r"date\s+of\s+(?:last\s+)?review|last\s+review",
    re.I,
)
_REVIEW_DUE = re.compile(
    r"review\s*(?:date|due|by)|next\s+review|to\s+be\s+reviewed|due\s+for\s+review|"
    r"will\s+be\s+reviewed|date\s+(?:of|for)\s+(?:next\s+)?review|review\s*:|"
    r"\breview(?:\s+in|\s+on)?\W*$",
    re.I,
)
_MINUTE = re.compile(
    r"\b(?:min(?:ute)?s?\.?|resolution)\s*(?:ref(?:erence)?\.?|no\.?|number)?\s*[:\-\u2013]?\s*"
    r"(?P<ref>[A-Za-z]{0,4}[\s/]?\d[\w/.\-]*)",
    re.I,
)
_VERSION = re.compile(
    r"\b(?:version|issue|v(?=\d))\s*(?:no\.?|number)?\s*[:\-\u2013]?\s*"
    r"(?P<v>[\w.\-]*\d[\w.\-]*)",
    re.I,
)
_REVIEWER = re.compile(
    r"^\s*(?:originator|reviewer|reviewed\s+by|author|prepared\s+by)\s*[:\-\u2013]\s*(?P<who>.+)$",
    re.I,
)
_BODY = re.compile(
    r"\b(?:by|at|of)\s+(?:the\s+|a\s+)?(?P<body>Full\s+(?:Town\s+|Parish\s+)?Council|"
    r"(?:[A-Z][\w'\u2019\-]*,?\s+(?:(?:&|and|of|the)\s+)*){0,5}"
    r"(?:Committee|Sub-Committee|Sub\s+Committee|Working\s+Group|Panel|Board|Council))\b"
)
# a sentence about the document itself ("This policy was adopted ...", "The protocol ...")
_ABOUT_ITSELF = re.compile(
    r"^\W*(?:adopted|approved|agreed|ratified|updated|revised|reviewed)\b|"
    r"\b(?:this|the)\s+(?:policy|protocol|document|procedure|code|guidance|statement|scheme|"
    r"standing\s+orders)\b(?!\s+(?:of|for|on)\b)",
    re.I,
)
# words that may stand around the facts on an adoption line
_LABEL_WORDS = set(
    """policy protocol document this the was is has been first originally adopted adoption
    approved approval agreed ratified re-adopted readopted by full council town parish
    community city on at date dated of next review reviewed due to be will and minute minutes
    ref reference no number version issue meeting its a annually in for last resolution
    member officer relations councillor relationship updated revised amended last
    meeting held accepted""".split()
)


@dataclass
class MetaLine:
    """The facts read from one adoption or review line."""

    adopted_on: dt.date | None = None
    review_due: dt.date | None = None
    minute_ref: str = ""
    version: str = ""
    reviewer: str = ""
    body: str = ""  # "Full Council", "Staffing Committee"
    exact: bool = True  # nothing but its facts and label words: it may leave the body

    @property
    def empty(self) -> bool:
        return not (
            self.adopted_on or self.review_due or self.minute_ref or self.version or self.reviewer
        )


def read_meta_line(text: str, *, sentence: bool = False) -> MetaLine | None:
    """An adoption/review/version line, or None when ``text`` is body text. A line is taken
    as it is (``exact``) only when, once its dates and values are set aside, nothing but
    label words remain. With ``sentence``, a sentence that dates an adoption or update
    ("The policy ... was last updated in January 2023.") is read too, but not ``exact``:
    its facts go to the history and the sentence stays in the body."""
    line = text.strip()
    if not line or len(line.split()) > (45 if sentence else 30) or not _KEYWORD.search(line):
        return None
    if split_marker(line).kind:  # a clause or list item is body text
        return None
    who = _REVIEWER.match(line)
    if who:
        return MetaLine(reviewer=who.group("who").strip())
    meta = MetaLine()
    rest = line
    dates = all_dates(line)
    if not dates:
        dates = _short_dates(line)
        meta.exact = not dates  # "Adopted 12.09.23" is read, and kept in the body as well
    previous_end = 0
    for day, start, end in dates:
        before = line[previous_end:start]
        if _REVIEW_DUE.search(before):
            meta.review_due = meta.review_due or day
        elif _ADOPT.search(before):
            meta.adopted_on = meta.adopted_on or day
        else:
            return None
        previous_end = end
    for _day, start, end in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    minute = _MINUTE.search(rest)
    if minute:
        meta.minute_ref = minute.group("ref").strip(" .,;)")
        rest = rest[: minute.start("ref")] + " " + rest[minute.end("ref") :]
    version = _VERSION.search(rest)
    if version:
        meta.version = version.group("v").strip(" .,;)")
        rest = rest[: version.start("v")] + " " + rest[version.end("v") :]
    body = _BODY.search(rest)
    if body and (meta.adopted_on or _ADOPT.search(rest[: body.start()])):
        meta.body = " ".join(body.group("body").split())
        rest = rest[: body.start("body")] + " " + rest[body.end("body") :]
    if meta.empty or (not dates and not meta.version and not meta.minute_ref):
        return None
    words = [w.strip(".,;:()[]/|-\u2013\u2014").lower() for w in rest.split()]
    if any(w and w not in _LABEL_WORDS for w in words):
        if not sentence or meta.adopted_on is None or not _ABOUT_ITSELF.search(line):
            return None
        meta.exact = False
    if not dates and not re.match(r"^\W*(version|issue|minute)", line, re.I):
        return None
    return meta


_SHORT_DATE = re.compile(
    r"(?<![\d./])(?:(?P<day>\d{1,2})[./])?(?P<month>\d{1,2})[./](?P<year>\d{2})(?![\d./])"
)


def _short_dates(line: str) -> list[tuple[dt.date, int, int]]:
    """Dates with a two-digit year ("12.09.23", "09.25"), read only on an adoption or review
    line: "Adopted 12.09.23" is 12 September 2023; "Review 09.25" the end of September 2025."""
    from mop_desktop.domain.dates import end_of_month

    out = []
    for m in _SHORT_DATE.finditer(line):
        year, month = 2000 + int(m.group("year")), int(m.group("month"))
        try:
            if m.group("day"):
                day = dt.date(year, month, int(m.group("day")))
            else:
                day = end_of_month(year, month)
        except ValueError:
            return []
        out.append((day, m.start(), m.end()))
    return out


# -- the review interval ----------------------------------------------------------------------
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36,
}  # fmt: skip
_ADVERBS = {"annually": 12, "yearly": 12, "biennially": 24, "biannually": 24,
            "triennially": 36, "quadrennially": 48, "quinquennially": 60}  # fmt: skip
_INTERVAL = re.compile(
    r"\b(?:review(?:ed)?|reconsidered|revisited|looked at)\b[^.;]{0,60}?"
    r"\b(?P<adverb>annually|yearly|biennially|biannually|triennially|quadrennially|"
    r"quinquennially)\b"
    r"|\b(?:every|each)\s+(?:(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+)?(?P<unit>years?|months?)\b"
    r"|\b(?P<adj>annual|biennial|triennial)\s+review\b",
    re.I,
)


def review_interval(texts: list[str]) -> int | None:
    """The review interval in months that the document states in words ("reviewed
    annually", "every two years", "triennially", "every 18 months"), or None."""
    for text in texts:
        if not re.search(r"review|revisit|reconsider", text, re.I):
            continue
        for m in _INTERVAL.finditer(text):
            if m.group("adverb"):
                return _ADVERBS[m.group("adverb").lower()]
            if m.group("adj"):
                return {"annual": 12, "biennial": 24, "triennial": 36}[m.group("adj").lower()]
            n_text = (m.group("n") or "one").lower()
            n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS.get(n_text)
            if n is None or n == 0:
                continue
            months = n * 12 if m.group("unit").lower().startswith("year") else n
            if 1 <= months <= 120:
                return months
    return None


@dataclass
class HistoryResult:
    adoptions: list[Adoption]
    used_meta: set[int]  # indexes of the meta lines that went into the history
    warnings: list[str] = field(default_factory=list)


def merge_history(table: list[Adoption], metas: list[MetaLine]) -> HistoryResult:
    """The table's rows completed by the adoption lines, oldest first.

    Each adoption date on a line is one adoption (merged with the table row of the same
    date); a review date, minute reference, version or reviewer on a line without an
    adoption date completes the latest adoption. Lines that add nothing are not used.
    """
    adoptions = [a for a in table]
    used: set[int] = set()
    by_date = {a.adopted_on: a for a in adoptions}
    for index, meta in enumerate(metas):
        if meta.adopted_on is None:
            continue
        target = by_date.get(meta.adopted_on)
        if target is None:
            target = Adoption(version_label=meta.version, adopted_on=meta.adopted_on)
            adoptions.append(target)
            by_date[meta.adopted_on] = target
        if _complete(target, meta):
            used.add(index)
    adoptions.sort(key=lambda a: a.adopted_on or dt.date.min)
    latest = adoptions[-1] if adoptions else None
    warnings: list[str] = []
    for index, meta in enumerate(metas):
        if meta.adopted_on is not None:
            continue
        if latest is None:
            warnings.append("a review or version line was found but no adoption date: kept as text")
            continue
        if _complete(latest, meta):
            used.add(index)
    return HistoryResult(adoptions, used, warnings)


def _complete(target: Adoption, meta: MetaLine) -> bool:
    """Fill ``target``'s empty fields from ``meta``; True when every fact of the line is now
    in ``target`` (so the line may leave the body)."""
    pairs = [
        ("review_due", meta.review_due),
        ("minute_ref", meta.minute_ref),
        ("version_label", meta.version),
        ("reviewer", meta.reviewer),
        ("adopted_by", meta.body),
    ]
    complete = True
    for name, value in pairs:
        if not value:
            continue
        current = getattr(target, name)
        if not current:
            setattr(target, name, value)
        elif current != value:
            complete = False
    return complete and meta.exact
