"""A rule's message that knows its fix: the help, in words, and the change that makes it.

``Said`` is a ``str``, so it goes wherever a rule's message goes; the loader reads its help and
turns its change into edits of the file (``fixes.py``). A change names the key it is about by the
problem's own key path, so a rule that knows nothing of the file can still say it.
"""

from __future__ import annotations

from dataclasses import dataclass

RENAME, VALUE, DELETE, TO_PACK, TABLE, TOP = (
    "rename",
    "value",
    "delete",
    "to pack",
    "table",
    "top",
)


@dataclass(frozen=True)
class Change:
    """A fix named by the key path it is about: ``rename`` the key to ``text``, set its
    ``value`` to ``text``, ``delete`` it, move it ``to pack`` (above the first table), name
    every ``[[table]]`` of that key ``text`` (``[[step]]`` as ``[[steps]]``), or add the line
    ``text`` at the ``top`` of the pack, before its first key."""

    how: str
    text: str = ""


class Said(str):
    """A message that knows its help, and its fix when the fix is certain.

    It is a ``str``, so it goes wherever a rule's message goes.
    """

    help: str
    change: Change | None
    # Text inside the value that the message is about, such as "{parter}": the caret points at
    # it rather than at the key.
    spot: str

    def __new__(
        cls, message: str, help: str = "", change: Change | None = None, spot: str = ""
    ) -> Said:
        said = super().__new__(cls, message)
        said.help = help
        said.change = change
        said.spot = spot
        return said
