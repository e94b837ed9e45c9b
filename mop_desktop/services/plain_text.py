"""The current document as plain text for a terminal (``mop-desktop show`` without --json):
the same data as ``show --json``, laid out as a clerk would read it."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from mop_desktop.domain.dates import format_long
from mop_desktop.domain.numbering import list_marker

WIDTH = 96


def _date(value: str | None) -> str:
    return format_long(dt.date.fromisoformat(value)) if value else ""


def _wrap(text: str, indent: int, hang: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(
            textwrap.wrap(
                paragraph,
                WIDTH,
                initial_indent=" " * indent,
                subsequent_indent=" " * hang,
                break_long_words=True,
            )
            or [" " * indent]
        )
    return lines


def _items(items: list[Any], style: str | None, indent: int) -> list[str]:
    lines: list[str] = []
    for index, item in enumerate(items, start=1):
        text = item if isinstance(item, str) else item.get("text", "")
        marker = list_marker(style, index) + " "
        lines.extend(_wrap(marker + text, indent, indent + len(marker)))
        if isinstance(item, dict) and item.get("items"):
            lines.extend(_items(item["items"], item.get("list_style"), indent + len(marker)))
    return lines


def render_text(data: dict[str, Any]) -> str:
    lines: list[str] = []
    if data.get("council"):
        lines.append(data["council"])
    lines.append(data.get("title") or "(untitled)")
    if data.get("status") == "draft":
        state = "Draft" + (f" of version {data['version']}" if data.get("version") else "")
    else:
        state = f"Version {data.get('version') or '(unlabelled)'}"
        if data.get("adopted_on"):
            state += f", adopted {_date(data['adopted_on'])}"
    if data.get("review_due"):
        state += f"; review by {_date(data['review_due'])}"
    lines.append(state)
    history = data.get("history") or []
    if history:
        lines += ["", "Version table:"]
        for row in history:
            cells = [
                row.get("version") or "",
                _date(row.get("adopted_on")),
                f"minute {row['minute_ref']}" if row.get("minute_ref") else "",
                f"review by {_date(row.get('review_due'))}" if row.get("review_due") else "",
                row.get("reviewer") or "",
            ]
            lines.append("  " + " \u00b7 ".join(c for c in cells if c))
    for section in data.get("sections", []):
        lines.append("")
        heading = " ".join(p for p in (section.get("number"), section.get("heading")) if p)
        if heading:
            lines.append(heading)
        for block in section.get("blocks", []):
            number = block.get("number") or ""
            indent = 2
            hang = indent + (len(number) + 2 if number else 0)
            lead = f"{number}  " if number else ""
            lines.extend(_wrap(lead + block.get("text", ""), indent, hang))
            lines.extend(_items(block.get("items", []), block.get("list_style"), hang))
    return "\n".join(lines) + "\n"
