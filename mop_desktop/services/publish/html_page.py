"""The adopted protocol (or any version) as one self-contained, accessible web page.

For a council's website under the Public Sector Bodies Accessibility Regulations (WCAG 2.2 AA):
``lang="en-GB"``, a ``<title>``, one ``<h1>``, sections as ``<h2>``, clause numbers as text
beside the clause (never generated content that screen readers skip), lists as real ``<ol>`` /
``<ul>`` with the document's own markers written as text, the version table as a ``<table>``
with a caption and ``<th scope>`` headers, dates as a clerk writes them, and the adoption
statement. Styles sit in the page's own ``<style>`` element (nothing is fetched, no scripts);
the markup reads correctly without them, so it can be pasted into a website's editor, which
usually drops styles. Readable at 400% zoom without sideways scrolling (the table turns into
labelled rows on a narrow screen), and a print style.
"""

from __future__ import annotations

from html import escape

from mop_desktop.domain.dates import format_long, format_month
from mop_desktop.domain.document import Block, ListItem
from mop_desktop.domain.numbering import list_marker
from mop_desktop.services.pdf.content import ProtocolSource, heading_lines

VERSION_HEADINGS = (
    "Version",
    "Date of adoption",
    "Minute reference",
    "Review date",
    "Originator/Reviewer",
)

STYLE = """
:root { color: #1b1b1b; background: #ffffff; }
body { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 1rem;
  line-height: 1.5; margin: 0 auto; padding: 1rem 1.25rem 3rem; max-width: 46rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
.council { font-size: 1.1rem; font-weight: bold; margin: 0; }
.meta { margin: 0.15rem 0; color: #3b3b3b; }
.status { font-weight: bold; }
.num { font-weight: bold; margin-right: 0.5em; }
.clause { margin: 0 0 0.75rem; padding-left: 3.25rem; text-indent: -3.25rem; }
.clause.level-2 { padding-left: 5.5rem; text-indent: -3.25rem; }
.clause.plain { padding-left: 0; text-indent: 0; }
ol, ul { margin: 0 0 0.9rem 3.25rem; padding-left: 0; }
ol { list-style: none; }
ol > li { padding-left: 2.25rem; text-indent: -2.25rem; }
ol > li .marker { display: inline-block; width: 2.25rem; text-indent: 0; }
ul { padding-left: 1.25rem; }
li { margin-bottom: 0.35rem; }
li > ol, li > ul { margin-top: 0.35rem; margin-left: 1.5rem; text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; font-size: 1.1rem; padding: 0.25rem 0; }
th, td { border: 1px solid #6b6b6b; padding: 0.35rem 0.5rem; text-align: left;
  vertical-align: top; }
th { background: #e8eef4; }
.signoff { border-top: 2px solid #1d4f7a; margin-top: 2rem; padding-top: 0.5rem; }
.signatures { display: flex; flex-wrap: wrap; gap: 1rem 3rem; }
.signature p { margin: 0.1rem 0; }
@media (max-width: 34rem) {
  .clause, .clause.level-2 { padding-left: 0; text-indent: 0; }
  ol, ul { margin-left: 1rem; }
  table, thead, tbody, tr, th, td, caption { display: block; }
  thead tr { position: absolute; left: -9999px; top: auto; width: 1px; height: 1px;
    overflow: hidden; }
  td { border: none; border-bottom: 1px solid #c4c4c4; }
  td::before { content: attr(data-label) ": "; font-weight: bold; }
  tr { border: 1px solid #6b6b6b; margin-bottom: 0.75rem; }
}
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; }
  h2 { break-after: avoid; }
  .clause, li, tr { break-inside: avoid; }
  th { background: none; }
}
"""


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def _list(items: list[ListItem], style: str | None) -> list[str]:
    if not items:
        return []
    bullet = not style or style == "bullet"
    tag = "ul" if bullet else "ol"
    out = [f"<{tag}>"]
    for index, item in enumerate(items, start=1):
        marker = "" if bullet else f'<span class="marker">{_e(list_marker(style, index))}</span>'
        inner = "".join(_list(item.items, item.list_style))
        out.append(f"<li>{marker}{_e(item.text)}{inner}</li>")
    out.append(f"</{tag}>")
    return out


