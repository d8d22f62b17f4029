"""The errors of the use cases: each carries a message a face can show as it is (on stderr, or in
a notice), cleaned of control characters, since paths and names can come from hostile files."""

from __future__ import annotations

from workbook.text import clean


class ServiceError(Exception):
    """A use case that could not be done, and why, in words for the person who asked."""

    def __init__(self, message: str) -> None:
        message = clean(message)
        super().__init__(message)
        self.message = message


class NotFound(ServiceError):
    """No such couple or session in the data folder."""


class Refused(ServiceError):
    """The use case cannot be done as asked (and nothing was changed)."""


class NotSaved(ServiceError):
    """A file could not be read or saved: the message says which and why."""


class WrongSecret(ServiceError):
    """The passphrase, recovery code or PIN given does not open the folder."""
