"""Checking the adoption history: the hash chain, the adopted texts it covers, its head, and
its anchor in the PC's credential store (``store.anchor``).

``verify_chain`` reads only. It reports a record whose fields no longer give its hash, a record
that no longer follows the one before it, a record whose adopted text has been changed, emptied
or unlinked from it, a version marked adopted that no record covers, and newest records deleted
(against the head ``policy.db`` keeps).

``check_anchor`` goes further where there is a credential store: it confirms each record's
HMAC and the head kept there, anchors a history that has none yet (only when the chain is
intact), and moves the kept head on after new adoptions. ``anchor_here`` re-anchors on
purpose (a store moved to another PC or folder).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any

from mop_desktop.domain.dates import format_long
from mop_desktop.domain.records import VersionStatus, record_mac
from mop_desktop.store import anchor as anchors
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store
from mop_desktop.store.models import DocumentRow, VersionRow
from mop_desktop.store.settings import get, put

NOT_ANCHORED = "history checked; not anchored (no credential store on this PC)"


@dataclass
class ChainReport:
    rows_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            n = self.rows_checked
            return f"The adoption history is intact ({n} record{'' if n == 1 else 's'} checked)."
        return "The adoption history has been altered: " + "; ".join(self.problems)


@dataclass(frozen=True)
class AnchorReport:
    ok: bool | None  # None: nothing to confirm against (no credential store, not anchored)
    message: str


def _describe(position: int, row_label: str, adopted_on: dt.date | None) -> str:
    when = f", adopted {format_long(adopted_on)}" if adopted_on else ""
    return f"history row {position} (version {row_label or '?'}{when})"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def verify_chain(store: Store) -> ChainReport:
    """Every way the stored history no longer matches what was adopted (reads only)."""
    report = ChainReport()
    with store.session() as session:
        heads = get(session, anchors.HEAD)
        seen_docs: set[str] = set()
        for doc in session.query(DocumentRow).order_by(DocumentRow.id):
            seen_docs.add(str(doc.id))
            _verify_document(session, doc, heads.get(str(doc.id)), report)
        for doc_id, head in heads.items():
            if doc_id not in seen_docs and isinstance(head, list) and head and head[0]:
                report.problems.append(
                    f"a document with {_plural(int(head[0]), 'adoption record')} is missing"
                )
    return report


def _verify_document(session: Any, doc: DocumentRow, head: Any, report: ChainReport) -> None:
    previous = ""
    covered: set[int] = set()
    for position, row in enumerate(doc.adoptions, start=1):
        report.rows_checked += 1
        record = docs.adoption_from_row(row)
        where = _describe(position, row.version_label, row.adopted_on)
        if row.prev_hash != previous:
            report.problems.append(f"{where} no longer follows the row before it")
        if record.compute_hash() != row.record_hash:
            report.problems.append(f"{where} has been altered")
        previous = row.record_hash
        if not row.text_sha256:
            continue  # history imported without its text
        if row.version_id is None:
            report.problems.append(f"{where} no longer links to the text it adopted")
            continue
        version = session.get(VersionRow, row.version_id)
        if version is None:
            report.problems.append(f"the text adopted in {where} is missing")
        elif not version.sections or docs.load_text(version).sha256() != row.text_sha256:
            report.problems.append(f"the text adopted in {where} has been altered")
        else:
            covered.add(version.id)
    for version in doc.versions:
        if version.status in (VersionStatus.ADOPTED, VersionStatus.SUPERSEDED) and (
            version.id not in covered and not any(r.version_id == version.id for r in doc.adoptions)
        ):
            report.problems.append(
                f"version {version.label or '?'} is marked adopted but no adoption record "
                "covers its text (a record has been deleted)"
            )
    _verify_head(doc, head, report)


def _verify_head(doc: DocumentRow, head: Any, report: ChainReport) -> None:
    rows = doc.adoptions
    if not (isinstance(head, list) and len(head) == 2):
        if any(r.record_hash.startswith("v2-") for r in rows):
            report.problems.append("the record of the history's newest adoption is missing")
        return
    count, newest = int(head[0]), str(head[1])
    if len(rows) < count:
        gone = count - len(rows)
        report.problems.append(
            f"the newest {_plural(gone, 'adoption record')} "
            f"{'has' if gone == 1 else 'have'} been deleted "
            f"({len(rows)} of {count} remain)"
        )
    elif count and rows[count - 1].record_hash != newest:
        report.problems.append(f"history row {count} is not the newest adoption recorded")
    elif len(rows) > count:
        report.problems.append(
            f"{_plural(len(rows) - count, 'adoption record')} were added outside the app"
        )


# -- the anchor in the credential store --------------------------------------------------------
def check_anchor(store: Store, chain_ok: bool) -> AnchorReport:
    """Confirm the history against this PC's credential store (anchoring it first if it has
    no anchor yet and the chain is intact). On a shared store each PC has an anchor of its
    own (``store.anchor``)."""
    location = anchors.location_of(store.engine)
    shared = store.is_server
    try:
        entry = anchors.read_entry(location)
    except anchors.NoCredentialStore:
        return _without_credential_store(store)
    except (ValueError, KeyError, TypeError):
        return AnchorReport(
            False,
            "the anchor kept in this PC's credential store is damaged; "
            "the history cannot be confirmed",
        )
    with store.session() as session:
        kept = get(session, anchors.anchor_setting(shared, entry.anchor_id if entry else None))
    if entry is None and not kept.get("id"):
        if not chain_ok:
            return AnchorReport(None, "history not anchored: it must be intact first")
        return _anchor_new(store, location)
    if entry is None:
        return AnchorReport(
            False,
            (
                "history not confirmed: it was anchored on another PC or in another folder, and "
                "this PC's credential store does not hold its anchor (if you moved the store on "
                "purpose, run: mop-desktop check --anchor-here)"
            ),
        )
    if kept.get("id") != entry.anchor_id:
        return AnchorReport(
            False,
            (
                "history not confirmed: this PC's credential store holds the anchor of the "
                "history kept here, but the store no longer carries it, so the history may have "
                "been rewritten (if you replaced the store on purpose, run: mop-desktop check "
                "--anchor-here)"
            ),
        )
    if anchors.check_value(entry.secret, entry.anchor_id) != kept.get("check"):
        return AnchorReport(False, "history not confirmed: its anchor has been changed")
    return _confirm(store, location, entry, kept, shared and chain_ok)


def _without_credential_store(store: Store) -> AnchorReport:
    from sqlalchemy import select

    from mop_desktop.store.models import SettingRow

    with store.session() as session:
        if store.is_server:
            anchored = (
                session.scalars(
                    select(SettingRow.key).where(
                        SettingRow.key.startswith(anchors.SHARED_ANCHOR_PREFIX)
                    )
                ).first()
                is not None
            )
        else:
            anchored = bool(get(session, anchors.ANCHOR).get("id"))
    if anchored:
        return AnchorReport(
            None, "history checked; its anchor cannot be confirmed (no credential store on this PC)"
        )
    return AnchorReport(None, NOT_ANCHORED)


def _confirm(
    store: Store,
    location: str,
    entry: anchors.Entry,
    kept: dict[str, Any],
    take_in_new: bool = False,
) -> AnchorReport:
    """Every record carries this PC's HMAC and the kept heads are still there. With
    ``take_in_new`` (a shared store whose chain is intact) records after this PC's kept head,
    added by another PC since, are taken into this PC's anchor instead."""
    macs = kept.get("macs") or {}
    problems: list[str] = []
    heads: dict[str, list[Any]] = {}
    taken: dict[str, str] = {}
    count = 0
    with store.session() as session:
        for doc in session.query(DocumentRow).order_by(DocumentRow.id):
            rows = doc.adoptions
            kept_head = entry.heads.get(str(doc.id))
            seen = int(kept_head[0]) if isinstance(kept_head, list) and kept_head else 0
            for position, row in enumerate(rows, start=1):
                count += 1
                mac = record_mac(entry.secret, row.record_hash)
                if macs.get(row.record_hash) == mac:
                    continue
                if take_in_new and position > seen:
                    taken[row.record_hash] = mac
                    continue
                where = _describe(position, row.version_label, row.adopted_on)
                problems.append(f"{where} does not carry this PC's anchor")
            if isinstance(kept_head, list) and len(kept_head) == 2:
                n, newest = int(kept_head[0]), str(kept_head[1])
                if len(rows) < n:
                    problems.append(
                        f"the newest {_plural(n - len(rows), 'anchored record')} "
                        f"{'is' if n - len(rows) == 1 else 'are'} missing"
                    )
                elif n and rows[n - 1].record_hash != newest:
                    problems.append(f"history row {n} is not the one anchored")
            if rows:
                heads[str(doc.id)] = [len(rows), rows[-1].record_hash]
        for doc_id, kept_head in entry.heads.items():
            if doc_id not in heads and isinstance(kept_head, list) and kept_head[:1] != [0]:
                problems.append("a document's anchored adoption records are missing")
    if problems:
        return AnchorReport(
            False,
            "history not confirmed by its anchor: "
            + "; ".join(problems)
            + " (if you restored an older backup on purpose, run: mop-desktop "
            "check --anchor-here)",
        )
    if taken:  # another PC's adoptions since this PC last checked: this PC's HMACs added
        setting = anchors.anchor_setting(True, entry.anchor_id)
        with store.write_session() as session:
            current = get(session, setting)
            put(session, setting, {**current, "macs": {**(current.get("macs") or {}), **taken}})
    if heads != entry.heads:  # new adoptions since: the kept head moves on
        try:
            anchors.write_entry(location, anchors.Entry(entry.anchor_id, entry.secret, heads))
        except anchors.NoCredentialStore:
            pass
    return AnchorReport(
        True,
        f"history anchored: {_plural(count, 'record')} confirmed by this PC's credential store",
    )


