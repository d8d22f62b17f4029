"""What a screen asks of the app: each message names one use case, and the app answers it with
one service call (``tui/flows.py``, ``tui/caseload_flows.py``).

A screen posts one of these on itself; it bubbles up to the app. So screens never import the
app, and the app is the one place that opens the screens of a session.

They are plain classes, not dataclasses: this module loads at start-up, and making a dataclass
costs more than the whole of a small class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from workbook.data.models import Couple


class ForCouple(Message):
    """A message about one couple."""

    def __init__(self, couple: Couple) -> None:
        super().__init__()
        self.couple = couple


class AddCouple(Message):
    """Add a couple, then open their agenda."""


class OpenAgenda(ForCouple):
    """A new session for the couple: their window, the care note if unseen, the agenda."""


class ResumeSession(ForCouple):
    """The couple's latest unfinished session, where it was left."""


class ExportDocuments(ForCouple):
    """Write the agreement document and the latest session's summary, and say where."""


class ReviewAgreements(ForCouple):
    """Go through the couple's agreements together."""


class OpenConsole(ForCouple):
    """The counsellor's console for the couple's current session (Home's Facilitate)."""


class RenameCouple(ForCouple):
    """New names and facilitator for the couple; with ``folder``, their folder takes the name
    the new names make; ``language`` (None: unchanged) is that of their screens and
    documents."""

    def __init__(
        self,
        couple: Couple,
        names: tuple[str, str],
        facilitator: str,
        folder: bool = False,
        language: str | None = None,
    ) -> None:
        super().__init__(couple)
        self.names = names
        self.facilitator = facilitator
        self.folder = folder
        # The language of their screens and documents; None leaves it as it is.
        self.language = language


class ArchiveCouple(ForCouple):
    """Archive the couple, or (``archived`` False) bring them back."""

    def __init__(self, couple: Couple, archived: bool) -> None:
        super().__init__(couple)
        self.archived = archived


class DeleteCouple(ForCouple):
    """Delete every file of the couple (their names were typed already)."""


class ClearCare(ForCouple):
    """Clear the couple's care flag, with the reason given."""

    def __init__(self, couple: Couple, reason: str) -> None:
        super().__init__(couple)
        self.reason = reason
