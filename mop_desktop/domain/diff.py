"""Clause-by-clause comparison of two versions of a document. Plain Python.

Clauses (blocks) and section headings of the old and the new version are paired by their
text, not their position: identical text first, then the most similar text (a word-level
similarity of at least ``SIMILAR``). So a clause that moved or was renumbered is recognised as
the same clause, not as one removed and another added. Of the paired clauses, those that keep
their relative order (the longest run in the same order) stayed in place; the others moved.
Within a reworded clause the words inserted and deleted are given; within its list, the items
added, removed or reworded.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from mop_desktop.domain.document import Block, DocumentText, ListItem
from mop_desktop.domain.numbering import list_marker

SIMILAR = 0.5  # share of words in common for two texts to count as the same clause reworded

EQUAL, INSERT, DELETE = "equal", "insert", "delete"


@dataclass(frozen=True)
class WordOp:
    op: str  # equal | insert | delete
    text: str


@dataclass
class ItemChange:
    """One list item in the comparison. ``kind``: same, added, removed or reworded."""

    kind: str
    depth: int
    marker: str
    old: str | None
    new: str | None
    ops: list[WordOp] = field(default_factory=list)


@dataclass
class ClauseChange:
    """A heading or a clause as it stands in the comparison."""

    kind: str  # "heading" or "block"
    section: str  # the heading it sits under (the draft's, or the old one for removals)
    old_number: str = ""
    new_number: str = ""
    old_text: str | None = None
    new_text: str | None = None
    added: bool = False
    removed: bool = False
    reworded: bool = False
    moved: bool = False
    renumbered: bool = False
    ops: list[WordOp] = field(default_factory=list)
    items: list[ItemChange] = field(default_factory=list)
    block: Block | None = None  # the draft's block (the old one for removals)

    @property
    def items_changed(self) -> bool:
        return any(i.kind != "same" for i in self.items)

    @property
    def changed(self) -> bool:
        """Changed in wording or place (renumbering alone is a consequence, not a change)."""
        return self.added or self.removed or self.reworded or self.moved or self.items_changed

    @property
    def label(self) -> str:
        """How a clerk refers to it: its number, or its first words for unnumbered text."""
        number = self.new_number if not self.removed else self.old_number
        if number:
            return number
        text = self.new_text if self.new_text is not None else (self.old_text or "")
        words = text.split()
        return "\u201c" + " ".join(words[:7]) + ("\u2026" if len(words) > 7 else "") + "\u201d"


@dataclass
class DocumentDiff:
    entries: list[ClauseChange]

    def _where(self, attr: str) -> list[ClauseChange]:
        return [e for e in self.entries if getattr(e, attr)]

    @property
    def added(self) -> list[ClauseChange]:
        return self._where("added")

    @property
    def removed(self) -> list[ClauseChange]:
        return self._where("removed")

    @property
    def reworded(self) -> list[ClauseChange]:
        """Clauses kept from the adopted text whose own text or list changed (a new clause's
        list is new with it, not a rewording)."""
        return [
            e
            for e in self.entries
            if (e.reworded or e.items_changed) and not (e.added or e.removed)
        ]

    @property
    def moved(self) -> list[ClauseChange]:
        return self._where("moved")

    @property
    def renumbered(self) -> list[ClauseChange]:
        return self._where("renumbered")

    @property
    def changed(self) -> list[ClauseChange]:
        return [e for e in self.entries if e.changed]

    @property
    def has_changes(self) -> bool:
        return bool(self.changed) or bool(self.renumbered)


# -- units -----------------------------------------------------------------------------------
@dataclass
class _Unit:
    kind: str
    section: str
    number: str
    text: str
    items: list[tuple[int, str, str]]  # (depth, marker, text), flattened
    block: Block | None

    @property
    def words(self) -> list[str]:
        out = self.text.split()
        for _depth, _marker, text in self.items:
            out += text.split()
        return out

    @property
    def signature(self) -> tuple[str, str, tuple[str, ...]]:
        return (self.kind, _norm(self.text), tuple(_norm(t) for _d, _m, t in self.items))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _flatten(
    items: list[ListItem], style: str | None, depth: int = 0
) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    for index, item in enumerate(items, start=1):
        out.append((depth, list_marker(style, index), item.text))
        out += _flatten(item.items, item.list_style, depth + 1)
    return out


def _units(doc: DocumentText) -> list[_Unit]:
    doc = doc.clone().renumber()
    units: list[_Unit] = []
    for section in doc.sections:
        if section.heading.strip():
            units.append(
                _Unit("heading", section.heading, section.number, section.heading, [], None)
            )
        for block in section.blocks:
            units.append(
                _Unit(
                    "block",
                    section.heading,
                    block.number,
                    block.text,
                    _flatten(block.items, block.list_style),
                    block,
                )
            )
    return units


# -- matching --------------------------------------------------------------------------------
def _ratio(a: list[str], b: list[str]) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _match(old: list[_Unit], new: list[_Unit]) -> dict[int, int]:
    """new index -> old index for every pair recognised as the same clause or heading."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for key in (lambda u: u.signature, lambda u: (u.kind, _norm(u.text))):
        waiting: dict[object, list[int]] = {}
        for i, unit in enumerate(old):
            if i not in used:
                waiting.setdefault(key(unit), []).append(i)
        for j, unit in enumerate(new):
            if j in pairs:
                continue
            queue = waiting.get(key(unit))
            if queue:
                i = queue.pop(0)
                pairs[j] = i
                used.add(i)
    free_old = [i for i in range(len(old)) if i not in used]
    free_new = [j for j in range(len(new)) if j not in pairs]
    scored = []
    for j in free_new:
        for i in free_old:
            if old[i].kind != new[j].kind:
                continue
            score = _ratio(old[i].words, new[j].words)
            if score >= SIMILAR:
                scored.append((score, -abs(i - j), j, i))
    for _score, _dist, j, i in sorted(scored, reverse=True):
        if j not in pairs and i not in used:
            pairs[j] = i
            used.add(i)
    return pairs


