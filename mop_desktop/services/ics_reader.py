"""Reading meetings from an .ics calendar file, with its recurring series expanded.

``read_events`` checks the file before icalendar reads it (its size, how deeply its
BEGIN/END blocks nest, how many events it holds), then gives one ``IcsEvent`` per meeting
date: a plain event as it is; a series (RRULE, with its EXDATE exceptions, RDATE additions and
moved or cancelled occurrences, RECURRENCE-ID) as one event per occurrence from ``today`` up
to three years ahead. A series that would give more than ``MAX_OCCURRENCES`` meetings in that
time, or repeats more often than daily, is refused: no council meets like that.

Every refusal is one ``IcsError`` line naming the file, the line and the event (by its
number in the file), never a traceback and never the event's own text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: a council's calendar export is far smaller; anything bigger is refused before reading
MAX_BYTES = 5 * 1024 * 1024
MAX_EVENTS = 5_000  # icalendar reads about a thousand events a second
#: the steps dateutil may take over all series (those before the window count too): a weekly
#: series from 2010 takes under 1,000; this bounds a file of daily series from 1970 to seconds
MAX_RULE_STEPS = 100_000
#: VCALENDAR > VEVENT > VALARM is 3 deep; a little room for VTIMEZONE's parts and odd exports
MAX_DEPTH = 6
#: how far ahead a series is expanded, and the most meetings one series may give in that time
YEARS_AHEAD = 3
MAX_OCCURRENCES = 200
#: a start date outside these years is not a meeting (and would make rrule work for minutes)
EARLIEST_YEAR, LATEST_YEAR = 1970, 2200
#: rules that repeat more often than once a day are not meeting series
_TOO_OFTEN = {"SECONDLY", "MINUTELY", "HOURLY"}


class IcsError(ValueError):
    """One line for the clerk naming the file, line and event at fault."""


@dataclass(frozen=True)
class IcsEvent:
    uid: str  # the event's UID; an occurrence of a series: "UID#YYYY-MM-DD" (its own date)
    date: dt.date
    summary: str
    location: str
    series: str = ""  # the series' UID for an occurrence, else ""


@dataclass
class _Place:
    """Where an event sits in the file: the lines of its BEGIN and of its properties."""

    begin: int
    lines: dict[str, int] = field(default_factory=dict)


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(physical line number, unfolded line) for each content line (RFC 5545 folding)."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and out:
            start, before = out[-1]
            out[-1] = (start, before + line[1:])
        elif line.strip():
            out.append((number, line))
    return out


def _refuse_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise IcsError(
            f"{name}: the file is {size / (1024 * 1024):.0f} MB; a calendar of meetings is "
            f"far smaller (at most {MAX_BYTES // (1024 * 1024)} MB is read)"
        )


def scan(name: str, data: bytes) -> list[_Place]:
    """Check the file's shape and find where each top-level VEVENT and its properties sit."""
    _refuse_size(name, len(data))
    text = data.decode("utf-8", errors="replace")
    places: list[_Place] = []
    stack: list[str] = []
    current: _Place | None = None
    for number, line in _logical_lines(text):
        head, _, value = line.partition(":")
        key = head.split(";", 1)[0].strip().upper()
        if key == "BEGIN":
            stack.append(value.strip().upper())
            if len(stack) > MAX_DEPTH:
                raise IcsError(
                    f"{name}: line {number}: blocks are nested {len(stack)} deep "
                    f"(BEGIN inside BEGIN); a calendar needs at most {MAX_DEPTH}"
                )
            if stack[-1] == "VEVENT":
                if "VEVENT" in stack[:-1]:
                    raise IcsError(f"{name}: line {number}: an event inside another event")
                current = _Place(number)
                places.append(current)
                if len(places) > MAX_EVENTS:
                    raise IcsError(
                        f"{name}: more than {MAX_EVENTS:,} events; not a calendar of meetings"
                    )
        elif key == "END":
            if stack:
                if stack.pop() == "VEVENT":
                    current = None
        elif current is not None and len(stack) >= 1 and stack[-1] == "VEVENT":
            current.lines.setdefault(key, number)
    return places


def _unreadable(name: str, data: bytes, exc: Exception) -> str:
    """Which line icalendar could not read (its message quotes the line: that text is not
    repeated, it may hold a name), or a general line when it does not say."""
    quoted = re.search(r"'([^']{3,})'", str(exc))
    if quoted:
        text = data.decode("utf-8", errors="replace")
        for number, line in _logical_lines(text):
            if quoted.group(1) in line:
                return f"{name}: line {number}: cannot be read as calendar content"
    return f"{name}: not a calendar (.ics) file: its content cannot be read"


def _where(name: str, number: int, place: _Place | None, prop: str = "") -> str:
    line = place.lines.get(prop, place.begin) if place is not None else None
    at = f"line {line}: " if line else ""
    return f"{name}: {at}event {number}"