def _anchor_new(store: Store, location: str) -> AnchorReport:
    """Make a secret, keep it in the credential store, and HMAC every record with it."""
    entry = anchors.Entry(secrets.token_hex(16), secrets.token_bytes(32), {})
    with store.session() as session:
        for doc in session.query(DocumentRow).order_by(DocumentRow.id):
            if doc.adoptions:
                entry.heads[str(doc.id)] = [len(doc.adoptions), doc.adoptions[-1].record_hash]
    try:
        anchors.write_entry(location, entry)
    except anchors.NoCredentialStore as exc:
        return AnchorReport(None, f"history checked; not anchored ({exc})")
    try:
        with store.session() as session:
            macs = {}
            for doc in session.query(DocumentRow).order_by(DocumentRow.id):
                for row in doc.adoptions:
                    macs[row.record_hash] = record_mac(entry.secret, row.record_hash)
            put(
                session,
                anchors.anchor_setting(store.is_server, entry.anchor_id),
                {
                    "id": entry.anchor_id,
                    "check": anchors.check_value(entry.secret, entry.anchor_id),
                    "macs": macs,
                },
            )
            if entry.heads:
                stored: dict[str, Any] = get(session, anchors.HEAD)
                heads = {**stored}
                heads.update(entry.heads)
                put(session, anchors.HEAD, heads)
    except Exception as exc:  # a read-only or full store: leave nothing half anchored
        anchors.delete_entry(location)
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):
            return AnchorReport(None, "history checked; not anchored (the store cannot be written)")
        raise
    count = len(macs)
    return AnchorReport(
        True, f"history anchored now in this PC's credential store ({_plural(count, 'record')})"
    )


