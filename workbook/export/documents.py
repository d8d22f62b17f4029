"""The one way to export: the agreement document, one session's summary, or the case record, as
Markdown or HTML.

The command line, the app and the browser all call ``export``, so the same data gives the same
document whichever asked. What could not be read on the way is in ``problems``, for the caller
to report (on stderr, or as a warning in the app).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from workbook.data.store import Store
from workbook.export.agreement_doc import written_document
from workbook.export.document import Document
from workbook.export.html import to_html
from workbook.export.summary import summary_markdown
from workbook.i18n.catalog import _, speaking
from workbook.i18n.said import Words
from workbook.logic.session_packs import session_packs
from workbook.packs.load import LoadedPack


def export(
    store: Store,
    couple_id: str,
    library: Mapping[str, LoadedPack],
    today: date,
    *,
    session_id: str | None = None,
    fmt: str = "md",
    include_notes: bool = False,
    case: bool = False,
    language: str | None = None,
) -> Document:
    """The couple's agreement document, with ``session_id`` that session's summary, or with
    ``case`` the case record (``case_record.py``). With ``include_notes`` and ``session_id``,
    the counsellor's notes on that session instead (``session_notes.py``): never the couple's
    summary with notes added; with ``case``, the case record with its confidential part. The
    couple's documents speak the couple's language; the case record and the notes speak
    ``language``, the app's.

    Raises ``DataError`` when a file it needs cannot be read.
    """
    if case:
        from workbook.export.case_record import case_document

        return case_document(
            store,
            couple_id,
            library,
            today,
            fmt=fmt,
            include_notes=include_notes,
            language=language,
        )
    if session_id is not None and include_notes:
        from workbook.export.session_notes import notes_document

        return notes_document(
            store, couple_id, session_id, library, today, fmt=fmt, language=language
        )
    couple = store.load_couple(couple_id)
    agreements = store.load_agreements(couple.id)
    problems: list[Words] = []
    with speaking(couple.language) as tr:
        if session_id is None:
            text = written_document(store, couple, agreements, today)
            title, name = _("Our agreements"), "agreement"
        else:
            session = store.load_session(couple.id, session_id)
            packs = session_packs(session, store, library)
            text = summary_markdown(couple, session, packs, agreements, problems=problems)
            title, name = _("Session {id}").format(id=session.id), session.id
        # TRANSLATORS: an HTML page's title: "Our agreements: Sam and Alex".
        heading = _("{title}: {names}").format(title=title, names=plain_names(couple.names))
    if fmt == "html":
        return Document(to_html(text, heading, tr.language), title, f"{name}.html", problems)
    return Document(text, title, f"{name}.md", problems)


def plain_names(names: Sequence[str]) -> str:
    """ "Sam and Alex" in the language being spoken, for a title (not Markdown)."""
    if len(names) <= 1:
        return "".join(names)
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])
