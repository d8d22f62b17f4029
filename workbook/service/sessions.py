"""A couple's sessions, as the faces need them: beginning one with the packs chosen, resuming the
latest unfinished one with the pack versions it began with, the agreements due for review at the
start of a check-in, the session the console may follow, and the couple's documents written
into their folder (the app's Export).

No Textual and no printing: what could not be done raises a ``ServiceError``; what a face
should say on the way is told to its ``warn``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.i18n.catalog import N_
from workbook.i18n.said import AS_GIVEN, Words
from workbook.service.errors import NotFound, NotSaved, Refused

if TYPE_CHECKING:
    from workbook.data.models import Agreement, Couple, Session
    from workbook.data.notes import NotesFile
    from workbook.data.read_only_reasons import Reason
    from workbook.data.store import Store
    from workbook.packs.load import LoadedPack
    from workbook.packs.models import Pack
    from workbook.service.agreements import AgreementBook

Packs = Mapping[str, "LoadedPack"]
# Told of what was passed over: what (in any language), and a title (marked with N_, or "").
Warn = Callable[[Words, str], None]
NOTHING_TO_RESUME = N_("There is no unfinished session to resume.")
APART = Words(
    N_(
        "This session is being walked on your own devices (each partner's own link), so it is "
        "shown here read-only. Go on with it from your own links."
    )
)


@dataclass
class Walked:
    """A session to walk: the session, its packs, and why it is read-only (or None)."""

    session: Session
    packs: list[Pack]
    read_only: Reason | None = None
    # A check-in walks the agreements due for review first.
    recurring: bool = False


def begin(store: Store, couple: Couple, agenda: list[str], library: Packs) -> Walked:
    """Start a new session with ``agenda``, and keep the packs' versions it uses (``library``
    has each pack in the couple's language where it is written in it: DESIGN.md section 4)."""
    from workbook.logic.session_packs import begin_packs

    loaded = [library[pack_id] for pack_id in agenda]
    try:
        session = store.new_session(couple.id, agenda)
        begin_packs(session, store, loaded)
        store.save_session(couple.id, session)
    except (SaveError, OSError) as error:
        raise NotSaved(N_("The session could not be started: {problem}"), problem=error) from error
    packs = [pack.pack for pack in loaded if pack.pack is not None]
    return Walked(session, packs, recurring=any(pack.recurring for pack in packs))


def resume(store: Store, couple: Couple, library: Callable[[], Packs], warn: Warn) -> Walked:
    """The couple's latest unfinished session, with its packs as they were when it began, and
    its lock held (else read-only; always read-only when it is walked apart, on the partners'
    own devices). Sessions that cannot be read, or have no packs, are passed over, and
    ``warn(text, title)`` is told of each as it happens, as of each pack that is not the version
    the session began with. Raises ``NotFound`` when no session is left to resume, ``Refused``
    when a pack it needs is nowhere."""
    from workbook.logic.session_packs import session_packs
    from workbook.service.apart_session import is_apart

    for session_id in reversed(store.session_ids(couple.id)):
        try:
            session = store.load_session(couple.id, session_id)
        except DataError as error:
            warn(Words(AS_GIVEN, problem=error), N_("A session could not be read"))
            continue
        if session.finished is not None:
            continue
        if not session.agenda:
            said = N_(
                "Session {session} has no packs in its agenda, so there is nothing to resume."
            )
            warn(Words(said, session=session_id), "")
            continue
        found = session_packs(session, store, library())
        missing = [pack_id for pack_id, used in found.items() if used.pack is None]
        if missing:
            said = N_(
                "This session needs packs it did not keep a copy of, which are not in the "
                "library either: {packs}."
            )
            raise Refused(said, packs=", ".join(missing))
        for used in found.values():
            if used.note:
                # TRANSLATORS: a pack's id, and what is to be known of the version shown.
                warn(Words(N_("{pack}: {note}"), pack=used.id, note=Words(used.note)), "")
        # A session walked on the partners' own devices is theirs to go on with: shown here,
        # never locked or written (the seats take the session's lock for each change).
        read_only = APART if is_apart(session) else store.lock_session(couple.id, session_id)
        packs = [used.pack for used in found.values() if used.pack is not None]
        recurring = any(pack.recurring for pack in packs)
        return Walked(session, packs, read_only, recurring=recurring)
    raise NotFound(NOTHING_TO_RESUME)


def due_for_review(store: Store, couple: Couple, today: Callable[[], date]) -> AgreementBook | None:
    """At the start of a check-in, and when one is resumed: the couple's agreements, when some
    are still due for review and the book can be written (else None)."""
    book = agreements(store, couple, today)
    try:
        due = book.load().due(today())
    except DataError:
        return None
    return book if due and book.read_only is None else None


def agreements(store: Store, couple: Couple, today: Callable[[], date]) -> AgreementBook:
    """The couple's agreements (``AgreementBook``), for the review and the walk."""
    from workbook.service.agreements import AgreementBook

    return AgreementBook(store, couple, today)


@dataclass
class Written:
    """Documents written into the couple's folder: (path, text) each, what was left out, and
    ``sealed``: the folder is encrypted, so the files are sealed (a plain copy is asked for)."""

    files: list[tuple[Path, str]]
    # What was left out, each said in any language with ``said_in``.
    problems: list[Words]
    sealed: bool = False


def write_documents(store: Store, couple: Couple, library: Packs, today: date) -> Written:
    """Write the agreement document and the latest session's summary into the couple's folder
    (the app's Export). Raises ``NotSaved`` when one cannot be read or written."""
    from workbook.export.documents import export as make

    try:
        book = agreements(store, couple, lambda: today)
        document = book.document(book.load())
        store.write_document(couple.id, document)
        path = store.layout.agreement_document(couple.id)
        written = Written([(path, document)], [], sealed=store.encrypted)
        sessions = store.session_ids(couple.id)
        if sessions:
            summary = make(store, couple.id, library, today, session_id=sessions[-1])
            path = store.write_export(couple.id, summary.name, summary.text)
            written.files.append((path, summary.text))
            written.problems = list(summary.problems)
    except (DataError, SaveError, OSError) as error:
        raise NotSaved(N_("Export failed: {problem}"), problem=error) from error
    return written


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


def first_time(store: Store, couple_id: str) -> bool:
    """True before the couple's first session: the agenda then suggests where to start."""
    return not store.session_ids(couple_id)


def earlier(store: Store, couple_id: str, session_id: str) -> list[Session]:
    """The couple's sessions other than ``session_id`` that can be read, oldest first (where
    requests were set aside)."""
    return list(store.earlier_sessions(couple_id, session_id))


def release(store: Store, couple_id: str, session_id: str) -> None:
    """Let go of the session's lock, once it is left or finished, so that it can be opened
    again (here, or by another window)."""
    store.release_session(couple_id, session_id)


def notes(store: Store, couple_id: str, session_id: str) -> NotesFile:
    """The session's notes file, for the facilitator's notes typed on the couple's screen."""
    return store.notes(couple_id, session_id)


@dataclass(frozen=True)
class Made:
    """What a session made: its agreements, and the active agreement to review first."""

    agreements: list[Agreement]
    soonest: Agreement | None


def made_in(store: Store, couple: Couple, session_id: str) -> Made:
    """The agreements made in session ``session_id``, and the couple's next review; nothing
    when the agreements cannot be read."""
    try:
        found = agreements(store, couple, date.today).load()
    except DataError:
        return Made([], None)
    made = [a for a in found.active() if a.session == session_id]
    return Made(made, min(found.active(), key=lambda a: a.review_on, default=None))
