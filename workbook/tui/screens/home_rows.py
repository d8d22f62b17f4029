"""Home's table and the line below it, made from each couple's overview: the columns that fit
the width, a couple's cells, and the couple in words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.cells import cell_len
from textual.content import Content

from workbook.data import couple_problems
from workbook.data.overview import Overview
from workbook.i18n.catalog import SOURCE_TRANSLATIONS, Translations, speaking
from workbook.logic.caseload import appointment_text, due_text, shown_day, week_words
from workbook.tui.plain import fill
from workbook.tui.widgets.case_table import Column

# Home's widest, as in workbook.tcss.
MAX_WIDTH = 104
# Narrower than this, a phone (``Host.HORIZONTAL_BREAKPOINTS``: "-phone").
PHONE = 60
# The room the names need, with their padding: the other columns give way to them until they
# have it. On a phone, two names of 9 letters ("Alexandra and Benjamin") whole, as a row is
# little else there; wider, the dates stay beside names of 14 letters.
NAMES, NAMES_ON_A_PHONE = 16, 24


def table_columns(
    width: int, wide: bool, tr: Translations = SOURCE_TRANSLATIONS
) -> tuple[list[str], list[Column]]:
    """The keys of the columns after the names, and every column, fixed in width so that the
    table never scrolls sideways: the names take what the dates and counts leave."""
    _ = tr._

    def heading(label: str, key: str, cells: int) -> tuple[str, str, int]:
        # As wide as its heading in a longer language too, within reason.
        return label, key, min(max(cells, cell_len(label)), cells + 6)

    fixed = [heading(_("Last session"), "last", 12), heading(_("Next review"), "review", 14)]
    if wide:
        # The count is in the line below the table too; the names need the room more.
        fixed = [
            heading(_("With"), "with", 18),
            *fixed,
            heading(_("Next session"), "appointment", 16),
        ]
    # Also where the table says which rows show ("189–200/200").
    fixed.append(("", "status", 11))
    # Home's width less its padding, and the table's margins and border (on a phone, the
    # border only: workbook.tcss ``.-phone #home``).
    inner = min(width, MAX_WIDTH) - (2 if width < PHONE else 2 + 2 + 2)
    names = inner - sum(column_width + 2 for _, _, column_width in fixed)
    # Narrow: the names are what a row is for, and the columns give way to them, the day of
    # the last session first, then (on a phone) the next review (the sort by each still
    # works, and the line below the table counts the agreements due). The status stays:
    # "unfinished" is what Resume goes by, and it says which rows show.
    least = NAMES_ON_A_PHONE if width < PHONE else NAMES
    for giving_way in ("last", "review") if width < PHONE else ("last",):
        if names >= least:
            break
        names += sum(cells + 2 for _, key, cells in fixed if key == giving_way)
        fixed = [column for column in fixed if column[1] != giving_way]
    columns = [Column(_("Couple"), max(names, 12) - 2)]
    columns += [Column(label, column_width) for label, _, column_width in fixed]
    return [key for _, key, _ in fixed], columns


def row_cells(
    couple: Overview, keys: list[str], today: date, tr: Translations = SOURCE_TRANSLATIONS
) -> list[str]:
    """The cells of a couple's row, for the columns ``keys`` after the names (the days and
    counts the core words, in ``tr``'s language)."""
    with speaking(tr):
        return _row_cells(couple, keys, today, tr)


def _row_cells(couple: Overview, keys: list[str], today: date, tr: Translations) -> list[str]:
    _ = tr._
    a, b = couple.names
    status = [
        word
        for word, on_ in (
            (_("unfinished"), couple.unfinished),
            (_("archived"), couple.archived),
            ("⚠", couple.problem is not None),
        )
        if on_
    ]
    values = {
        "with": couple.facilitator or "",
        "last": shown_day(couple),
        "review": due_text(couple, today),
        "sessions": str(couple.sessions),
        "appointment": appointment_text(couple),
        "status": " ".join(status),
    }
    # The care flag stands before the names, where the eye starts (docs/screens.md).
    flag = "⚑ " if couple.care is not None else ""
    return [flag + _("{a} and {b}").format(a=a, b=b), *(values[key] for key in keys)]


def description(
    couple: Overview, keys_for: Callable[[str], str], tr: Translations = SOURCE_TRANSLATIONS
) -> Content:
    """The highlighted couple in words: the facts, then a problem or what can be done, with
    the keys in force (``keys_for(action_id)``)."""
    with speaking(tr):
        return _description(couple, keys_for, tr)


def _description(couple: Overview, keys_for: Callable[[str], str], tr: Translations) -> Content:
    _ = tr._
    a, b = couple.names
    sessions, active, due = couple.sessions, couple.agreements_active, couple.agreements_due
    parts = [tr.ngettext("{count} session", "{count} sessions", sessions).format(count=sessions)]
    if due:
        agreements = tr.ngettext(
            "{count} agreement, {due} due for review",
            "{count} agreements, {due} due for review",
            active,
        ).format(count=active, due=due)
    else:
        agreements = tr.ngettext("{count} agreement", "{count} agreements", active).format(
            count=active
        )
    week = week_words(couple)
    # At 80 columns the line has room for the week only without "0 agreements".
    if couple.agreements_active or not week:
        parts.append(agreements)
    parts += week
    if couple.problem:
        second = "⚠ $problem"
    else:
        edit, resume = keys_for("home.edit"), keys_for("home.resume")
        hints = (
            [_("{keys} resumes the unfinished session").format(keys=resume)]
            if couple.unfinished
            else []
        )
        if couple.care is not None:
            if couple.care[0]:
                flag = _("⚑ care flag since {day} ({keys} clears it)").format(
                    day=couple.care[0][:10], keys=edit
                )
            else:
                flag = _("⚑ care flag ({keys} clears it)").format(keys=edit)
            hints.insert(0, flag)
        goals, homework = keys_for("home.goals"), keys_for("home.homework")
        hints.append(
            _("{goals} goals · {homework} homework").format(goals=goals, homework=homework)
        )
        hints.append(
            _("{keys} brings them back").format(keys=edit)
            if couple.archived
            else _("{keys} edits or archives").format(keys=edit)
        )
        hints.append(_("{keys} deletes").format(keys=keys_for("home.delete")))
        second = " · ".join(hints)
    first = _("$a and $b with $f: {facts}") if couple.facilitator else _("$a and $b: {facts}")
    return fill(
        first.format(facts=" · ".join(parts)) + "\n" + second,
        a=a,
        b=b,
        f=couple.facilitator or "",
        problem=couple_problems.said(couple.problem, couple.problems, tr),
    )
