"""Opening sessions from the app: starting one with the packs chosen, resuming the latest
unfinished one with the pack versions it began with (each in the couple's window:
``screens/pause.py``; a check-in with the agreements still due for review first), and exporting
a couple's documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.models import Couple
from workbook.service.apart_session import is_apart

if TYPE_CHECKING:
    from workbook.tui.app import WorkbookApp

APART = (
    "This session is being walked on your own devices (each partner's own link), so it is "
    "shown here read-only. Go on with it from your own links."
)


def begin(app: WorkbookApp, couple: Couple, agenda: list[str]) -> None:
    """Start a new session with ``agenda``, keep the packs' versions, and walk it."""
    from workbook.logic.session_packs import begin_packs
    from workbook.tui.screens.walk import WalkScreen

    # Each pack in the couple's language where it is written in it (DESIGN.md section 4).
    loaded = [app.library.version(pack_id, couple.language) for pack_id in agenda]
    try:
        session = app.store.new_session(couple.id, agenda)
        begin_packs(session, app.store, loaded)
        app.store.save_session(couple.id, session)
    except (SaveError, OSError) as error:
        app.notify(f"The session could not be started: {error}", severity="error", markup=False)
        return
    packs = [pack.pack for pack in loaded if pack.pack is not None]
    app.enter_couple_window(couple)
    app.push_screen(WalkScreen(app.store, couple, session, packs))
    if any(pack.recurring for pack in packs):
        review_due_first(app, couple, session.id)


def review_due_first(app: WorkbookApp, couple: Couple, session_id: str) -> None:
    """At the start of a check-in, and when one is resumed, the agreements still due for review
    come first: how did they go? Each review is kept as part of the session."""
    from workbook.service.agreements import AgreementBook
    from workbook.tui.screens.review import ReviewScreen

    book = AgreementBook(app.store, couple, app.today)
    try:
        due = book.load().due(app.today())
    except DataError:
        return
    if due and book.read_only is None:
        app.push_screen(ReviewScreen(book, due_only=True, session=session_id))


def resume(app: WorkbookApp, couple: Couple) -> None:
    """Open the couple's latest unfinished session where it was left, with its packs as they
    were when it began."""
    from workbook.logic.session_packs import session_packs
    from workbook.tui.screens.walk import WalkScreen

    store = app.store
    for session_id in reversed(store.session_ids(couple.id)):
        try:
            session = store.load_session(couple.id, session_id)
        except DataError as error:
            app.notify(
                str(error), title="A session could not be read", severity="warning", markup=False
            )
            continue
        if session.finished is not None:
            continue
        if not session.agenda:
            app.notify(
                f"Session {session_id} has no packs in its agenda, so there is nothing to resume.",
                severity="warning",
                markup=False,
            )
            continue
        found = session_packs(session, store, app.library.packs)
        missing = [pack_id for pack_id, used in found.items() if used.pack is None]
        if missing:
            app.notify(
                f"This session needs packs it did not keep a copy of, which are not in the "
                f"library either: {', '.join(missing)}.",
                severity="error",
                markup=False,
            )
            return
        for used in found.values():
            if used.note:
                app.notify(f"{used.id}: {used.note}", severity="warning", markup=False)
        # A session walked on the partners' own devices is theirs to go on with: shown here,
        # never locked or written (the seats take the session's lock for each change).
        read_only = APART if is_apart(session) else store.lock_session(couple.id, session_id)
        packs = [used.pack for used in found.values() if used.pack is not None]
        app.enter_couple_window(couple)
        app.push_screen(WalkScreen(store, couple, session, packs, read_only))
        # A check-in paused during or after its review: what is still due comes first again.
        if read_only is None and any(pack.recurring for pack in packs):
            review_due_first(app, couple, session.id)
        return
    app.notify("There is no unfinished session to resume. Start a new one with s.", markup=False)


def export(app: WorkbookApp, couple: Couple) -> None:
    """Write the agreement document and the latest session's summary, and say where. In an
    encrypted folder, where those are sealed, offer a plain copy in a folder of the couple's
    choosing (or, in a browser, the downloads), and say that it is not encrypted."""
    from workbook.export.documents import export as make
    from workbook.service.agreements import AgreementBook
    from workbook.tui.deliver import hand_over

    store = app.store
    try:
        book = AgreementBook(store, couple, app.today)
        document = book.document(book.load())
        store.write_document(couple.id, document)
        written = [(store.layout.agreement_document(couple.id), document)]
        sessions = store.session_ids(couple.id)
        if sessions:
            summary = make(
                store, couple.id, app.library.packs, app.today(), session_id=sessions[-1]
            )
            path = store.write_export(couple.id, summary.name, summary.text)
            written.append((path, summary.text))
            if summary.problems:
                app.notify(
                    "Left out, as it could not be read: " + "; ".join(summary.problems[:3]),
                    severity="warning",
                    markup=False,
                )
    except (DataError, SaveError, OSError) as error:
        app.notify(f"Export failed: {error}", severity="error", markup=False)
        return
    if not store.encrypted:
        app.notify(hand_over(app, written), title="Exported", timeout=15, markup=False)
        return
    from workbook.export.plain_copy import NOT_ENCRYPTED

    if app.served:
        said = hand_over(app, written)
        app.notify(f"{said}. {NOT_ENCRYPTED}", title="Exported", timeout=20, markup=False)
        return
    from workbook.tui.screens.plain_copy import PlainCopyScreen

    def copied(paths: list[Path] | None) -> None:
        if paths:
            listed = "\n".join(str(path) for path in paths)
            app.notify(
                f"Written:\n{listed}\n{NOT_ENCRYPTED}", title="Plain copy", timeout=20, markup=False
            )

    documents = [(path.name, text) for path, text in written]
    app.push_screen(PlainCopyScreen(store.root, documents), copied)