def anchor_here(store: Store) -> AnchorReport:
    """Re-anchor a store moved here on purpose: only when its chain is intact."""
    chain = verify_chain(store)
    if not chain.ok:
        return AnchorReport(False, "not anchored: " + chain.summary())
    location = anchors.location_of(store.engine)
    try:
        anchors.read_entry(location)
    except anchors.NoCredentialStore:
        return AnchorReport(None, NOT_ANCHORED)
    except (ValueError, KeyError, TypeError):
        pass  # a damaged entry is replaced
    anchors.delete_entry(location)
    return _anchor_new(store, location)


def after_adoption(store: Store) -> AnchorReport | None:
    """Anchor the history on its first adoption, or move the anchored head on, where this PC
    has a credential store. Never fails the adoption itself: ``check`` reports problems."""
    try:
        return check_anchor(store, verify_chain(store).ok)
    except Exception:  # a credential store that misbehaves must not undo a council's decision
        return None


def after_amendment(store: Store) -> None:
    """An audited amendment re-chained the history (a minute reference added to an imported
    row): the credential store's kept heads follow, where this PC holds the anchor. Records
    were re-noted (and MACed) in policy.db by the amendment itself."""
    try:
        location = anchors.location_of(store.engine)
        entry = anchors.read_entry(location)
        if entry is None:
            return
        with store.session() as session:
            kept = get(session, anchors.anchor_setting(store.is_server, entry.anchor_id))
            heads = {
                str(doc.id): [len(doc.adoptions), doc.adoptions[-1].record_hash]
                for doc in session.query(DocumentRow).order_by(DocumentRow.id)
                if doc.adoptions
            }
        if not kept.get("id") or entry.anchor_id != kept["id"]:
            return
        if anchors.check_value(entry.secret, entry.anchor_id) != kept.get("check"):
            return
        anchors.write_entry(location, anchors.Entry(entry.anchor_id, entry.secret, heads))
    except Exception:  # noqa: BLE001 - check reports any mismatch; the amendment stands
        return
