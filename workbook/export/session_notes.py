"""The counsellor's session notes (DESIGN.md section 7): a document of its own, never the couple's
summary with notes added (``export --session ID --include-notes``), in the app's language.

"Confidential" is in its first lines. Then the session's notes, each with its time, the step
the couple was at, and where it was written (the counsellor's console, or the couple's own
screen with Ctrl+O); the progress note (DAP, SOAP or BIRP) with when it was signed and its
addenda; the partners' sealed answers as given, each partner's in
order with its time ("Yes at 14:02, then No at 14:04"), the first that asked for care marked;
and notes an older version kept in the session file. The case record's confidential part shows
each session the same way (``blocks``). It is laid out as blocks, so Markdown and HTML say the
same, with every piece of text escaped by its renderer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from workbook.data.models import Couple
from workbook.data.notes import CONSOLE, COUPLE_WINDOW, SessionNotes
from workbook.data.progress_note import PART_TITLES, ProgressNote
from workbook.data.sealed import Given, is_empty
from workbook.data.store import Store
from workbook.export.blocks import Block, Heading, Lines, Page, em, items, notice, para, strong
from workbook.export.case_data import SessionEntry, in_notes, session_entry
from workbook.export.document import Document
from workbook.export.markdown import long_date, number
from workbook.export.render_html import render_html
from workbook.export.render_md import render_md
from workbook.export.summary import clock
from workbook.i18n.catalog import N_, _, current, pgettext, speaking
from workbook.i18n.said import Words
from workbook.logic.safety import flags, options_of
from workbook.logic.scores import shown
from workbook.packs.load import LoadedPack
from workbook.packs.placeholders import neutral

CONFIDENTIAL = N_(
    "The counsellor's own notes on this session, and each partner's sealed answers. Keep it "
    "with your clinical files; it is not for the couple, and none of it is in their documents."
)
ORIGIN_WORDS = {
    CONSOLE: N_("in the console"),
    COUPLE_WINDOW: N_("on the couple's screen (Ctrl+O)"),
}
# A sealed answer nested deeper than this is summarised, not spelled out.
SEALED_DEPTH = 3


def notes_document(
    store: Store,
    couple_id: str,
    session_id: str,
    library: Mapping[str, LoadedPack],
    today: date,
    *,
    fmt: str = "md",
    language: str | None = None,
) -> Document:
    """The counsellor's notes on one session, as Markdown or HTML, in ``language`` (the app's).
    Raises ``DataError`` when the couple or the session file cannot be read; what else could
    not be read is in ``problems``."""
    with speaking(language) as tr:
        return _notes_document(store, couple_id, session_id, library, today, fmt, tr.language)


def _notes_document(
    store: Store,
    couple_id: str,
    session_id: str,
    library: Mapping[str, LoadedPack],
    today: date,
    fmt: str,
    language: str,
) -> Document:
    couple = store.load_couple(couple_id)
    problems: list[Words] = []
    entry = session_entry(store, couple.id, session_id, library, problems)
    if entry.session is None:
        store.load_session(couple.id, session_id)  # raises the DataError it met
    assert entry.session is not None
    legacy = entry.session.facilitator.notes if entry.session.facilitator else ""
    notes = store.notes(couple.id, session_id, legacy).read()
    problems += in_notes(session_id, notes.problems)
    names: dict[str, str] = {p.key: p.name for p in couple.partners}
    day = long_date(entry.session.started.date())
    title = _("Session notes: {names}, {day}").format(names=both(couple.names), day=day)
    page = Page(_("{title} (confidential)").format(title=title), language=language)
    page.add(
        Heading(1, title),
        notice(strong(_("Confidential.")), " " + current().gettext(CONFIDENTIAL)),
    )
    page.add(
        para(
            _("{people}. Session {session}, started at {time}.").format(
                people=people(couple), session=session_id, time=clock(entry.session.started)
            )
        )
    )
    page.add(para(_("Written on {day}.").format(day=long_date(today))))
    body = blocks(entry, notes, names)
    page.add(*(body or [para(em(_("No notes were kept for this session.")))]))
    name = f"{session_id}-notes"
    if fmt == "html":
        return Document(render_html(page), page.title, f"{name}.html", problems)
    return Document(render_md(page), page.title, f"{name}.md", problems)


def both(names: tuple[str, str]) -> str:
    """ "Sam and Alex", plain text, in the language being spoken."""
    return _("{first} and {last}").format(first=names[0], last=names[1])


def people(couple: Couple) -> str:
    """The couple, and their facilitator: "Sam and Alex, with Dr. Lee"."""
    if couple.facilitator:
        return _("{people}, with {facilitator}").format(
            people=both(couple.names), facilitator=couple.facilitator
        )
    return both(couple.names)


def progress_blocks(note: ProgressNote) -> list[Block]:
    """The progress note in its template's parts, then when it was signed and its addenda,
    each with its own time."""
    if not note.written() and note.signed is None:
        return []
    parts = [p for p in note.part_ids() if note.parts.get(p, "").strip()]
    out: list[Block] = [para(strong(_("{template} note").format(template=note.template)))]
    if parts:
        out.append(items(*(Lines(note.parts[p], label=_part(p)) for p in parts)))
    if note.signed is not None:
        signed = _("Signed {day}, {time}.").format(
            day=long_date(note.signed.date()), time=clock(note.signed)
        )
        out.append(para(em(signed)))
    else:
        out.append(para(em(_("Not signed."))))
    if note.addenda:
        out.append(
            items(
                *(
                    Lines(
                        a.text,
                        label=_("Addendum, {day}, {time}:").format(
                            day=long_date(a.at.date()), time=clock(a.at)
                        ),
                    )
                    for a in note.addenda
                )
            )
        )
    return out


def _part(part: str) -> str:
    title = PART_TITLES.get(part)
    # TRANSLATORS: a label before a part of a progress note, or before a partner's answers.
    return _("{label}:").format(label=current().gettext(title) if title else part)


def has_notes(notes: SessionNotes) -> bool:
    return bool(
        any(n.text.strip() for n in notes.notes)
        or notes.progress.written()
        or notes.progress.signed is not None
        or _sealed(notes)
        or notes.legacy.strip()
    )


def blocks(entry: SessionEntry, notes: SessionNotes, names: Mapping[str, str]) -> list[Block]:
    """One session's notes, DAP note, sealed answers as given, and older notes."""
    out: list[Block] = []
    stamped = [n for n in notes.notes if n.text.strip()]
    if stamped:
        out.append(para(strong(_("Notes"))))
        stamps: list[Block] = []
        for note in stamped:
            where = entry.title(note.pack) if note.pack else ""
            if note.step:
                where = _("{pack}, {step}").format(
                    pack=where, step=step_title(entry, note.pack, note.step)
                )
            when = clock(note.at)
            if entry.session is not None and note.at.date() != entry.session.started.date():
                when = _("{day}, {time}").format(day=long_date(note.at.date()), time=when)
            known = ORIGIN_WORDS.get(note.origin)
            origin = (
                current().gettext(known)
                if known
                else _("origin “{origin}”").format(origin=note.origin)
            )
            label = (
                _("{when}, written {origin}, at {where}:").format(
                    when=when, origin=origin, where=where
                )
                if where
                else _("{when}, written {origin}:").format(when=when, origin=origin)
            )
            stamps.append(Lines(note.text, label=label))
        out.append(items(*stamps))
    out += progress_blocks(notes.progress)
    if _sealed(notes):
        out.append(
            para(
                strong(_("Sealed answers, as given")),
                " "
                + _("(each partner's private answers, oldest first; never shown to the couple)"),
            )
        )
        care = {(f.pack, f.step, f.partner): f for f in flags(notes.given, _options(entry))}
        answers = []
        for pack_id, step_id, given in _sealed(notes):
            said: list[Block] = [
                para(
                    _("{pack}: {step}").format(
                        pack=entry.title(pack_id), step=step_title(entry, pack_id, step_id)
                    )
                )
            ]
            for key in ("a", "b"):
                mine = [g for g in given if g.who == key]
                if mine:
                    flag = care.get((pack_id, step_id, key))
                    answers_given = (
                        _("{answers} ⚑ asked for care: “{answer}”").format(
                            answers=sequence(mine), answer=flag.answer
                        )
                        if flag
                        else sequence(mine)
                    )
                    label = _("{label}:").format(label=names[key])
                    said.append(Lines(answers_given, label=label))
            answers.append(tuple(said))
        out.append(items(*answers))
    if notes.legacy.strip():
        out += [para(strong(_("Notes kept in the session file"))), Lines(notes.legacy)]
    return out


