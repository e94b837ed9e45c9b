"""Every folder the app uses, from platformdirs, with the --data-dir / MOP_DATA_DIR override.

Also the one helper that finds shipped files (ui/, resources/) in a source checkout, an
installed wheel and a PyInstaller build.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mop_desktop import APP_ID, ORG_NAME

ENV_DATA_DIR = "MOP_DATA_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of a shipped file: ``resource_path("resources", "fonts", "DejaVuSans.ttf")``.

    The first part is ``"resources"`` or ``"ui"``. Frozen builds keep them under
    ``sys._MEIPASS``; wheels inside the package; a source checkout beside the package.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen).joinpath(*parts))
    candidates.append(_PACKAGE_DIR.joinpath(*parts))
    candidates.append(_PACKAGE_DIR.parent.joinpath(*parts))
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[-1]


@dataclass(frozen=True)
class AppPaths:
    """The folders of one data directory. Everything the app writes lives below ``data``."""

    data: Path

    @property
    def policy_db(self) -> Path:
        return self.data / "policy.db"

    @property
    def register_db(self) -> Path:
        return self.data / "register.db"

    @property
    def key_envelope(self) -> Path:
        return self.data / "register.key"

    @property
    def register_setup_marker(self) -> Path:
        """Present only while the register is being set up (``concerns init``): a register
        found with it beside is half-made and is removed by the next set-up."""
        return self.data / "register-setup.pending"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def kept_aside(self) -> Path:
        """Where damaged or pre-migration copies of the stores are kept."""
        return self.data / "kept-aside"

    @property
    def logs(self) -> Path:
        return self.data / "logs"

    @property
    def lock_file(self) -> Path:
        return self.data / "mop-desktop.lock"

    def ensure(self) -> AppPaths:
        """Create the data folder, and make it and the files in it private to the user (0700
        folders, 0600 files on Linux and macOS; files left readable by an older release or a
        copy are put right here)."""
        self.data.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        secure_data_folder(self)
        return self


# -- privacy of the files ---------------------------------------------------------------------
#: Modes on Linux and macOS: folders and files that only the user can read (Windows: the
#: user's profile folder's ACL already keeps others out; chmod there changes nothing useful).
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
#: The stores and the files SQLite keeps beside them while writing.
STORE_FILES = ("policy.db", "register.db", "register.key", "register.key.lock")
SIDE_FILES = ("-wal", "-shm", "-journal")
PRIVATE_FOLDERS = ("backups", "kept-aside", "logs")


def make_private(path: Path) -> None:
    """Set ``path`` to 0700 (folder) or 0600 (file) on POSIX, explicitly (never relying on the
    umask). Silent where it cannot: a file that is not there, not ours, or on a read-only disk."""
    if os.name != "posix":
        return
    try:
        st = path.lstat()
    except OSError:
        return
    import stat

    if stat.S_ISLNK(st.st_mode):
        return
    wanted = PRIVATE_FOLDER if stat.S_ISDIR(st.st_mode) else PRIVATE_FILE
    if stat.S_IMODE(st.st_mode) != wanted:
        try:
            os.chmod(path, wanted)
        except OSError:
            pass


def make_store_private(path: Path) -> None:
    """A store file and the files SQLite keeps beside it (-wal, -shm, -journal): 0600."""
    for suffix in ("", *SIDE_FILES):
        make_private(path.with_name(path.name + suffix))


def secure_data_folder(paths: AppPaths) -> None:
    """Make the data folder, the stores, the key file, and the backups and kept-aside copies
    private (0700 folders, 0600 files). Cheap: a few dozen ``stat`` calls. Called when a store
    is created and after a restore; safe to call any time."""
    if os.name != "posix":
        return
    make_private(paths.data)
    for name in STORE_FILES:
        for suffix in ("", *SIDE_FILES):
            make_private(paths.data / (name + suffix))
    for folder_name in PRIVATE_FOLDERS:
        folder = paths.data / folder_name
        make_private(folder)
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            make_private(entry)
            if entry.is_dir() and not entry.is_symlink():
                try:
                    for inner in entry.iterdir():
                        make_private(inner)
                except OSError:
                    pass


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, ORG_NAME, roaming=False))


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """``--data-dir`` first, then ``MOP_DATA_DIR``, then the platform's user data folder."""
    if data_dir:
        return AppPaths(Path(data_dir).expanduser().resolve())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return AppPaths(Path(env).expanduser().resolve())
    return AppPaths(default_data_dir())


_SYNCED_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "box sync")


def shared_folder_warning(path: Path) -> str | None:
    """A warning when the data folder sits on a network share or a synced folder."""
    text = str(path).lower()
    if text.startswith("\\\\") or text.startswith("//"):
        return f"The data folder {path} is on a network share: SQLite's locking is not safe there."
    for marker in _SYNCED_MARKERS:
        if marker in text:
            return (
                f"The data folder {path} is inside a synced folder ({marker}): "
                "SQLite's locking is not safe there. Choose a local folder."
            )
    return None
