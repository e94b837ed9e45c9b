"""Anchoring the adoption history outside the data folder.

Each adoption record's hash (``domain.records``) chains it to the record before, so a changed
record shows; but anyone holding ``policy.db`` can recompute every hash. The anchor is a random
256-bit secret kept in the PC's credential store through ``keyring`` (Windows Credential
Manager, macOS Keychain, Secret Service), under the service "MOP Desktop" and a name made
from where the store lives. With it:

- every record carries an HMAC-SHA256 of its record hash under the secret (kept in the
  ``history.anchor`` setting with the anchor's id and a check value that tells a wrong secret
  from a changed record), which no one without the secret can make for a rewritten record;
- the credential store also keeps each document's record count and newest record hash (the
  head), so deleting the newest records is seen even though the rest still verify.

``policy.db`` also keeps the head itself (``history.head``): that catches a careless deletion
on a PC without a credential store, though not a careful one.

A **shared store** (on a database server, used by several PCs) is named in each PC's credential
store by its own identity (``store.id``, a random id written when the store is created), not
by the URL (each PC may reach the server by another name or user). Each PC keeps an anchor of
its own (``history.anchor.<anchor id>`` in the store): it confirms every record it had seen
when it last checked, and takes records added since by another PC into its anchor when the
chain vouches for them (they follow, hash by hash, from the records it had confirmed).
Rewriting or deleting a record is thus seen from every PC of the office; a record appended
outside the app is seen on the PC whose records it follows only by the chain and the head.

When there is no usable credential store (a headless Linux server, CI), nothing is anchored
and ``mop-desktop check`` says so. ``keyring`` is imported only when an anchor is used.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mop_desktop.domain.records import record_mac
from mop_desktop.store.settings import Setting, get, put

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SERVICE = "MOP Desktop"
#: {"id": anchor id, "check": HMAC of the id, "macs": {record hash: HMAC}}
ANCHOR: Setting[dict[str, Any]] = Setting("history.anchor", {}, "Adoption history anchor")
#: {document id: [number of records, newest record hash]}
HEAD: Setting[dict[str, Any]] = Setting("history.head", {}, "Adoption history head")


class NoCredentialStore(Exception):
    """keyring has no usable backend here (or it failed); the message says which."""


@dataclass
class Entry:
    """What the credential store keeps for one store location."""

    anchor_id: str
    secret: bytes
    heads: dict[str, list[Any]]

    def to_text(self) -> str:
        return json.dumps({"id": self.anchor_id, "secret": self.secret.hex(), "heads": self.heads})

    @classmethod
    def from_text(cls, text: str) -> Entry:
        data = json.loads(text)
        secret = bytes.fromhex(str(data["secret"]))
        if len(secret) != 32:
            raise ValueError("the secret is not 256 bits")
        heads = data.get("heads") or {}
        if not isinstance(heads, dict):
            raise ValueError("heads")
        return cls(str(data["id"]), secret, heads)


#: The identity of a shared store, written when it is created (``store.db``).
STORE_ID_KEY = "store.id"
#: The prefix of each PC's own anchor in a shared store.
SHARED_ANCHOR_PREFIX = "history.anchor."


# -- where the store lives, and the credential store ------------------------------------------
def is_shared(bind: Any) -> bool:
    """True for a store on a database server (several PCs), False for policy.db."""
    engine = getattr(bind, "engine", bind)
    return str(engine.url.get_backend_name()) != "sqlite"


def location_of(bind: Any) -> str:
    """The store's location: a resolved file path; for a shared store its own identity
    (the same from every PC), or failing that its URL without a password."""
    engine = getattr(bind, "engine", bind)
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database:  # normcase: C:\ and c:\ alike
        return os.path.normcase(str(Path(url.database).resolve()))
    if url.get_backend_name() != "sqlite":
        from sqlalchemy import text

        with engine.connect() as connection:
            store_id = connection.execute(
                text("SELECT value FROM setting WHERE key = :key"), {"key": STORE_ID_KEY}
            ).scalar()
        if store_id:
            return f"shared store {store_id}"
    return str(url.render_as_string(hide_password=True))


def anchor_setting(shared: bool, anchor_id: str | None) -> Setting[dict[str, Any]]:
    """Where the store keeps an anchor: policy.db's one, or on a shared store each PC's own
    (named by ``anchor_id``)."""
    if not shared:
        return ANCHOR
    return Setting(f"{SHARED_ANCHOR_PREFIX}{anchor_id or ''}", {}, "Adoption history anchor")


def entry_name(location: str) -> str:
    return "history anchor " + hashlib.sha256(location.encode("utf-8")).hexdigest()[:24]


def _keyring() -> Any:
    """The keyring module when it has a usable backend; NoCredentialStore otherwise."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        raise NoCredentialStore("the keyring package is not installed") from None
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a backend that cannot start (no D-Bus session, ...)
        raise NoCredentialStore(f"no credential store on this PC ({exc})") from None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise NoCredentialStore("no credential store on this PC")
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        raise NoCredentialStore("no credential store on this PC")
    return keyring


def read_entry(location: str) -> Entry | None:
    """The anchor kept for ``location``, None if there is none. NoCredentialStore if the
    credential store cannot be used; ValueError if what it holds is not an anchor."""
    keyring = _keyring()
    try:
        text = keyring.get_password(SERVICE, entry_name(location))
    except Exception as exc:  # locked, refused, backend failure
        raise NoCredentialStore(f"the credential store could not be read ({exc})") from None
    return None if text is None else Entry.from_text(text)


def write_entry(location: str, entry: Entry) -> None:
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, entry_name(location), entry.to_text())
    except Exception as exc:
        raise NoCredentialStore(f"the credential store could not be written ({exc})") from None


def delete_entry(location: str) -> None:
    try:
        _keyring().delete_password(SERVICE, entry_name(location))
    except Exception:  # nothing to delete, or no credential store: either way it is gone
        pass


def check_value(secret: bytes, anchor_id: str) -> str:
    return record_mac(secret, f"anchor:{anchor_id}")


# -- written with each record (store.documents.append_adoption) -------------------------------
def note_record(session: Session, document_id: int, count: int, record_hash: str) -> None:
    """Move the store's own head on, and add the record's HMAC if the store is anchored and
    this PC holds its secret (a record written without it shows up in ``check``)."""
    kept: dict[str, Any] = get(session, HEAD)
    heads = {**kept}
    heads[str(document_id)] = [count, record_hash]
    put(session, HEAD, heads)
    shared = is_shared(session.get_bind())
    if not shared and not get(session, ANCHOR).get("id"):
        return
    try:
        entry = read_entry(location_of(session.get_bind()))
    except (NoCredentialStore, ValueError, KeyError):
        return
    if entry is None:
        return
    setting = anchor_setting(shared, entry.anchor_id)
    anchor = get(session, setting)
    if entry.anchor_id != anchor.get("id"):
        return
    if check_value(entry.secret, entry.anchor_id) != anchor.get("check"):
        return
    macs: dict[str, str] = {**(anchor.get("macs") or {})}
    macs[record_hash] = record_mac(entry.secret, record_hash)
    put(session, setting, {**anchor, "macs": macs})