def _options(entry: SessionEntry) -> dict[tuple[str, str], Sequence[str]]:
    return options_of(used.pack for used in entry.packs.values() if used.pack is not None)


def sequence(given: Sequence[Given]) -> str:
    """One partner's answers in order: "Yes at 14:02, then No at 14:04"."""
    said = []
    for entry in given:
        words = _("no answer") if is_empty(entry.answer) else answer_words(entry.answer)
        said.append(
            _("{answer} at {time}").format(answer=words, time=f"{entry.at:%H:%M}")
            if entry.at is not None
            else words
        )
    # TRANSLATORS: between one partner's sealed answers in the order given: "Yes, then No".
    return _(", then ").join(said)


def answer_words(value: Any, depth: int = 0) -> str:
    """A sealed answer as words, whatever shape its kind stores it in."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return number(shown(value))
    if isinstance(value, str):
        return value
    if depth >= SEALED_DEPTH:
        return "…"
    if isinstance(value, list):
        return pgettext("list", ", ").join(answer_words(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {answer_words(v, depth + 1)}" for k, v in value.items())
    return str(value)


def step_title(entry: SessionEntry, pack_id: str, step_id: str) -> str:
    used = entry.packs.get(pack_id)
    pack = used.pack if used else None
    if pack is not None:
        for step in pack.steps:
            if step.id == step_id:
                return step.title or neutral(getattr(step, "prompt", "") or "") or step_id
    return step_id


def _sealed(notes: SessionNotes) -> list[tuple[str, str, list[Given]]]:
    """The sealed steps with an answer from at least one partner, with every answer given."""
    return [
        (pack_id, step_id, given)
        for pack_id, steps in notes.given.items()
        for step_id, given in steps.items()
        if given
    ]
