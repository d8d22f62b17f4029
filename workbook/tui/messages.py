"""What a screen asks of the app: each message names one use case, and the app answers it with
one service call (``tui/flows.py``, ``tui/caseload_flows.py``).

A screen posts one of these on itself; it bubbles up to the app. So screens never import the
app, and the app is the one place that opens the screens of a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from workbook.data.models import Couple


class AddCouple(Message):
    """Add a couple, then open their agenda."""


@dataclass
class OpenAgenda(Message):
    """A new session for the couple: their window, the care note if unseen, the agenda."""

    couple: Couple


@dataclass
class ResumeSession(Message):
    """The couple's latest unfinished session, where it was left."""

    couple: Couple


@dataclass
class ExportDocuments(Message):
    """Write the agreement document and the latest session's summary, and say where."""

    couple: Couple


@dataclass
class ReviewAgreements(Message):
    """Go through the couple's agreements together."""

    couple: Couple


@dataclass
class OpenConsole(Message):
    """The counsellor's console for the couple's current session (Home's Facilitate)."""

    couple: Couple


@dataclass
class RenameCouple(Message):
    couple: Couple
    names: tuple[str, str]
    facilitator: str
    # The couple's folder takes the name the new names make.
    folder: bool = False
    # The language of their screens and documents; None leaves it as it is.
    language: str | None = None


@dataclass
class ArchiveCouple(Message):
    """Archive the couple, or (``archived`` False) bring them back."""

    couple: Couple
    archived: bool


@dataclass
class DeleteCouple(Message):
    """Delete every file of the couple (their names were typed already)."""

    couple: Couple


@dataclass
class ClearCare(Message):
    """Clear the couple's care flag, with the reason given."""

    couple: Couple
    reason: str
