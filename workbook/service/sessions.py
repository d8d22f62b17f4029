"""A couple's sessions, as the faces need them: the one still unfinished, which the console
follows (Home's Facilitate).

Beginning and resuming a session, earlier sessions and the requests waiting from them come here
when ``tui/sessions.py`` and the walk move onto the services (issue 24, after issue 22)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.data.files import DataError

if TYPE_CHECKING:
    from workbook.data.store import Store


def current_session(store: Store, couple_id: str) -> str | None:
    """The couple's latest unfinished session, read without a lock, or None."""
    for session_id in reversed(store.session_ids(couple_id)):
        try:
            session = store.peek_session(couple_id, session_id)
        except DataError:
            continue
        if session.finished is None:
            return str(session_id)
    return None