def _as_date(value: Any) -> dt.date | None:
    try:
        raw = getattr(value, "dt", value)
    except Exception:  # icalendar's broken property (a value it could not read)
        return None
    if isinstance(raw, tuple) and raw:  # a PERIOD (RDATE): its start
        raw = raw[0]
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    return None


def _property_problem(event: Any, prop: str) -> str | None:
    """icalendar keeps a value it could not read as a 'broken' property; say so."""
    for key, message in getattr(event, "errors", []) or []:
        if str(key).upper() == prop:
            return str(message)
    return None


def _start(event: Any, where: str) -> tuple[dt.date, Any]:
    """The event's start date and its raw start value (date or datetime)."""
    if _property_problem(event, "DTSTART") is not None:
        raise IcsError(f"{where}: the start date (DTSTART) is not a valid date")
    value = event.get("DTSTART")
    if value is None:
        raise IcsError(f"{where}: has no start date (DTSTART)")
    try:
        raw = value.dt
    except Exception:  # icalendar's broken-property errors vary by version
        raise IcsError(f"{where}: the start date (DTSTART) is not a valid date") from None
    day = _as_date(raw)
    if day is None:
        raise IcsError(f"{where}: the start date (DTSTART) is not a date")
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise IcsError(f"{where}: the start date (DTSTART) is in the year {day.year}")
    return day, raw


def _dates_of(event: Any, prop: str, where: str) -> set[dt.date]:
    """The dates listed by EXDATE or RDATE (each may appear several times)."""
    if _property_problem(event, prop) is not None:
        raise IcsError(f"{where}: {prop} holds a value that is not a date")
    values = event.get(prop)
    if values is None:
        return set()
    days: set[dt.date] = set()
    for entry in values if isinstance(values, list) else [values]:
        try:
            items = getattr(entry, "dts", [entry])
        except Exception:  # a broken property
            raise IcsError(f"{where}: {prop} holds a value that is not a date") from None
        for item in items:
            day = _as_date(item)
            if day is None:
                raise IcsError(f"{where}: {prop} holds a value that is not a date")
            days.add(day)
    return days


