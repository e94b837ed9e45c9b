"""Where backups are kept, set through the service the window calls."""

from __future__ import annotations

from mop_desktop.services.backup_settings import set_backups_folder
from mop_desktop.store import settings
from mop_desktop.store.backup_folder import backups_folder


def _stored(store):
    with store.session() as session:
        return settings.get(session, settings.BACKUP_DIR)


def test_a_chosen_folder_is_stored_and_the_default_as_empty(store, app_paths, tmp_path):
    usb = tmp_path / "usb" / "backups"
    usb.mkdir(parents=True)
    set_backups_folder(store, app_paths, usb)
    assert _stored(store) == str(usb)
    assert backups_folder(app_paths, store) == usb
    set_backups_folder(store, app_paths, app_paths.backups)
    assert _stored(store) == ""
    assert backups_folder(app_paths, store) == app_paths.backups
