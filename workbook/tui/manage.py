"""Looking after a caseload from Home: new names, the archive, deleting a couple, and clearing a
care flag, each done by the caseload service (``service/caseload.py``) and said in a notice,
success or failure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.service import caseload
from workbook.service.errors import ServiceError

if TYPE_CHECKING:
    from workbook.data.models import Couple
    from workbook.tui.app import WorkbookApp


def rename(
    app: WorkbookApp,
    couple: Couple,
    names: tuple[str, str],
    facilitator: str,
    *,
    folder: bool = False,
) -> None:
    """Save the couple's new names and facilitator; their agreement document, which names
    them, is written again; with ``folder``, their folder follows the new names."""
    try:
        renamed = caseload.rename(
            app.store, couple.id, names, facilitator, app.today, folder=folder
        )
    except ServiceError as error:
        app.notify(error.message, severity="error", markup=False)
        return
    if renamed.document_problem is not None:
        app.notify(
            "The names are saved, but the agreement document still has the old ones: "
            f"{renamed.document_problem}",
            severity="warning",
            markup=False,
        )
    if renamed.folder_problem is not None:
        app.notify(
            f"The names are saved, but {renamed.folder_problem}",
            severity="warning",
            markup=False,
        )
    elif renamed.couple.id != couple.id:
        app.notify(f"Their folder is now {renamed.couple.id}.", title="Couple", markup=False)
    app.notify(f"Saved: {names[0]} and {names[1]}.", title="Couple", markup=False)


def archive(app: WorkbookApp, couple: Couple, archived: bool) -> None:
    """Archive the couple (hidden from Home unless asked for), or bring them back."""
    a, b = couple.names
    try:
        caseload.archive(app.store, couple.id, archived)
    except ServiceError as error:
        app.notify(error.message, severity="error", markup=False)
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
        caseload.delete(app.store, couple.id)
    except ServiceError as error:
        app.notify(
            f"Deleting {a} and {b} did not finish: {error.message}.",
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
    """Clear the couple's care flag, the reason kept first in the notes."""
    from workbook.data.models import now

    a, b = couple.names
    try:
        caseload.clear_care(app.store, couple.id, reason, now())
    except ServiceError as error:
        app.notify(
            f"The care flag is still up: {error.message}",
            title="Care flag",
            severity="error",
            markup=False,
        )
        return
    app.notify(
        f"The care flag of {a} and {b} is cleared; the reason is kept in the notes.",
        title="Care flag",
        markup=False,
    )