def _block(block: Block, numbered_document: bool) -> list[str]:
    classes = ["clause"]
    if block.level >= 2:
        classes.append("level-2")
    if not numbered_document:
        classes.append("plain")
    number = f'<span class="num">{_e(block.number)}</span>' if block.number else ""
    out = [f'<p class="{" ".join(classes)}">{number}{_e(block.text)}</p>']
    return out + _list(block.items, block.list_style)


def _version_table(source: ProtocolSource) -> list[str]:
    if not source.history:
        return []
    out = ["<table>", "<caption>Version history</caption>", "<thead><tr>"]
    out += [f'<th scope="col">{h}</th>' for h in VERSION_HEADINGS]
    out.append("</tr></thead><tbody>")
    for a in source.history:
        cells = (
            a.version_label,
            format_long(a.adopted_on),
            a.minute_ref,
            format_month(a.review_due),
            a.reviewer,
        )
        out.append(
            "<tr>"
            + "".join(
                f'<td data-label="{h}">{_e(c)}</td>'
                for h, c in zip(VERSION_HEADINGS, cells, strict=True)
            )
            + "</tr>"
        )
    out.append("</tbody></table>")
    return out


def adoption_statement(source: ProtocolSource) -> str:
    """ "Adopted by Oakford Town Council on 23 March 2026, minute 2026/101." (or '')."""
    adoption = source.adoption
    if adoption is None or source.status == "draft":
        return ""
    sentence = f"Adopted by {source.council.name or 'the Council'}"
    if adoption.adopted_on:
        sentence += f" on {format_long(adoption.adopted_on)}"
    if adoption.minute_ref:
        sentence += f", minute {adoption.minute_ref}"
    return sentence + "."


def _meta(source: ProtocolSource) -> list[str]:
    return [f'<p class="meta">{_e(line)}</p>' for line in heading_lines(source)]


def _signoff(source: ProtocolSource) -> list[str]:
    adoption = source.adoption
    if adoption is None or source.status == "draft":
        return []
    out = [
        '<section class="signoff" aria-labelledby="signoff">',
        '<h2 id="signoff">Sign-off</h2>',
        f"<p>{_e(adoption_statement(source))}</p>",
    ]
    people = [("Chair of the Council", adoption.chair), ("Clerk to the Council", adoption.clerk)]
    signed = [(role, name) for role, name in people if name]
    if signed:
        out.append('<div class="signatures">')
        for role, name in signed:
            out.append(
                f'<div class="signature"><p><strong>{_e(name)}</strong></p>'
                f"<p>{role}</p><p>Date: {_e(format_long(adoption.adopted_on))}</p></div>"
            )
        out.append("</div>")
    out.append("</section>")
    return out


def page_title(source: ProtocolSource) -> str:
    parts = [source.text.title or "Protocol"]
    if source.council.name:
        parts.append(source.council.name)
    return " – ".join(parts)


def render_html(source: ProtocolSource) -> str:
    """The whole page as text (UTF-8 when written)."""
    text = source.text
    numbered = text.numbered
    body: list[str] = ["<header>"]
    if source.council.name:
        body.append(f'<p class="council">{_e(source.council.name)}</p>')
    body.append(f"<h1>{_e(text.title or 'Protocol')}</h1>")
    body += _meta(source)
    body.append("</header>")
    body.append("<main>")
    body += _version_table(source)
    for section in text.sections:
        if section.heading.strip():
            number = (
                f'<span class="num">{_e(section.number)}</span>'
                if section.numbered and section.number
                else ""
            )
            body.append(f"<section><h2>{number}{_e(section.heading)}</h2>")
        else:
            body.append("<section>")
        for block in section.blocks:
            body += _block(block, numbered)
        body.append("</section>")
    body += _signoff(source)
    body.append("</main>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en-GB">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(page_title(source))}</title>",
            '<meta name="generator" content="MOP Desktop">',
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
