"""The key file's failures, each with a one-line message for the user."""

from __future__ import annotations


class VaultError(Exception):
    """A key problem, with a one-line message for the user."""


class NoRegister(VaultError):
    def __init__(self, message: str = "no register yet: set it up first (concerns init)") -> None:
        super().__init__(message)


class WrongPassphrase(VaultError):
    def __init__(self, message: str = "wrong passphrase") -> None:
        super().__init__(message)


class WrongRecoveryKey(WrongPassphrase):
    def __init__(self, message: str = "wrong recovery key") -> None:
        super().__init__(message)


class EnvelopeDamaged(VaultError):
    def __init__(self, message: str = "key file damaged: restore from backup") -> None:
        super().__init__(message)


class WeakPassphrase(VaultError):
    pass


class KeyFileChanged(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "the key file was replaced meanwhile (by a restore?): nothing was changed; lock the "
            "register and open it again"
        )


class NotTheNewRecoveryKey(VaultError):
    pass
