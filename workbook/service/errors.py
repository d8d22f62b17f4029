"""The errors of the use cases: each carries a message a face can show, in English as
``message`` (the command line's words, on stderr) and in any language with ``said(tr)`` (a
screen's notice). The message is a template marked with ``N_`` and named fields, cleaned of
control characters, since paths and names can come from hostile files (``i18n/said.py``)."""

from __future__ import annotations

from workbook.i18n.said import AS_GIVEN, Said

__all__ = ["AS_GIVEN", "NotFound", "NotSaved", "Refused", "ServiceError", "WrongSecret"]


class ServiceError(Said):
    """A use case that could not be done, and why, in words for the person who asked:
    ``ServiceError(N_("no goal \\"{goal}\\""), goal=goal_id)``."""


class NotFound(ServiceError):
    """No such couple or session in the data folder."""


class Refused(ServiceError):
    """The use case cannot be done as asked (and nothing was changed)."""


class NotSaved(ServiceError):
    """A file could not be read or saved: the message says which and why."""


class WrongSecret(ServiceError):
    """The passphrase, recovery code or PIN given does not open the folder."""
