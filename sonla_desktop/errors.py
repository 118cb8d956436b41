"""User-facing errors: expected problems with the user's input or files.

Anything that is not a ``UserError`` is a bug and goes to the crash dialog and log.
Every message is written in Vietnamese and English at the place it is raised, so the
text a clerk reads names the very field or row that is wrong.
"""

from __future__ import annotations

_language = "vi"


def set_language(lang: str) -> None:
    """Choose the language of user-facing messages ("vi" or "en")."""
    global _language
    _language = "en" if lang.startswith("en") else "vi"


def current_language() -> str:
    return _language


class UserError(Exception):
    """An expected error the user can fix. ``str(err)`` is the message in the UI language."""

    def __init__(self, vi: str, en: str | None = None) -> None:
        self.vi = vi
        self.en = en or vi
        super().__init__(vi)

    @property
    def message(self) -> str:
        return self.en if _language == "en" else self.vi

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """Bad value in one field. ``field`` is the model attribute name (e.g. ``national_id``)."""

    def __init__(self, field: str, vi: str, en: str | None = None) -> None:
        self.field = field
        super().__init__(vi, en)


class NotFoundError(UserError):
    """A record the user named does not exist."""


class DuplicateError(UserError):
    """A unique value (such as a CCCD) already belongs to another record."""

    def __init__(self, vi: str, en: str | None = None, existing_id: str | None = None) -> None:
        self.existing_id = existing_id
        super().__init__(vi, en)


class SchemaTooNewError(UserError):
    """The database was written by a newer program version."""


class DamagedDatabaseError(UserError):
    """The file given as the database is not a SQLite database, or is damaged. The GUI
    offers to pick another file; the CLI says to restore a backup (``restore FILE``)."""


class MissingDatabaseError(UserError):
    """A command that only reads or changes existing data was given a file that does not
    exist: nothing is created (a mistyped ``--db`` must not leave an empty database)."""


class SyncError(UserError):
    """A bundle was refused (bad signature, replay, unknown sender, ...)."""


class ImportRowsError(UserError):
    """Several rows of an input file are wrong; ``errors`` lists them all."""

    def __init__(self, errors: list, vi: str, en: str | None = None) -> None:
        self.errors = errors
        super().__init__(vi, en)


class PermissionDenied(UserError):
    """The logged-in user's role may not take this action (``domain.roles``)."""


class LoginError(UserError):
    """Wrong name or password, a disabled account, or an attempt before the wait is over.

    ``wait`` is the number of seconds before the next attempt is accepted (0 when none)."""

    def __init__(self, vi: str, en: str | None = None, wait: float = 0.0) -> None:
        self.wait = wait
        super().__init__(vi, en)
