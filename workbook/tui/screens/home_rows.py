"""Home's table and the line below it, made from each couple's overview: the columns that fit
the width, a couple's cells, and the couple in words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.content import Content

from workbook.data.overview import Overview
from workbook.logic.caseload import appointment_text, due_text, shown_day, week_words
from workbook.tui.plain import fill
from workbook.tui.widgets.case_table import Column

# Home's widest, as in workbook.tcss.
MAX_WIDTH = 104


def table_columns(width: int, wide: bool) -> tuple[list[str], list[Column]]:
    """The keys of the columns after the names, and every column, fixed in width so that the
    table never scrolls sideways: the names take what the dates and counts leave."""
    fixed = [("Last session", "last", 12), ("Next review", "review", 14)]
    if wide:
        # The count is in the line below the table too; the names need the room more.
        fixed = [("With", "with", 18), *fixed, ("Next session", "appointment", 16)]
    # Also where the table says which rows show ("189–200/200").
    fixed.append(("", "status", 11))
    # Home's width less its padding, and the table's margins and border.
    inner = min(width, MAX_WIDTH) - 2 - 2 - 2
    names = inner - sum(column_width + 2 for _, _, column_width in fixed)
    if names < 16:
        # Narrow: the day of the last session gives way (the sort by it still works).
        fixed = [column for column in fixed if column[1] != "last"]
        names += 14
    columns = [Column("Couple", max(names, 12) - 2)]
    columns += [Column(label, column_width) for label, _, column_width in fixed]
    return [key for _, key, _ in fixed], columns


def row_cells(couple: Overview, keys: list[str], today: date) -> list[str]:
    """The cells of a couple's row, for the columns ``keys`` after the names."""
    a, b = couple.names
    status = [
        word
        for word, on_ in (
            ("unfinished", couple.unfinished),
            ("archived", couple.archived),
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
    return [f"{flag}{a} and {b}", *(values[key] for key in keys)]


def description(couple: Overview, keys_for: Callable[[str], str]) -> Content:
    """The highlighted couple in words: the facts, then a problem or what can be done, with
    the keys in force (``keys_for(action_id)``)."""
    a, b = couple.names
    parts = [f"{couple.sessions} session{'s' if couple.sessions != 1 else ''}"]
    agreements = (
        f"{couple.agreements_active} agreement{'s' if couple.agreements_active != 1 else ''}"
    )
    if couple.agreements_due:
        agreements += f", {couple.agreements_due} due for review"
    week = week_words(couple)
    # At 80 columns the line has room for the week only without "0 agreements".
    if couple.agreements_active or not week:
        parts.append(agreements)
    parts += week
    facilitator = " with $f" if couple.facilitator else ""
    if couple.problem:
        second = "⚠ $problem"
    else:
        edit, resume = keys_for("home.edit"), keys_for("home.resume")
        hints = [f"{resume} resumes the unfinished session"] if couple.unfinished else []
        if couple.care is not None:
            since = f" since {couple.care[0][:10]}" if couple.care[0] else ""
            hints.insert(0, f"⚑ care flag{since} ({edit} clears it)")
        goals, homework = keys_for("home.goals"), keys_for("home.homework")
        hints.append(f"{goals} goals · {homework} homework")
        hints.append(f"{edit} brings them back" if couple.archived else f"{edit} edits or archives")
        hints.append(f"{keys_for('home.delete')} deletes")
        second = " · ".join(hints)
    return fill(
        f"$a and $b{facilitator}: {' · '.join(parts)}\n{second}",
        a=a,
        b=b,
        f=couple.facilitator or "",
        problem=couple.problem or "",
    )
