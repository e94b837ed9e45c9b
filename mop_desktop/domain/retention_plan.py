"""Which automatic backups to keep: about a year, thinned as it ages.

Tiers apply one after the other, each to the backups older than the oldest one the previous
tier kept: the newest backup of each of the last 12 days that have one, then the newest of each
of the 10 weeks before those, then the newest of each of the 9 months before those. The newest
backup of all is always kept. Plain Python on datetimes, so it can be tested with made-up dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

DAILY = 12
WEEKLY = 10
MONTHLY = 9


@dataclass(frozen=True)
class RetentionPlan:
    keep: list[dt.datetime] = field(default_factory=list)
    drop: list[dt.datetime] = field(default_factory=list)


def _day(stamp: dt.datetime) -> Hashable:
    return stamp.date()


def _week(stamp: dt.datetime) -> Hashable:
    year, week, _ = stamp.isocalendar()
    return (year, week)


def _month(stamp: dt.datetime) -> Hashable:
    return (stamp.year, stamp.month)


def _tier(
    newest_first: Sequence[dt.datetime], bucket: Callable[[dt.datetime], Hashable], count: int
) -> list[dt.datetime]:
    kept: list[dt.datetime] = []
    seen: set[Hashable] = set()
    for stamp in newest_first:
        key = bucket(stamp)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.append(stamp)
    return kept


def plan(
    stamps: Iterable[dt.datetime],
    daily: int = DAILY,
    weekly: int = WEEKLY,
    monthly: int = MONTHLY,
) -> RetentionPlan:
    """Split ``stamps`` into those to keep and those to delete (both newest first)."""
    ordered = sorted(set(stamps), reverse=True)
    if not ordered:
        return RetentionPlan()
    keep: set[dt.datetime] = {ordered[0]}
    remaining: Sequence[dt.datetime] = ordered
    for bucket, count in ((_day, daily), (_week, weekly), (_month, monthly)):
        kept = _tier(remaining, bucket, count)
        keep.update(kept)
        if kept:
            oldest_bucket = bucket(kept[-1])
            remaining = [s for s in remaining if s < kept[-1] and bucket(s) != oldest_bucket]
    return RetentionPlan(
        keep=[s for s in ordered if s in keep],
        drop=[s for s in ordered if s not in keep],
    )
