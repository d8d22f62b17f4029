"""The couple's documents, for every face: the agreement document, a session's summary, the
counsellor's session notes, the case record (``export.documents.export`` makes each, as Markdown
or HTML), and the history of check-ins and scores as text, CSV or JSON.

What is asked is checked first (the couple, the session, notes only with a session or the case,
never a file inside the data folder); what could not be read on the way comes back in
``notes``, for the face to say.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.i18n.catalog import N_
from workbook.service.caseload import require_couple, require_session
from workbook.service.errors import AS_GIVEN, NotSaved, Refused

if TYPE_CHECKING:
    from workbook.data.store import Store
    from workbook.export.document import Document
    from workbook.packs.load import LoadedPack

Library = Callable[[], Mapping[str, "LoadedPack"]]
HISTORY_FORMATS = ("text", "csv", "json")


@dataclass
class Exported:
    document: Document
    # What to tell the person: files shown read-only, and what could not be read.
    notes: list[str] = field(default_factory=list)


def export(
    store: Store,
    couple_id: str,
    library: Library,
    today: date,
    *,
    session_id: str | None = None,
    fmt: str = "md",
    include_notes: bool = False,
    case: bool = False,
    out: Path | None = None,
) -> Exported:
    """One of the couple's documents (``export.documents.export``), after checking what is
    asked; ``library`` is called once the request is known to be good. ``out``, where the
    face will write it, is refused inside the data folder."""
    from workbook.export.documents import export as make

    require_couple(store, couple_id)
    if include_notes and session_id is None and not case:
        raise Refused(
            N_("--include-notes goes with --session or --case: the agreement document has no notes")
        )
    if session_id is not None:
        require_session(store, couple_id, session_id)
    if out is not None and inside(out, store.root):
        said = N_(
            "{out} is inside the data folder; export to a file outside it, so that no "
            "data file is overwritten"
        )
        raise Refused(said, out=out)
    packs = library()
    from workbook.i18n.choose import app_language

    # The counsellor's documents speak the app's language (settings, --lang, the locale).
    language = app_language(store.load_settings().get("language"), os.environ)
    document = make(
        store,
        couple_id,
        packs,
        today,
        session_id=session_id,
        fmt=fmt,
        include_notes=include_notes,
        case=case,
        language=language,
    )
    notes = [f"{path.name}: {reason}" for path, reason in store.read_only.items()]
    notes += [f"not read: {problem}" for problem in document.problems]
    return Exported(document, notes)


def write(document: Document, out: Path) -> Path:
    """Write ``document`` to ``out`` durably (into it, under the suggested name, when it is a
    folder); returns where."""
    from workbook.data.places import write_atomic

    target = out / document.name if out.is_dir() else out
    try:
        write_atomic(target, document.text.encode("utf-8"))
    except OSError as error:
        raise NotSaved(AS_GIVEN, problem=error) from error
    return target


def inside(path: Path, root: Path) -> bool:
    """True when ``path``, links followed, is in the data folder ``root``."""
    real = Path(os.path.realpath(path))
    return real.is_relative_to(Path(os.path.realpath(root)))


def history(
    store: Store,
    couple_id: str,
    library: Library,
    fmt: str,
    note: Callable[[str, str], None],
    excel: bool = False,
) -> str:
    """The couple's check-in trends and scores as ``fmt`` (text, csv or json), each session
    read with the pack versions it kept; ``note(what, text)`` is told, as it happens, why the
    couple is shown read-only (``"note"``) and of each session that cannot be read
    (``"skipped"``)."""
    from workbook.data.files import DataError
    from workbook.export import history as render
    from workbook.logic.session_packs import packs_in_use
    from workbook.logic.trends import score_history, trends

    require_couple(store, couple_id)
    couple = store.load_couple(couple_id)
    reason = store.read_only.get(store.layout.couple_file(couple.id))
    if reason:
        note("note", reason.message)
    packs = library()
    sessions = []
    for session_id in store.session_ids(couple.id):
        try:
            sessions.append(store.load_session(couple.id, session_id))
        except DataError as error:
            note("skipped", str(error))
    names: dict[str, str] = {p.key: p.name for p in couple.partners}
    # Trends and scores both read each session with the pack versions it kept.
    kept = {s.id: packs_in_use(s, store, packs) for s in sessions}
    lines = trends(sessions, lambda s: kept[s.id])
    scores = score_history(sessions, lambda s: kept[s.id])
    if fmt == "csv":
        return render.as_csv(lines, scores, names, excel=excel)
    if excel:
        raise Refused(N_("--excel goes with --format csv"))
    made = {"text": render.as_text, "json": render.as_json}[fmt]
    return made(lines, scores, names)