def _naive(value: Any, start: Any) -> dt.datetime:
    """``value`` (date or datetime, with or without a zone) as a naive datetime in the zone
    of ``start``, so dateutil compares like with like."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            zone = start.tzinfo if isinstance(start, dt.datetime) and start.tzinfo else dt.UTC
            value = value.astimezone(zone)
        naive: dt.datetime = value.replace(tzinfo=None)
        return naive
    return dt.datetime.combine(value, dt.time(23, 59, 59))


def _occurrences(
    event: Any, start: Any, where: str, today: dt.date, budget: list[int]
) -> list[dt.date]:
    """The dates of a series from ``today`` up to YEARS_AHEAD years on; each step of the rule
    takes one from ``budget[0]`` (shared by every series in the file)."""
    from dateutil.rrule import rrulestr

    if _property_problem(event, "RRULE") is not None:
        raise IcsError(f"{where}: the repeat rule (RRULE) cannot be read")
    rules = event.get("RRULE")
    rules = rules if isinstance(rules, list) else [rules]
    first = (
        _naive(start, start)
        if isinstance(start, dt.datetime)
        else dt.datetime.combine(start, dt.time())
    )
    horizon = dt.datetime.combine(_years_on(today, YEARS_AHEAD), dt.time(23, 59, 59))
    window_start = dt.datetime.combine(today, dt.time())
    days: set[dt.date] = set()
    for rule in rules:
        freq = [str(f).upper() for f in rule.get("FREQ", [])]
        if not freq:
            raise IcsError(f"{where}: the repeat rule (RRULE) has no frequency (FREQ)")
        if freq[0] in _TOO_OFTEN:
            raise IcsError(
                f"{where}: repeats {freq[0].lower()}; a meeting series repeats at most daily"
            )
        values = dict(rule)
        if "UNTIL" in values:
            values["UNTIL"] = [_naive(u, start) for u in values["UNTIL"]]
        try:
            from icalendar import vRecur

            text = vRecur(values).to_ical().decode()
            recurrence = rrulestr(text, dtstart=first)
            with _bounded_rrule(horizon.year + 1):
                days |= _dates_in_window(recurrence, window_start, horizon, budget, where)
        except IcsError:
            raise
        except (ValueError, TypeError, OverflowError, KeyError, AttributeError):
            raise IcsError(f"{where}: the repeat rule (RRULE) cannot be read") from None
    return sorted(days)


def _dates_in_window(
    recurrence: Any, window_start: dt.datetime, horizon: dt.datetime, budget: list[int], where: str
) -> set[dt.date]:
    days: set[dt.date] = set()
    found = 0
    for when in recurrence:
        budget[0] -= 1
        if budget[0] < 0:
            raise IcsError(
                f"{where}: the repeating events reach too far back or repeat too "
                "often to be expanded; not a calendar of meetings"
            )
        if when < window_start:
            continue
        if when > horizon:
            break
        found += 1
        if found > MAX_OCCURRENCES:
            raise IcsError(
                f"{where}: repeats more than {MAX_OCCURRENCES} times in the next "
                f"{YEARS_AHEAD} years; not a meeting series"
            )
        days.add(when.date())
    return days


class _BoundedDatetime:
    """The ``datetime`` module as dateutil's rrule sees it while a series is expanded, with
    ``MAXYEAR`` just past the horizon: a rule that can never match (31 February, BYSETPOS=9)
    otherwise makes rrule step through every day or week up to the year 9999 before it gives
    up (docs/dev/performance.md, calendar files)."""

    def __init__(self, last_year: int) -> None:
        self.MAXYEAR = last_year

    def __getattr__(self, name: str) -> Any:
        return getattr(dt, name)


@contextmanager
def _bounded_rrule(last_year: int) -> Iterator[None]:
    from dateutil import rrule as module

    namespace = vars(module)  # the module's own globals: its ``datetime`` is swapped for the block
    saved = namespace["datetime"]
    namespace["datetime"] = _BoundedDatetime(last_year)
    try:
        yield
    finally:
        namespace["datetime"] = saved


def _years_on(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _read_event(
    name: str,
    number: int,
    place: _Place | None,
    event: Any,
    today: dt.date,
    budget: list[int],
    plain: list[IcsEvent],
    series: list[tuple[str, list[dt.date], str, str]],
    moved: dict[tuple[str, dt.date], IcsEvent | None],
) -> None:
    """Add one VEVENT to ``plain`` (an event), ``series`` (a repeating one) or ``moved`` (a
    changed or cancelled occurrence of a series)."""
    where = _where(name, number, place, "DTSTART")
    day, raw = _start(event, where)
    uid = str(event.get("UID") or "")
    summary, location = str(event.get("SUMMARY") or ""), str(event.get("LOCATION") or "")
    cancelled = str(event.get("STATUS") or "").upper() == "CANCELLED"
    if event.get("RECURRENCE-ID") is not None:
        original = _as_date(event.get("RECURRENCE-ID"))
        if original is None or not uid:
            raise IcsError(
                f"{_where(name, number, place, 'RECURRENCE-ID')}: "
                "the changed occurrence (RECURRENCE-ID) is not a date"
            )
        key = f"{uid}#{original.isoformat()}"
        moved[(uid, original)] = None if cancelled else IcsEvent(key, day, summary, location, uid)
        return
    if event.get("RRULE") is None:
        if not cancelled:
            plain.append(IcsEvent(uid, day, summary, location))
        return
    rule_where = _where(name, number, place, "RRULE")
    dates = set(_occurrences(event, raw, rule_where, today, budget))
    dates -= _dates_of(event, "EXDATE", _where(name, number, place, "EXDATE"))
    extra = _dates_of(event, "RDATE", _where(name, number, place, "RDATE"))
    horizon = _years_on(today, YEARS_AHEAD)
    dates |= {d for d in extra if today <= d <= horizon}
    if not cancelled:
        series.append((uid, sorted(dates), summary, location))


def read_events(path: Path, today: dt.date | None = None) -> list[IcsEvent]:
    """Every meeting date in the .ics file ``path``; IcsError with one line if it cannot be
    read or an event is bad (nothing is taken from a file with a bad event)."""
    from icalendar import Calendar

    today = today or dt.date.today()
    name = path.name
    try:
        _refuse_size(name, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise IcsError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR"):
        raise IcsError(
            f"{name}: not a calendar (.ics) file: it does not begin with BEGIN:VCALENDAR"
        )
    places = scan(name, data)
    try:
        calendar = Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises many kinds (even OSError for a bad TZID)
        raise IcsError(_unreadable(name, data, exc)) from None
    events = [c for c in calendar.subcomponents if getattr(c, "name", "") == "VEVENT"]
    plain: list[IcsEvent] = []
    series: list[tuple[str, list[dt.date], str, str]] = []
    moved: dict[tuple[str, dt.date], IcsEvent | None] = {}
    budget = [MAX_RULE_STEPS]
    for number, event in enumerate(events, start=1):
        place = places[number - 1] if number - 1 < len(places) else None
        try:
            _read_event(name, number, place, event, today, budget, plain, series, moved)
        except IcsError:
            raise
        except Exception:  # anything else icalendar or dateutil trips on: still one line
            raise IcsError(f"{_where(name, number, place)}: cannot be read") from None
    out = list(plain)
    for series_uid, days, title, place_name in series:
        for occurrence in days:
            if (series_uid, occurrence) in moved:
                change = moved.pop((series_uid, occurrence))
                if change is not None:
                    out.append(change)
                continue
            own_uid = f"{series_uid}#{occurrence.isoformat()}" if series_uid else ""
            out.append(IcsEvent(own_uid, occurrence, title, place_name, series_uid))
    out.extend(change for change in moved.values() if change is not None)
    if len(out) > MAX_EVENTS:
        raise IcsError(
            f"{name}: the file gives more than {MAX_EVENTS:,} meetings once its "
            "repeating events are expanded; not a calendar of meetings"
        )
    return out
