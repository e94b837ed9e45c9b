"""Every check of the stores at once, for ``mop-desktop check`` and the window's "Check the data".

The file checks are the store's own (``store.integrity``: ``policy.db``'s ``quick_check`` and
foreign keys, the register's key file and ``cipher_integrity_check``); the adoption history's
hash chain (``services.history_check.verify_chain``) and its anchor in the PC's credential store
(``services.history_check.check_anchor``) are services, so they are put together here, above the
store (the store never imports a service).
"""

from __future__ import annotations

from mop_desktop.paths import AppPaths
from mop_desktop.store.db import Store
from mop_desktop.store.integrity import Finding, policy_problems, register_findings


def check_chain(store: Store) -> Finding:
    """The adoption history's hash chain."""
    from mop_desktop.services.adoption import verify_chain

    report = verify_chain(store)
    return Finding("adoption history", bool(report.ok), str(report.summary()))


def check_anchor(store: Store, chain_ok: bool) -> Finding:
    """The history against its anchor in this PC's credential store (``store.anchor``)."""
    from mop_desktop.services.history_check import check_anchor as confirm

    report = confirm(store, chain_ok)
    return Finding("history anchor", report.ok, report.message)


def check_all(
    paths: AppPaths, store: Store | None = None, register_key: bytearray | None = None
) -> list[Finding]:
    """Every check that can be run now. ``store`` must be open for the chain check."""
    findings = []
    if store is not None and store.is_server:  # no file: the server looks after its pages
        problems: list[str] = []
        findings.append(Finding("policy.db", True, f"the shared store {store.name} opens"))
    else:
        problems = policy_problems(paths.policy_db)
        findings.append(
            Finding("policy.db", not problems, problems[0] if problems else "policy.db is sound")
        )
    if store is not None and not problems:
        chain = check_chain(store)
        findings.append(chain)
        if chain.ok is not None:
            findings.append(check_anchor(store, bool(chain.ok)))
    if paths.register_db.exists() or paths.key_envelope.exists():
        findings.extend(register_findings(paths, register_key))
    return findings
