"""Looking after a caseload from Home: new names, the archive, deleting a couple, and clearing a
care flag, each saved through the store and said in a notice, success or failure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.data import vault
from workbook.data.durable import SaveError
from workbook.data.files import DataError

if TYPE_CHECKING:
    from workbook.data.models import Couple
    from workbook.tui.app import WorkbookApp


def rename(app: WorkbookApp, couple: Couple, names: tuple[str, str], facilitator: str) -> None:
    """Save the couple's new names and facilitator; their agreement document, which names
    them, is written again."""
    from workbook.data.agreement_book import AgreementBook

    def change(changed: Couple) -> None:
        changed.partners[0].name, changed.partners[1].name = names
        changed.facilitator = facilitator or None

    try:
        saved = app.store.update_couple(couple.id, change)
    except (DataError, SaveError) as error:
        app.notify(f"The names could not be saved: {error}", severity="error", markup=False)
        return
    # agreements.toml.age in an encrypted folder: vault knows the name on disk.
    if vault.exists(app.store.layout.agreements_file(couple.id)):
        try:
            AgreementBook(app.store, saved, app.today).write_document()
        except (DataError, SaveError) as error:
            app.notify(
                f"The names are saved, but the agreement document still has the old ones: {error}",
                severity="warning",
                markup=False,
            )
    app.notify(f"Saved: {names[0]} and {names[1]}.", title="Couple", markup=False)


def archive(app: WorkbookApp, couple: Couple, archived: bool) -> None:
    """Archive the couple (hidden from Home unless asked for), or bring them back."""

    def change(changed: Couple) -> None:
        changed.archived = archived

    a, b = couple.names
    try:
        app.store.update_couple(couple.id, change)
    except (DataError, SaveError) as error:
        app.notify(f"The couple could not be changed: {error}", severity="error", markup=False)
        return
    if archived:
        said = f"{a} and {b} are archived: Show › Archived lists them, and F2 brings them back."
    else:
        said = f"{a} and {b} are back among the current couples."
    app.notify(said, title="Couple", markup=False)


def delete(app: WorkbookApp, couple: Couple) -> None:
    """Delete every file of the couple, and their entry in the index."""
    a, b = couple.names
    try:
        app.store.delete_couple(couple.id)
    except SaveError as error:
        app.notify(
            f"Deleting {a} and {b} did not finish: {error.reason}.",
            title="Delete",
            severity="error",
            timeout=20,
            markup=False,
        )
        return
    app.notify(
        f"{a} and {b} are deleted, with every file of theirs.", title="Deleted", markup=False
    )


def clear_care(app: WorkbookApp, couple: Couple, reason: str) -> None:
    """Clear the couple's care flag, the reason kept first in the notes (``data/care.py``)."""
    from workbook.data.care import clear_flag
    from workbook.data.models import now

    a, b = couple.names
    try:
        clear_flag(app.store, couple.id, reason, now())
    except (DataError, SaveError, ValueError) as error:
        app.notify(
            f"The care flag is still up: {error}", title="Care flag", severity="error", markup=False
        )
        return
    app.notify(
        f"The care flag of {a} and {b} is cleared; the reason is kept in the notes.",
        title="Care flag",
        markup=False,
    )
