"""User text to safe reportlab Paragraph markup.

reportlab reads ``<``, ``&`` and tags such as ``<img src=...>`` in a Paragraph as markup, and
an ``<img>`` tag makes it open a local file. Everything a user typed goes through ``para``
before it reaches a Paragraph, so it prints exactly as typed: ``&lt;`` prints as ``&lt;``.
Very long words are split by the styles (``splitLongWords``). Control characters cannot be
printed; each is shown as the replacement mark (U+FFFD) so that nothing disappears silently.
A line break typed inside a clause stays a line break.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# C0 controls except tab/newline/carriage return, DEL, C1 controls, and the line/paragraph
# separators and bidi overrides that would change how the rest of the line is read.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def clean(text: str | None) -> str:
    """Plain text with control characters marked and tabs as spaces (not yet escaped)."""
    if not text:
        return ""
    value = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub(REPLACEMENT, value)


def escape(text: str) -> str:
    """Escape ``&``, ``<``, ``>`` and quotes for reportlab's markup parser."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def para(text: str | None) -> str:
    """User text as Paragraph markup that prints literally."""
    return escape(clean(text)).replace("\n", "<br/>")


def attr(text: str | None) -> str:
    """User text for PDF metadata or canvas drawing (no markup parsing there)."""
    return clean(text).replace("\n", " ").strip()
