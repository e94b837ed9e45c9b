"""No core dump of this process: a crash must not leave the passphrase, the register's data key
or decrypted concerns in a file on disk.

POSIX (Linux, macOS): the core file size limit is set to 0, soft and hard, so neither this
process nor anything it starts can raise it again (systemd-coredump and apport honour it too).
Windows: ``SetErrorMode`` stops the "stopped working" dialog and the error reporting that goes
with it; a dump configured by the machine's administrator (WER LocalDumps) is outside the app's
reach. Called first thing in ``cli.main`` (every command and the window); costs well under a
millisecond.
"""

from __future__ import annotations

import sys

#: SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX
_WINDOWS_ERROR_MODE = 0x0001 | 0x0002 | 0x8000


def disable_core_dumps() -> bool:
    """Turn core dumps off for this process; True if the platform allowed it."""
    if sys.platform == "win32":
        try:
            import ctypes

            kernel32 = ctypes.windll.kernel32
            kernel32.SetErrorMode(kernel32.GetErrorMode() | _WINDOWS_ERROR_MODE)
        except (AttributeError, OSError):
            return False
        return True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        return False
    return True