def _in_order(pairs: dict[int, int]) -> set[int]:
    """The new indices of the longest run of pairs that kept their relative order."""
    seq = sorted(pairs.items())  # by new index
    if not seq:
        return set()
    olds = [o for _n, o in seq]
    best_len = [1] * len(olds)
    prev = [-1] * len(olds)
    for k in range(len(olds)):
        for m in range(k):
            if olds[m] < olds[k] and best_len[m] + 1 > best_len[k]:
                best_len[k] = best_len[m] + 1
                prev[k] = m
    k = max(range(len(olds)), key=lambda x: best_len[x])
    keep: set[int] = set()
    while k != -1:
        keep.add(seq[k][0])
        k = prev[k]
    return keep


# -- words and items -------------------------------------------------------------------------
def word_ops(old: str, new: str) -> list[WordOp]:
    """Words deleted from ``old`` and inserted into ``new``, in reading order."""
    a, b = old.split(), new.split()
    ops: list[WordOp] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(WordOp(EQUAL, " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(WordOp(DELETE, " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(WordOp(INSERT, " ".join(b[j1:j2])))
    return ops


def _items(old: list[tuple[int, str, str]], new: list[tuple[int, str, str]]) -> list[ItemChange]:
    out: list[ItemChange] = []
    matcher = difflib.SequenceMatcher(
        None, [_norm(t) for _d, _m, t in old], [_norm(t) for _d, _m, t in new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [ItemChange("same", d, m, t, t) for d, m, t in new[j1:j2]]
            continue
        olds, news = list(old[i1:i2]), list(new[j1:j2])
        while olds and news:
            (od, om, ot), (nd, nm, nt) = olds[0], news[0]
            if _ratio(ot.split(), nt.split()) >= SIMILAR:
                out.append(ItemChange("reworded", nd, nm, ot, nt, word_ops(ot, nt)))
                olds.pop(0)
                news.pop(0)
            elif len(olds) >= len(news):
                out.append(ItemChange("removed", od, om, ot, None))
                olds.pop(0)
            else:
                out.append(ItemChange("added", nd, nm, None, nt))
                news.pop(0)
        out += [ItemChange("removed", d, m, t, None) for d, m, t in olds]
        out += [ItemChange("added", d, m, None, t) for d, m, t in news]
    return out


# -- the comparison --------------------------------------------------------------------------
def compare(old_doc: DocumentText | None, new_doc: DocumentText) -> DocumentDiff:
    """Compare the last adopted version (``old_doc``; None for a first adoption) with the
    draft. Entries follow the draft's order; a removed clause stands after the clause that
    preceded it in the old version."""
    old = _units(old_doc) if old_doc is not None else []
    new = _units(new_doc)
    pairs = _match(old, new)
    in_place = _in_order(pairs)
    entries: list[ClauseChange] = []
    removed_after: dict[int, list[int]] = {}  # old index it followed -> removed old indices
    anchors = {pairs[j] for j in in_place}  # old clauses that stayed in place
    matched_old = set(pairs.values())
    last_anchor = -1
    for i in range(len(old)):
        if i in anchors:
            last_anchor = i
        elif i not in matched_old:
            removed_after.setdefault(last_anchor, []).append(i)

    def removed_entry(i: int) -> ClauseChange:
        u = old[i]
        return ClauseChange(
            u.kind,
            u.section,
            old_number=u.number,
            old_text=u.text,
            removed=True,
            ops=[WordOp(DELETE, _norm(u.text))],
            items=[ItemChange("removed", d, m, t, None) for d, m, t in u.items],
            block=u.block,
        )

    for i in removed_after.get(-1, []):
        entries.append(removed_entry(i))
    for j, u in enumerate(new):
        if j not in pairs:
            entries.append(
                ClauseChange(
                    u.kind,
                    u.section,
                    new_number=u.number,
                    new_text=u.text,
                    added=True,
                    ops=[WordOp(INSERT, _norm(u.text))],
                    items=[ItemChange("added", d, m, None, t) for d, m, t in u.items],
                    block=u.block,
                )
            )
            continue
        i = pairs[j]
        o = old[i]
        reworded = _norm(o.text) != _norm(u.text)
        moved = j not in in_place
        entry = ClauseChange(
            u.kind,
            u.section,
            old_number=o.number,
            new_number=u.number,
            old_text=o.text,
            new_text=u.text,
            reworded=reworded,
            moved=moved,
            renumbered=bool(o.number or u.number) and o.number != u.number and not moved,
            ops=word_ops(o.text, u.text) if reworded else [WordOp(EQUAL, _norm(u.text))],
            items=_items(o.items, u.items),
            block=u.block,
        )
        entries.append(entry)
        if not moved:
            entries += [removed_entry(k) for k in removed_after.get(i, [])]
    return DocumentDiff(entries)
