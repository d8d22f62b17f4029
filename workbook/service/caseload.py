"""The caseload: the couples of a data folder as Home and ``workbook couples`` show them, and
looking after them (a new couple, new names, the archive, deleting a couple, clearing a care
flag, the care note seen, what the couple's window says).

Each change is saved under the couple's lock (``Store.update_couple``); what could not be done
raises a ``ServiceError`` whose message says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from workbook.data import vault
from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.index import Caseload, load_caseload
from workbook.data.layout import is_id
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.service.errors import AS_GIVEN, NotFound, NotSaved, Refused

if TYPE_CHECKING:
    from workbook.data.models import Couple
    from workbook.data.overview import Overview
    from workbook.data.store import Store
    from workbook.i18n.said import Words


def caseload(store: Store, today: date, *, save: bool = True) -> Caseload:
    """Every couple at a glance on ``today``, through Home's index where the couples' files have
    not changed; ``save=False`` for a command that only lists (it changes no file)."""
    return load_caseload(store, today, save=save)


def row(overview: Overview) -> dict[str, Any]:
    """A couple as ``workbook couples --json`` gives it (DESIGN.md section 6)."""
    return {
        "id": overview.id,
        "partners": [
            {"key": key, "name": name} for key, name in zip("ab", overview.names, strict=True)
        ],
        "facilitator": overview.facilitator,
        "created": overview.created,
        "sessions": overview.sessions,
        "last_session": overview.last_session,
        "last_session_at": overview.last_session_at,
        "unfinished": overview.unfinished,
        "agreements_active": overview.agreements_active,
        "agreements_due": overview.agreements_due,
        "next_review": overview.next_review,
        "next_session": overview.next_session,
        "homework_open": overview.homework_open,
        "homework_overdue": overview.homework_overdue,
        "goals_open": overview.goals_open,
        "archived": overview.archived,
        "folder": overview.folder,
        "problem": overview.problem,
        # When and in which session; never who answered.
        "care_flag": (
            {"raised": overview.care[0] or None, "session": overview.care[1] or None}
            if overview.care is not None
            else None
        ),
    }


def rows(found: Caseload, *, archived: bool = False) -> list[dict[str, Any]]:
    """The rows of ``found``, the archived couples only with ``archived``."""
    return [row(o) for o in found.couples if archived or not o.archived]


def require_couple(store: Store, couple_id: str) -> None:
    """Raise ``NotFound`` unless ``couple_id`` names a couple folder of ``store``."""
    if not is_id(couple_id) or couple_id not in store.couple_ids():
        said = N_('no couple "{couple}" in {folder} (see: workbook couples)')
        raise NotFound(said, couple=couple_id, folder=store.root)


def require_session(store: Store, couple_id: str, session_id: str) -> None:
    """Raise ``NotFound`` unless the couple has a session file ``session_id``."""
    if not is_id(session_id) or session_id not in store.session_ids(couple_id):
        raise NotFound(
            N_('{couple} has no session "{session}"'), couple=couple_id, session=session_id
        )


def load(store: Store, couple_id: str, unreadable: str | Words | None = None) -> Couple:
    """The couple in full; ``unreadable``: why the caseload could not read them, if it could
    not. Raises ``NotSaved`` (naming the file) when the couple cannot be read, and ``NotFound``
    for an id that cannot name a couple folder."""
    try:
        if unreadable is not None:
            raise DataError(store.layout.couple_file(couple_id), unreadable)
        return store.load_couple(couple_id)
    except DataError as error:
        raise NotSaved(AS_GIVEN, problem=error) from error
    except ValueError as error:
        raise NotFound(AS_GIVEN, problem=error) from error


def add(
    store: Store,
    name_a: str,
    name_b: str,
    facilitator: str | None = None,
    language: str | None = None,
) -> Couple:
    """A new couple, saved in a folder of their own (its id made from the names), speaking
    ``language`` (English when none). Raises ``NotSaved`` saying why it could not be."""
    try:
        return store.create_couple(name_a, name_b, facilitator or None, language=language)
    except (SaveError, OSError, ValueError) as error:
        raise NotSaved(N_("The couple could not be saved: {problem}"), problem=error) from error


def require_writable(store: Store, couple_id: str) -> None:
    """Raise ``Refused`` with the reason when the couple's folder is read-only (its couple.toml
    is), so that no session is begun that could not be saved."""
    reason = store.couple_reason(couple_id)
    if reason is not None:
        raise Refused(AS_GIVEN, problem=reason)


def care_note_seen(store: Store, couple: Couple) -> None:
    """The couple has seen the care note: it is not shown to them again. ``couple`` is changed
    and saved; raises ``NotSaved`` when it could not be (the note was seen all the same)."""
    couple.care_note_seen = True
    try:
        store.save_couple(couple)
    except SaveError as error:
        raise NotSaved(AS_GIVEN, problem=error) from error


@dataclass(frozen=True)
class Window:
    """What a couple's window says of them: whether a session waits to be resumed, and whether
    the caseload has other couples."""

    unfinished: bool
    others: bool


def window(store: Store, couple_id: str, today: date) -> Window:
    """The couple's window, read from the files now; an unreadable couple has nothing to
    resume."""
    try:
        unfinished = store.overview(couple_id, today).unfinished
    except DataError:
        unfinished = False
    return Window(bool(unfinished), any(c != couple_id for c in store.couple_ids()))


@dataclass(frozen=True)
class Renamed:
    couple: Couple
    # Why agreement.md still has the old names, when it could not be written again.
    document_problem: DataError | SaveError | None = None
    # Why the folder kept its name, when it was asked to take the new one and could not.
    folder_problem: Words | None = None


def rename(
    store: Store,
    couple_id: str,
    names: tuple[str, str],
    facilitator: str,
    today: Callable[[], date],
    *,
    folder: bool = False,
    language: str | None = None,
) -> Renamed:
    """Save the couple's new names and facilitator (and ``language``, when given); their
    agreement document, which names them and speaks their language, is written again (sealed
    in an encrypted folder). With ``folder``, the couple's folder takes the name the new names
    make (``data/moving.py``; the couple's id changes with it, in ``Renamed.couple``). Raises
    ``NotSaved``."""
    from workbook.service.agreements import AgreementBook

    def change(changed: Couple) -> None:
        changed.partners[0].name, changed.partners[1].name = names
        changed.facilitator = facilitator or None
        if language is not None:
            changed.language = language

    saved = _update(store, couple_id, change, N_("The names could not be saved: {problem}"))
    moved: Words | None = None
    if folder:
        from workbook.data.moving import move_couple

        try:
            couple_id = move_couple(store, couple_id)
        except SaveError as error:
            moved = Words(N_("the folder keeps its name: {problem}"), problem=error.why)
        else:
            saved = store.load_couple(couple_id)
    # agreements.toml.age in an encrypted folder: vault knows the name on disk.
    if not vault.exists(store.layout.agreements_file(couple_id)):
        return Renamed(saved, folder_problem=moved)
    try:
        AgreementBook(store, saved, today).write_document()
    except (DataError, SaveError) as error:
        return Renamed(saved, error, moved)
    return Renamed(saved, folder_problem=moved)


def archive(store: Store, couple_id: str, archived: bool) -> Couple:
    """Archive the couple (hidden from Home unless asked for), or bring them back."""

    def change(changed: Couple) -> None:
        changed.archived = archived

    return _update(store, couple_id, change, N_("The couple could not be changed: {problem}"))


def delete(store: Store, couple_id: str) -> None:
    """Remove the couple's folder, every file in it, and its entry in the index; raises
    ``NotSaved`` saying what was left and why (``removal.remove_couple``)."""
    from workbook.data.removal import remove_couple

    store.release_couple(couple_id)
    try:
        remove_couple(store, couple_id)
    except SaveError as error:
        raise NotSaved(AS_GIVEN, problem=error.reason) from error


def clear_care(store: Store, couple_id: str, reason: str, when: datetime) -> None:
    """Clear the couple's care flag, the reason kept first in the notes (``data/care.py``)."""
    from workbook.data.care import clear_flag

    try:
        clear_flag(store, couple_id, reason, when)
    except (DataError, SaveError, ValueError) as error:
        raise NotSaved(AS_GIVEN, problem=error) from error


def _update(store: Store, couple_id: str, change: Callable[[Couple], None], failed: str) -> Couple:
    try:
        return store.update_couple(couple_id, change)
    except (DataError, SaveError) as error:
        raise NotSaved(failed, problem=error) from error
